import "server-only";
import { loadQuestionFiles } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { computeMastery, type Mastery } from "./mastery";

/** A learner's mastery now, per question, lesson and misconception (see mastery.ts). */
export async function masteryFor(db: PrismaClient, userId: string, now: Date = new Date()): Promise<Mastery> {
  const attempts = await db.questionAttempt.findMany({ where: { userId }, select: { questionId: true, score: true, certainty: true, createdAt: true } });
  const questions = [...loadQuestionFiles()].flatMap(([lesson, f]) => f.questions.map((q) => ({ id: q.id, lesson, tags: q.tags })));
  return computeMastery(attempts, questions, now);
}
