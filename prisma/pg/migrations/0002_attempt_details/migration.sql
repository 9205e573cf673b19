-- PostgreSQL twin of prisma/migrations/0002_attempt_details, written by `npm run db:migration`.
-- AlterTable
ALTER TABLE "QuestionAttempt" ADD COLUMN     "certainty" DOUBLE PRECISION,
ADD COLUMN     "clientAttemptId" TEXT,
ADD COLUMN     "confidence" TEXT,
ADD COLUMN     "feedback" TEXT,
ADD COLUMN     "timeTakenMs" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "QuestionAttempt_userId_clientAttemptId_key" ON "QuestionAttempt"("userId", "clientAttemptId");
