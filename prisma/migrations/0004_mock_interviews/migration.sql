-- Timed mock interviews (lib/mock).
-- CreateTable
CREATE TABLE "MockSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "focus" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "endReason" TEXT,
    "shareToken" TEXT,
    CONSTRAINT "MockSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MockAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "response" TEXT,
    "skipped" BOOLEAN NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "confidence" TEXT,
    "feedback" TEXT,
    "timeTakenMs" INTEGER,
    "answeredAt" DATETIME NOT NULL,
    CONSTRAINT "MockAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MockSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MockSession_shareToken_key" ON "MockSession"("shareToken");

-- CreateIndex
CREATE INDEX "MockSession_userId_startedAt_idx" ON "MockSession"("userId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MockAnswer_sessionId_position_key" ON "MockAnswer"("sessionId", "position");

