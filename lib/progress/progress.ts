import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { GradeResult, Question, QuizResponse } from "@/lib/quiz";
import { isUniqueViolation } from "./attempt-id";

/**
 * A lesson is completed once read to the end and at least this share of its questions was
 * answered right the first time. Later attempts are practice: after a wrong answer the key is
 * shown, so counting retries would let anyone copy their way to a pass.
 */
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

/** What is stored with an attempt besides the grade. */
export interface AttemptDetails {
  confidence?: "low" | "medium" | "high";
  certainty: number | null;
  timeTakenMs?: number;
  feedback: Record<string, unknown>;
  clientAttemptId?: string;
  /** answerHash of the answer, kept with the client attempt id (lib/progress/attempt-id.ts). */
  bodyHash?: string;
}

type StoredAttempt = NonNullable<Awaited<ReturnType<PrismaClient["questionAttempt"]["findUnique"]>>>;

/**
 * Stores one attempt. With a client attempt id, a resubmission of the same attempt (a retry after
 * a lost response) finds the stored one and is not counted again: it is returned instead, for the
 * caller to answer with its original grade (or a 409 if a different answer was sent).
 */
export async function recordAttempt(
  db: PrismaClient,
  userId: string,
  lessonSlug: string,
  question: Question,
  response: QuizResponse,
  result: Extract<GradeResult, { ok: true }>,
  questionIds: string[],
  details: AttemptDetails = { certainty: null, feedback: {} },
): Promise<{ created: true } | { created: false; existing: StoredAttempt }> {
  const data = {
    userId,
    lessonSlug,
    questionId: question.id,
    response: JSON.stringify(response),
    correct: result.correct,
    score: result.score,
    confidence: details.confidence ?? null,
    certainty: details.certainty,
    timeTakenMs: details.timeTakenMs ?? null,
    feedback: JSON.stringify(details.feedback),
    clientAttemptId: details.clientAttemptId ?? null,
    bodyHash: details.clientAttemptId ? (details.bodyHash ?? null) : null,
  };
  const stored = () => (details.clientAttemptId ? db.questionAttempt.findUnique({ where: { userId_clientAttemptId: { userId, clientAttemptId: details.clientAttemptId } } }) : null);
  // A resend is rare: the unique index finds it, so the usual answer costs no look-up first.
  try {
    await db.questionAttempt.create({ data });
  } catch (err) {
    // A resend, or two copies of the same attempt that raced: the unique index kept the first.
    const winner = isUniqueViolation(err) ? await stored() : null;
    if (winner) return { created: false, existing: winner };
    throw err;
  }
  const progress = await db.lessonProgress.upsert({ where: { userId_lessonSlug: { userId, lessonSlug } }, create: { userId, lessonSlug }, update: {} });
  await refreshCompletion(db, userId, lessonSlug, questionIds, progress);
  return { created: true };
}

/** The first or the latest attempt per question of one lesson. */
export async function attemptsByQuestion(db: PrismaClient, userId: string, lessonSlug: string, which: "first" | "latest") {
  const rows = await db.questionAttempt.findMany({ where: { userId, lessonSlug }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const byQuestion = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (which === "latest" || !byQuestion.has(r.questionId)) byQuestion.set(r.questionId, r);
  return byQuestion;
}

export async function refreshCompletion(
  db: PrismaClient,
  userId: string,
  lessonSlug: string,
  questionIds: string[],
  /** The lesson's progress row when the caller has just read or written it. */
  known?: { id: string; completedAt: Date | null; readAt: Date | null } | null,
): Promise<void> {
  const progress = known ?? (await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } } }));
  if (!progress || progress.completedAt || !progress.readAt) return;
  const first = await attemptsByQuestion(db, userId, lessonSlug, "first");
  const right = questionIds.filter((id) => first.get(id)?.correct).length;
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
    db.questionAttempt.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const stats = new Map<string, LessonStats>();
  const get = (slug: string) => {
    let s = stats.get(slug);
    if (!s) stats.set(slug, (s = { lessonSlug: slug, started: false, read: false, completed: false, answered: 0, correct: 0, attempts: 0, correctAttempts: 0 }));
    return s;
  };
  for (const p of progress) Object.assign(get(p.lessonSlug), { started: true, read: p.readAt !== null, completed: p.completedAt !== null });
  // The first attempt at each question is its score (see PASS_RATIO).
  const first = new Map<string, { lesson: string; correct: boolean }>();
  for (const a of attempts) {
    const s = get(a.lessonSlug);
    s.attempts++;
    if (a.correct) s.correctAttempts++;
    if (!first.has(a.questionId)) first.set(a.questionId, { lesson: a.lessonSlug, correct: a.correct });
  }
  for (const { lesson, correct } of first.values()) {
    const s = get(lesson);
    s.answered++;
    if (correct) s.correct++;
  }
  return stats;
}
