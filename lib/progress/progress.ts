import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { GradeResult, Question, QuizResponse } from "@/lib/quiz";

/** A lesson is completed once read to the end and at least this share of its questions is answered right. */
export const PASS_RATIO = 0.8;

export async function recordLessonEvent(db: PrismaClient, userId: string, lessonSlug: string, event: "started" | "read", questionIds: string[]): Promise<void> {
  const now = new Date();
  await db.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    create: { userId, lessonSlug, ...(event === "read" ? { readAt: now } : {}) },
    update: event === "read" ? { readAt: now } : {},
  });
  await refreshCompletion(db, userId, lessonSlug, questionIds);
}

export async function recordAttempt(
  db: PrismaClient,
  userId: string,
  lessonSlug: string,
  question: Question,
  response: QuizResponse,
  result: Extract<GradeResult, { ok: true }>,
  questionIds: string[],
): Promise<void> {
  await db.questionAttempt.create({
    data: { userId, lessonSlug, questionId: question.id, response: JSON.stringify(response), correct: result.correct, score: result.score },
  });
  await db.lessonProgress.upsert({ where: { userId_lessonSlug: { userId, lessonSlug } }, create: { userId, lessonSlug }, update: {} });
  await refreshCompletion(db, userId, lessonSlug, questionIds);
}

/** The latest attempt per question of one lesson. */
export async function latestAttempts(db: PrismaClient, userId: string, lessonSlug: string) {
  const rows = await db.questionAttempt.findMany({ where: { userId, lessonSlug }, orderBy: { createdAt: "asc" } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.questionId, r);
  return latest;
}

async function refreshCompletion(db: PrismaClient, userId: string, lessonSlug: string, questionIds: string[]): Promise<void> {
  const progress = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } });
  if (!progress || progress.completedAt || !progress.readAt) return;
  const latest = await latestAttempts(db, userId, lessonSlug);
  const right = questionIds.filter((id) => latest.get(id)?.correct).length;
  if (questionIds.length === 0 || right / questionIds.length >= PASS_RATIO)
    await db.lessonProgress.update({ where: { id: progress.id }, data: { completedAt: new Date() } });
}

export interface LessonStats {
  lessonSlug: string;
  started: boolean;
  read: boolean;
  completed: boolean;
  answered: number;
  correct: number;
  attempts: number;
  correctAttempts: number;
}

/** Per-lesson progress for the dashboard and the lesson list. */
export async function lessonStats(db: PrismaClient, userId: string): Promise<Map<string, LessonStats>> {
  const [progress, attempts] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId } }),
    db.questionAttempt.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  const stats = new Map<string, LessonStats>();
  const get = (slug: string) => {
    let s = stats.get(slug);
    if (!s) stats.set(slug, (s = { lessonSlug: slug, started: false, read: false, completed: false, answered: 0, correct: 0, attempts: 0, correctAttempts: 0 }));
    return s;
  };
  for (const p of progress) Object.assign(get(p.lessonSlug), { started: true, read: p.readAt !== null, completed: p.completedAt !== null });
  const latest = new Map<string, { lesson: string; correct: boolean }>();
  for (const a of attempts) {
    const s = get(a.lessonSlug);
    s.attempts++;
    if (a.correct) s.correctAttempts++;
    latest.set(a.questionId, { lesson: a.lessonSlug, correct: a.correct });
  }
  for (const { lesson, correct } of latest.values()) {
    const s = get(lesson);
    s.answered++;
    if (correct) s.correct++;
  }
  return stats;
}
