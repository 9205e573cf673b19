-- PostgreSQL twin of prisma/migrations/0007_answer_attempt_id, written by `npm run db:migration`.
-- AlterTable
ALTER TABLE "QuestionAttempt" ADD COLUMN     "bodyHash" TEXT;

-- AlterTable
ALTER TABLE "MockAnswer" ADD COLUMN     "bodyHash" TEXT,
ADD COLUMN     "clientAttemptId" TEXT;

-- AlterTable
ALTER TABLE "LiveAnswer" ADD COLUMN     "bodyHash" TEXT,
ADD COLUMN     "clientAttemptId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MockAnswer_sessionId_clientAttemptId_key" ON "MockAnswer"("sessionId", "clientAttemptId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveAnswer_participantId_clientAttemptId_key" ON "LiveAnswer"("participantId", "clientAttemptId");
