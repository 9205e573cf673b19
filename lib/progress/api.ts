import "server-only";
import { z } from "zod";
import { findQuestion, lessonExists, questionsForLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { answerKey, certaintyMark, CONFIDENCE, grade, responseSchema, withVariant, type GradeResult, type Question } from "@/lib/quiz";
import { encodeLink } from "@/lib/sim/link";
import { answerHash, attemptIdSchema, reusedAttemptId } from "./attempt-id";
import { attemptsByQuestion, recordAttempt, recordLessonEvent } from "./progress";
import { ratingOf, reviewAnswer } from "./review";

export { readJson, readQuery, localeQuery, MAX_BODY_BYTES } from "./read-json";

/**
 * The logic behind the quiz and progress endpoints, separate from HTTP and cookies so it can be
 * tested against a real database. Each function validates first and returns a status with a
 * JSON body; expected failures are values (400 with a message, 404), never exceptions.
 */
export type ApiResult = { status: number; body: Record<string, unknown> };
/** A validated request, or the error response to send instead. */
export type Checked<T> = { ok: true; value: T } | { ok: false; result: ApiResult };

const locale = z.enum(["en", "zh"]).default("en");

export const answerRequestSchema = z.strictObject({
  questionId: z.string().min(1).max(100),
  response: responseSchema,
  locale,
  /** How sure the learner was (certainty-based marking); optional. */
  confidence: z.enum(CONFIDENCE).optional(),
  /** Chosen by the browser per attempt, so a resubmission is not counted twice (lib/progress/attempt-id.ts). */
  clientAttemptId: attemptIdSchema.optional(),
  timeTakenMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
  /** A review variant (lib/quiz/variant.ts) is graded as the variant that was shown. */
  variant: z.number().int().min(0).max(10_000).optional(),
});

/** GET /api/quiz/state?lesson=<slug>&locale=en|zh */
export const quizStateQuery = z.object({ lesson: z.string().regex(/^[a-z0-9-]{1,60}$/, "expected a lesson slug"), locale });

export const progressRequestSchema = z.strictObject({
  lesson: z.string().regex(/^[a-z0-9-]+$/).max(60),
  event: z.enum(["started", "read"]),
});

/** The 400 for a body that fails its schema: the first problem, with the field it is in. */
export function invalid(error: z.ZodError): ApiResult {
  const issue = error.issues[0]!;
  return { status: 400, body: { error: `${issue.path.join(".") || "body"}: ${issue.message}` } };
}

/** Validates a request body against its schema: the value, or the 400 to send. */
export function checkWith<T extends z.ZodType>(schema: T, body: unknown): Checked<z.infer<T>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, result: invalid(parsed.error) };
}

/** An answer that was validated and graded, waiting to be recorded for someone. */
export interface GradedAnswer {
  request: z.infer<typeof answerRequestSchema>;
  lesson: string;
  question: Question;
  result: Extract<GradeResult, { ok: true }>;
}

/** Validates and grades an answer before anyone is identified, so junk requests create no guest. */
export function checkAnswer(body: unknown): Checked<GradedAnswer> {
  const parsed = answerRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, result: invalid(parsed.error) };
  const found = findQuestion(parsed.data.questionId);
  if (!found) return { ok: false, result: { status: 404, body: { error: `no question with id "${parsed.data.questionId}"` } } };
  const question = withVariant(found.question, parsed.data.variant ?? 0);
  const result = grade(question, parsed.data.response, parsed.data.locale);
  if (!result.ok) return { ok: false, result: { status: 400, body: { error: `response: ${result.error}` } } };
  return { ok: true, value: { request: parsed.data, lesson: found.lesson, question, result } };
}

/** The feedback kept with an attempt (everything beyond right/wrong), shown again on reload. */
function feedbackOf(result: Extract<GradeResult, { ok: true }>): Record<string, unknown> {
  return { ...(result.parts ? { parts: result.parts } : {}), ...(result.audit ? { audit: result.audit } : {}), ...(result.problems ? { problems: result.problems } : {}) };
}

/** What the browser learns once it has answered: the grade, the key, the explanation, and for simulation questions a Lab link to the exact scenario. */
export function gradedBody(question: Question, lang: "en" | "zh", graded: { correct: boolean; score: number; certainty: number | null; feedback: Record<string, unknown> }) {
  const sim = question.type === "sim-predict" || question.type === "config-fix";
  return {
    questionId: question.id,
    correct: graded.correct,
    score: graded.score,
    certainty: graded.certainty,
    answer: answerKey(question),
    explanation: question.explanation[lang],
    source: question.source,
    ...graded.feedback,
    ...(question.type === "explain" ? { model: question.model[lang], concepts: question.rubric.map((c) => ({ id: c.id, text: c.concept[lang] })) } : {}),
    ...(sim && "inline" in question.scenario ? { lab: `/${lang}/lab?s=${encodeLink({ input: question.scenario.inline, atMs: 0 })}` } : {}),
  };
}

/** What identifies an answer under its attempt id: not the time taken or the language, which a retry may change. */
const quizAnswerHash = (r: z.infer<typeof answerRequestSchema>) => answerHash({ questionId: r.questionId, variant: r.variant ?? 0, response: r.response, confidence: r.confidence ?? null });

/**
 * Records a graded answer. A resend under the same client attempt id stores nothing and returns
 * the grade stored the first time; the same id with a different answer is a 409.
 */
export async function answerQuestion(db: PrismaClient, userId: string, { request, lesson, question, result }: GradedAnswer, now: Date = new Date()): Promise<ApiResult> {
  const ids = questionsForLesson(lesson).map((q) => q.id);
  const certainty = certaintyMark(result.score, request.confidence);
  const feedback = feedbackOf(result);
  const bodyHash = request.clientAttemptId ? quizAnswerHash(request) : undefined;
  const recorded = await recordAttempt(db, userId, lesson, question, request.response, result, ids, { confidence: request.confidence, certainty, timeTakenMs: request.timeTakenMs, feedback, clientAttemptId: request.clientAttemptId, bodyHash });
  if (!recorded.created) {
    const first = recorded.existing;
    // Rows from before hashes were kept are compared by what they stored.
    const same = first.bodyHash ? first.bodyHash === bodyHash : first.questionId === question.id && first.response === JSON.stringify(request.response);
    if (!same) return reusedAttemptId(request.clientAttemptId!);
    const stored = first.feedback ? (JSON.parse(first.feedback) as Record<string, unknown>) : {};
    return { status: 200, body: gradedBody(question, request.locale, { correct: first.correct, score: first.score, certainty: first.certainty, feedback: stored }) };
  }
  // Every answer is a review of the question's card; a resubmitted attempt is not a second one.
  await reviewAnswer(db, userId, lesson, question.id, ratingOf(result.score, request.confidence), now);
  return { status: 200, body: gradedBody(question, request.locale, { correct: result.correct, score: result.score, certainty, feedback }) };
}

/** The learner's latest answer to each question they answered: only those are revealed. */
export async function quizState(db: PrismaClient, userId: string | null, lesson: string, lang: "en" | "zh"): Promise<ApiResult> {
  if (!lessonExists(lesson)) return { status: 404, body: { error: `no lesson "${lesson}"` } };
  if (!userId) return { status: 200, body: { answers: [] } };
  const latest = await attemptsByQuestion(db, userId, lesson, "latest");
  const answers = questionsForLesson(lesson)
    .filter((q) => latest.has(q.id))
    .map((q) => {
      const a = latest.get(q.id)!;
      const feedback = a.feedback ? (JSON.parse(a.feedback) as Record<string, unknown>) : {};
      return { ...gradedBody(q, lang, { correct: a.correct, score: a.score, certainty: a.certainty, feedback }), response: JSON.parse(a.response) as unknown, confidence: a.confidence };
    });
  return { status: 200, body: { answers } };
}

export function checkProgress(body: unknown): Checked<z.infer<typeof progressRequestSchema>> {
  const parsed = progressRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, result: invalid(parsed.error) };
  if (!lessonExists(parsed.data.lesson)) return { ok: false, result: { status: 404, body: { error: `no lesson "${parsed.data.lesson}"` } } };
  return { ok: true, value: parsed.data };
}

export async function recordProgress(db: PrismaClient, userId: string, request: z.infer<typeof progressRequestSchema>): Promise<ApiResult> {
  const ids = questionsForLesson(request.lesson).map((q) => q.id);
  await recordLessonEvent(db, userId, request.lesson, request.event, ids);
  return { status: 200, body: { ok: true } };
}
