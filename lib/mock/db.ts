import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { findQuestion, loadChains } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { answerQuestion, checkWith, gradedBody, type ApiResult } from "@/lib/progress/api";
import { answerHash, attemptIdSchema, isUniqueViolation, reusedAttemptId } from "@/lib/progress/attempt-id";
import { CONFIDENCE, grade, responseSchema, toPublicQuestion, type PublicQuestion, type SetupWords } from "@/lib/quiz";
import { planMock } from "./plan";
import { compareWith, studyPlan, summarise, type AskedQuestion, type MockSummary, type PreviousMock } from "./report";
import { FOCUSES, LENGTHS, LEVELS, plannedChainSchema, type Chain } from "./schema";
import { currentStep, endReason, totalSteps, walk, type EndReason } from "./session";

/**
 * Mock interviews on the server: the plan, the answers and the deadline live in the database, so
 * a reload resumes the same interview and the clock cannot be paused from the browser. Every
 * function takes `now` (lib/clock) and returns a status with a JSON body.
 */
const locale = z.enum(["en", "zh"]).default("en");

export const startMockSchema = z.strictObject({
  minutes: z.union(LENGTHS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<10>, z.ZodLiteral<20>, z.ZodLiteral<30>]),
  focus: z.enum(FOCUSES),
  level: z.enum(LEVELS),
});

export const mockAnswerSchema = z
  .strictObject({
    /** The position of the question being answered: a resubmission of an answered position is not counted twice. */
    position: z.number().int().min(0).max(200),
    response: responseSchema.optional(),
    /** "I don't know": counts as a wrong answer and moves on. */
    skip: z.literal(true).optional(),
    confidence: z.enum(CONFIDENCE).optional(),
    locale,
    timeTakenMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
    /** The browser's id for this answer: a resend returns the interview as it is now instead of a 409 (lib/progress/attempt-id.ts). */
    clientAttemptId: attemptIdSchema.optional(),
  })
  .refine((b) => (b.response === undefined) !== (b.skip === undefined), { message: "send either a response or skip: true", path: ["response"] });

export const checkStart = (body: unknown) => checkWith(startMockSchema, body);
export const checkMockAnswer = (body: unknown) => checkWith(mockAnswerSchema, body);

const planOf = (json: string): Chain[] => z.array(plannedChainSchema).parse(JSON.parse(json));

async function load(db: PrismaClient, userId: string, id: string) {
  const s = await db.mockSession.findUnique({ where: { id }, include: { answers: { orderBy: { position: "asc" } } } });
  return s && s.userId === userId ? s : null;
}
type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

/** Marks the session finished if its time is up or every question is answered; returns why it ended, or null while it runs. */
async function settle(db: PrismaClient, s: Loaded, now: Date): Promise<EndReason | null> {
  const reason = endReason(s, planOf(s.plan), s.answers, now);
  if (reason && !s.finishedAt) {
    const finishedAt = reason === "timeout" ? s.deadline : now;
    await db.mockSession.updateMany({ where: { id: s.id, finishedAt: null }, data: { finishedAt, endReason: reason } });
    Object.assign(s, { finishedAt, endReason: reason });
  }
  return reason;
}

export async function startMock(db: PrismaClient, userId: string, request: z.infer<typeof startMockSchema>, now: Date): Promise<ApiResult> {
  // One interview at a time: a running one is resumed rather than abandoned.
  const running = await db.mockSession.findFirst({ where: { userId, finishedAt: null }, orderBy: { startedAt: "desc" }, include: { answers: true } });
  if (running && !(await settle(db, running, now))) return { status: 200, body: { id: running.id, resumed: true } };
  const recent = await db.mockSession.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: 3, select: { plan: true } });
  const plan = planMock({
    chains: loadChains(),
    typeOf: (id) => findQuestion(id)?.question.type,
    ...request,
    seed: randomUUID(),
    recent: new Set(recent.flatMap((r) => planOf(r.plan).map((c) => c.id))),
  });
  if (plan.length === 0) return { status: 409, body: { error: `no interview questions are written for ${request.focus} at ${request.level} level yet` } };
  const created = await db.mockSession.create({
    data: { userId, ...request, plan: JSON.stringify(plan), startedAt: now, deadline: new Date(now.getTime() + request.minutes * 60_000) },
  });
  return { status: 201, body: { id: created.id, resumed: false } };
}

export interface ActiveState {
  status: "active";
  id: string;
  position: number;
  total: number;
  chain: { index: number; count: number; title: string };
  lead: string | null;
  question: PublicQuestion;
  remainingMs: number;
  minutes: number;
}
export type MockState = ActiveState | { status: "finished"; id: string; reason: EndReason };

/** What the interview page shows now: the current question (never its key), or that it is over. */
export async function mockState(db: PrismaClient, userId: string, id: string, lang: "en" | "zh", now: Date, terms: Record<string, string> = {}, words?: SetupWords): Promise<MockState | null> {
  const s = await load(db, userId, id);
  if (!s) return null;
  return stateOf(db, s, lang, now, terms, words);
}

async function stateOf(db: PrismaClient, s: Loaded, lang: "en" | "zh", now: Date, terms: Record<string, string>, words?: SetupWords): Promise<MockState> {
  const reason = await settle(db, s, now);
  if (reason) return { status: "finished", id: s.id, reason };
  const plan = planOf(s.plan);
  const step = currentStep(plan, s.answers)!;
  const found = findQuestion(step.questionId);
  if (!found) throw new Error(`mock ${s.id}: question ${step.questionId} is no longer in the bank`);
  return {
    status: "active",
    id: s.id,
    position: step.position,
    total: totalSteps(plan),
    chain: { index: step.chainIndex, count: plan.length, title: plan[step.chainIndex]!.title[lang] },
    lead: step.lead?.[lang] ?? null,
    question: toPublicQuestion(found.question, lang, terms, words),
    remainingMs: Math.max(0, s.deadline.getTime() - now.getTime()),
    minutes: s.minutes,
  };
}

/** What identifies a mock answer under its attempt id (not the time taken or the language). */
const mockAnswerHash = (b: z.infer<typeof mockAnswerSchema>) => answerHash({ position: b.position, response: b.response ?? null, skip: b.skip ?? false, confidence: b.confidence ?? null });

/** The interview's answer stored under this attempt id, if any. */
const byAttemptId = (db: PrismaClient, sessionId: string, clientAttemptId: string | undefined) =>
  clientAttemptId ? db.mockAnswer.findUnique({ where: { sessionId_clientAttemptId: { sessionId, clientAttemptId } } }) : null;

type StoredMockAnswer = NonNullable<Awaited<ReturnType<typeof byAttemptId>>>;

/**
 * The answer also counts as practice (attempt, mastery, spaced review). Its attempt id is derived
 * from the interview and position, so calling this again for a resend completes what a crash may
 * have interrupted without counting anything twice.
 */
async function recordPractice(db: PrismaClient, userId: string, a: StoredMockAnswer, locale: "en" | "zh", now: Date, gradedNow?: ReturnType<typeof grade> | null) {
  if (a.skipped || !a.response) return;
  const found = findQuestion(a.questionId);
  if (!found) return;
  const response = responseSchema.parse(JSON.parse(a.response));
  const graded = gradedNow ?? grade(found.question, response, locale);
  if (!graded.ok) return;
  const confidence = a.confidence ? z.enum(CONFIDENCE).parse(a.confidence) : undefined;
  await answerQuestion(db, userId, { request: { questionId: found.question.id, response, locale, confidence, clientAttemptId: `mock-${a.sessionId}-${a.position}`, timeTakenMs: a.timeTakenMs ?? undefined }, lesson: found.lesson, question: found.question, result: graded }, now);
}

/** A resend of an answer already stored under its attempt id: the interview as it is now, or a 409 for a different answer. */
async function replay(db: PrismaClient, userId: string, id: string, stored: StoredMockAnswer, body: z.infer<typeof mockAnswerSchema>, now: Date, terms: Record<string, string>, words?: SetupWords): Promise<ApiResult> {
  if (stored.bodyHash !== mockAnswerHash(body)) return reusedAttemptId(body.clientAttemptId!);
  await recordPractice(db, userId, stored, body.locale, now);
  return { status: 200, body: { state: await stateOf(db, (await load(db, userId, id))!, body.locale, now, terms, words) } };
}

/**
 * Records the answer to the current question. A resend under the answer's attempt id returns the
 * interview as it is now (even after the deadline) without counting again; a resubmission of a
 * position already answered is acknowledged as repeated; an answer after the deadline is refused.
 */
export async function answerMock(db: PrismaClient, userId: string, id: string, body: z.infer<typeof mockAnswerSchema>, now: Date, terms: Record<string, string> = {}, words?: SetupWords): Promise<ApiResult> {
  const s = await load(db, userId, id);
  if (!s) return { status: 404, body: { error: "no such interview" } };
  const earlier = await byAttemptId(db, s.id, body.clientAttemptId);
  if (earlier) return replay(db, userId, id, earlier, body, now, terms, words);
  const reason = await settle(db, s, now);
  if (reason) return { status: 409, body: { error: reason === "timeout" ? "time is up: this interview is over" : "this interview is over", state: { status: "finished", id, reason } } };
  const plan = planOf(s.plan);
  const step = currentStep(plan, s.answers)!;
  if (body.position !== step.position) {
    if (s.answers.some((a) => a.position === body.position)) return { status: 200, body: { repeated: true, state: await stateOf(db, s, body.locale, now, terms, words) } };
    return { status: 409, body: { error: `question ${body.position + 1} is not the current one (${step.position + 1} is)`, state: await stateOf(db, s, body.locale, now, terms, words) } };
  }
  const found = findQuestion(step.questionId)!;
  let result = { correct: false, score: 0, feedback: {} as Record<string, unknown> };
  let graded: ReturnType<typeof grade> | null = null;
  if (body.response) {
    graded = grade(found.question, body.response, body.locale);
    if (!graded.ok) return { status: 400, body: { error: `response: ${graded.error}` } };
    result = { correct: graded.correct, score: graded.score, feedback: { ...(graded.parts ? { parts: graded.parts } : {}), ...(graded.audit ? { audit: graded.audit } : {}), ...(graded.problems ? { problems: graded.problems } : {}) } };
  }
  let stored: StoredMockAnswer;
  try {
    stored = await db.mockAnswer.create({
      data: {
        sessionId: s.id,
        position: step.position,
        questionId: found.question.id,
        lessonSlug: found.lesson,
        response: body.response ? JSON.stringify(body.response) : null,
        skipped: !body.response,
        correct: result.correct,
        score: result.score,
        confidence: body.confidence ?? null,
        feedback: JSON.stringify(result.feedback),
        timeTakenMs: body.timeTakenMs ?? null,
        answeredAt: now,
        clientAttemptId: body.clientAttemptId ?? null,
        bodyHash: body.clientAttemptId ? mockAnswerHash(body) : null,
      },
    });
  } catch (err) {
    // The same answer raced in twice: a unique index (position, or attempt id) kept one.
    if (!isUniqueViolation(err)) throw err;
    const winner = await byAttemptId(db, s.id, body.clientAttemptId);
    if (winner) return replay(db, userId, id, winner, body, now, terms, words);
    const again = (await load(db, userId, id))!;
    return { status: 200, body: { repeated: true, state: await stateOf(db, again, body.locale, now, terms, words) } };
  }
  await recordPractice(db, userId, stored, body.locale, now, graded);
  const after = (await load(db, userId, id))!;
  return { status: 200, body: { state: await stateOf(db, after, body.locale, now, terms, words) } };
}

/** Ends a running interview early (the learner stops it); the report covers what was answered. */
export async function endMock(db: PrismaClient, userId: string, id: string, now: Date): Promise<ApiResult> {
  const s = await load(db, userId, id);
  if (!s) return { status: 404, body: { error: "no such interview" } };
  if (!(await settle(db, s, now))) await db.mockSession.updateMany({ where: { id, finishedAt: null }, data: { finishedAt: now, endReason: "ended" } });
  return { status: 200, body: { ok: true } };
}

/** Turns the share link of a finished interview's report on (a new random token) or off. */
export async function shareMock(db: PrismaClient, userId: string, id: string, enabled: boolean, now: Date): Promise<ApiResult> {
  const s = await load(db, userId, id);
  if (!s) return { status: 404, body: { error: "no such interview" } };
  if (!(await settle(db, s, now))) return { status: 409, body: { error: "a report can be shared once the interview is over" } };
  const shareToken = enabled ? (s.shareToken ?? randomBytes(18).toString("base64url")) : null;
  await db.mockSession.update({ where: { id }, data: { shareToken } });
  return { status: 200, body: { shareToken } };
}

function askedOf(s: Loaded): AskedQuestion[] {
  return s.answers.flatMap((a) => {
    const found = findQuestion(a.questionId);
    if (!found) return [];
    return [{ position: a.position, questionId: a.questionId, lesson: a.lessonSlug, type: found.question.type, tags: found.question.tags, score: a.score, correct: a.correct, skipped: a.skipped }];
  });
}

export interface ReportItem {
  position: number;
  lead: string | null;
  question: PublicQuestion;
  skipped: boolean;
  response: unknown;
  graded: ReturnType<typeof gradedBody>;
  timeTakenMs: number | null;
}

export interface MockReport {
  id: string;
  minutes: number;
  focus: string;
  level: string;
  startedAt: Date;
  finishedAt: Date;
  reason: EndReason;
  summary: MockSummary;
  items: ReportItem[];
  plan: { lessons: string[]; misconceptions: string[] };
  /** Against the learner's previous finished mock. */
  change: ReturnType<typeof compareWith>;
  history: PreviousMock[];
  shareToken: string | null;
}

async function reportOf(db: PrismaClient, s: Loaded, lang: "en" | "zh", terms: Record<string, string>, words?: SetupWords): Promise<MockReport> {
  const plan = planOf(s.plan);
  const asked = askedOf(s);
  const summary = summarise(asked, totalSteps(plan));
  const steps = walk(plan, s.answers);
  const items = s.answers.flatMap((a) => {
    const found = findQuestion(a.questionId);
    if (!found) return [];
    const feedback = a.feedback ? (JSON.parse(a.feedback) as Record<string, unknown>) : {};
    return [
      {
        position: a.position,
        lead: steps.find((x) => x.position === a.position)?.lead?.[lang] ?? null,
        question: toPublicQuestion(found.question, lang, terms, words),
        skipped: a.skipped,
        response: a.response ? (JSON.parse(a.response) as unknown) : null,
        graded: gradedBody(found.question, lang, { correct: a.correct, score: a.score, certainty: null, feedback }),
        timeTakenMs: a.timeTakenMs,
      },
    ];
  });
  const earlier = await db.mockSession.findMany({
    where: { userId: s.userId, finishedAt: { not: null }, startedAt: { lt: s.startedAt } },
    orderBy: { startedAt: "asc" },
    include: { answers: true },
  });
  const history = earlier.map((e) => ({ id: e.id, startedAt: e.startedAt, summary: summarise(askedOf(e), totalSteps(planOf(e.plan))) }));
  return {
    id: s.id,
    minutes: s.minutes,
    focus: s.focus,
    level: s.level,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt!,
    reason: (s.endReason as EndReason | null) ?? "completed",
    summary,
    items,
    plan: studyPlan(asked, summary),
    change: compareWith(summary, history.at(-1)),
    history,
    shareToken: s.shareToken,
  };
}

/** The owner's report of a finished interview; null if it is not theirs or still running. */
export async function mockReport(db: PrismaClient, userId: string, id: string, lang: "en" | "zh", now: Date, terms: Record<string, string> = {}, words?: SetupWords): Promise<MockReport | null> {
  const s = await load(db, userId, id);
  if (!s || !(await settle(db, s, now))) return null;
  return reportOf(db, s, lang, terms, words);
}

/** A report opened by its share link (read-only; the token is the only key). */
export async function sharedReport(db: PrismaClient, token: string, lang: "en" | "zh", terms: Record<string, string> = {}, words?: SetupWords): Promise<MockReport | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const s = await db.mockSession.findUnique({ where: { shareToken: token }, include: { answers: { orderBy: { position: "asc" } } } });
  if (!s || !s.finishedAt) return null;
  const report = await reportOf(db, s, lang, terms, words);
  // The viewer sees this one report, not the learner's other mocks.
  return { ...report, history: [], change: null, shareToken: null };
}

/** The learner's interviews, newest first, with their overall score (dashboard history). */
export async function listMocks(db: PrismaClient, userId: string, now: Date) {
  const sessions = await db.mockSession.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: 50, include: { answers: { orderBy: { position: "asc" } } } });
  const out = [];
  for (const s of sessions) {
    const reason = await settle(db, s, now);
    out.push({ id: s.id, startedAt: s.startedAt, minutes: s.minutes, focus: s.focus, level: s.level, running: reason === null, summary: summarise(askedOf(s), totalSteps(planOf(s.plan))) });
  }
  return out;
}
