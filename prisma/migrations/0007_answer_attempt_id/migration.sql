-- AlterTable
ALTER TABLE "QuestionAttempt" ADD COLUMN "bodyHash" TEXT;

-- AlterTable
ALTER TABLE "MockAnswer" ADD COLUMN "bodyHash" TEXT;
ALTER TABLE "MockAnswer" ADD COLUMN "clientAttemptId" TEXT;

-- AlterTable
ALTER TABLE "LiveAnswer" ADD COLUMN "bodyHash" TEXT;
ALTER TABLE "LiveAnswer" ADD COLUMN "clientAttemptId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MockAnswer_sessionId_clientAttemptId_key" ON "MockAnswer"("sessionId", "clientAttemptId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveAnswer_participantId_clientAttemptId_key" ON "LiveAnswer"("participantId", "clientAttemptId");

