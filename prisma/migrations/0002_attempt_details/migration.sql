-- Confidence (certainty-based marking), time taken, per-part feedback, and the client's attempt id
-- (resubmitting the same attempt does not count twice).
ALTER TABLE "QuestionAttempt" ADD COLUMN "confidence" TEXT;
ALTER TABLE "QuestionAttempt" ADD COLUMN "certainty" REAL;
ALTER TABLE "QuestionAttempt" ADD COLUMN "timeTakenMs" INTEGER;
ALTER TABLE "QuestionAttempt" ADD COLUMN "feedback" TEXT;
ALTER TABLE "QuestionAttempt" ADD COLUMN "clientAttemptId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "QuestionAttempt_userId_clientAttemptId_key" ON "QuestionAttempt"("userId", "clientAttemptId");
