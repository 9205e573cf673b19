import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { findQuestion } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { answerQuestion, gradedBody, type ApiResult } from "@/lib/progress/api";
import { answerHash, attemptIdSchema, isUniqueViolation, reusedAttemptId } from "@/lib/progress/attempt-id";
import { answerKey, grade, responseSchema, toPublicQuestion, type PublicQuestion, type Question, type SetupWords } from "@/lib/quiz";
import { parseScenario, type Scenario } from "@/lib/sim/scenario";
import { publish } from "./bus";
import { ACTIONS, CODE_PATTERN, HIDDEN_CHARACTERS, histogram, LEADERBOARDS, leaderboard, newCode, normaliseCode, transition, type Bar, type Leaderboard, type Phase } from "./state";

/**
 * Live sessions in the database: every change is stored before it is announced, so a restarted
 * server, a reloaded phone or a second host device all read the same state. Functions take `now`.
 */
type Lang = "en" | "zh";
type Words = { terms?: Record<string, string>; words?: SetupWords };

/** Answers that arrive this long after the countdown ends still count (network delay). */
export const LIVE_GRACE_MS = 2_000;

/** Names shown to the room: no control or text-direction characters (lib/live/state.ts). */
export const visibleText = (s: string) => !HIDDEN_CHARACTERS.test(s);
export const NO_HIDDEN = "no control or text-direction characters";

export const createLiveSchema = z.strictObject({
  title: z.string().trim().min(1, "give the session a title").max(120).refine(visibleText, NO_HIDDEN),
  questionIds: z.array(z.string().min(1).max(100)).min(1, "choose at least one question").max(50),
  secondsPerItem: z.number().int().min(10).max(600).default(60),
  leaderboard: z.enum(LEADERBOARDS).default("correct"),
  hideNames: z.boolean().default(false),
});
export const controlSchema = z.strictObject({ action: z.enum(ACTIONS) });
export const joinSchema = z.strictObject({
  code: z.string().max(20).transform(normaliseCode).pipe(z.string().regex(CODE_PATTERN, "a code is 6 letters and digits")),
  nickname: z.string().trim().min(1, "choose a nickname").max(30, "at most 30 characters").refine(visibleText, NO_HIDDEN),
});
export const liveAnswerSchema = z.strictObject({
  itemIndex: z.number().int().min(0).max(100),
  response: responseSchema,
  locale: z.enum(["en", "zh"]).default("en"),
  /** The phone's id for this answer: a resend gets the original result (lib/progress/attempt-id.ts). */
  clientAttemptId: attemptIdSchema.optional(),
});

const hashToken = (t: string) => createHash("sha256").update(t).digest("hex");
const itemsOf = (json: string) => z.array(z.string()).parse(JSON.parse(json));

export async function createLive(db: PrismaClient, hostId: string, input: z.infer<typeof createLiveSchema>): Promise<ApiResult> {
  const missing = input.questionIds.find((id) => !findQuestion(id));
  if (missing) return { status: 400, body: { error: `no question with id "${missing}"` } };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const s = await db.liveSession.create({
        data: { hostId, code: newCode(randomInt), title: input.title, items: JSON.stringify(input.questionIds), secondsPerItem: input.secondsPerItem, leaderboard: input.leaderboard, hideNames: input.hideNames },
      });
      return { status: 201, body: { id: s.id, code: s.code } };
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  return { status: 503, body: { error: "could not find a free code; try again" } };
}

async function hosted(db: PrismaClient, hostId: string, id: string) {
  const s = await db.liveSession.findUnique({ where: { id } });
  return s && s.hostId === hostId ? s : null;
}

export async function control(db: PrismaClient, hostId: string, id: string, action: z.infer<typeof controlSchema>["action"], now: Date): Promise<ApiResult> {
  const s = await hosted(db, hostId, id);
  if (!s) return { status: 404, body: { error: "no such session" } };
  const next = transition({ phase: s.phase as Phase, itemIndex: s.itemIndex, itemCount: itemsOf(s.items).length }, action);
  if (!next.ok) return { status: 409, body: { error: next.error } };
  const opening = next.state.phase === "question";
  // Only the state the host saw moves on: two host devices pressing at once apply one press.
  const { count } = await db.liveSession.updateMany({
    where: { id, phase: s.phase, itemIndex: s.itemIndex },
    data: {
      phase: next.state.phase,
      itemIndex: next.state.itemIndex,
      ...(opening ? { openedAt: now, closesAt: new Date(now.getTime() + s.secondsPerItem * 1000) } : {}),
      ...(next.state.phase === "reveal" ? { closesAt: now < (s.closesAt ?? now) ? now : s.closesAt } : {}),
      ...(next.state.phase === "ended" ? { endedAt: now } : {}),
    },
  });
  if (count === 0) return { status: 409, body: { error: "the session moved on meanwhile; here is where it is now" } };
  publish(id, "phase");
  return { status: 200, body: { phase: next.state.phase, itemIndex: next.state.itemIndex } };
}

type Session = NonNullable<Awaited<ReturnType<typeof hosted>>>;

function scenarioOf(q: Question): Scenario | null {
  if (q.type !== "sim-predict" || !("inline" in q.scenario)) return null;
  const parsed = parseScenario(q.scenario.inline);
  return parsed.ok ? parsed.scenario : null;
}

function currentQuestion(s: Session) {
  const items = itemsOf(s.items);
  const id = s.itemIndex >= 0 ? items[s.itemIndex] : undefined;
  return { items, found: id ? findQuestion(id) : null };
}

function barsFor(found: NonNullable<ReturnType<typeof findQuestion>>, answers: { response: string; score: number; count?: number }[], lang: Lang, revealed: boolean): Bar[] {
  const bars = histogram(found.question, answers.map((a) => ({ response: JSON.parse(a.response) as Record<string, unknown>, score: a.score, count: a.count })), revealed ? answerKey(found.question) : null);
  return bars.map((b) => ({ id: b.id, text: typeof b.text === "string" ? b.text : b.text[lang], count: b.count, ...(revealed ? { correct: b.correct } : {}) }));
}

/** Milliseconds until the open question closes; null when no question is open. */
const closesIn = (s: { phase: string; closesAt: Date | null }, now: Date) => (s.phase === "question" && s.closesAt ? Math.max(0, s.closesAt.getTime() - now.getTime()) : null);

const names = (participants: { id: string; nickname: string }[], hide: boolean) => new Map(participants.map((p, i) => [p.id, hide ? `#${i + 1}` : p.nickname]));

export interface HostView {
  id: string;
  code: string;
  title: string;
  phase: Phase;
  itemIndex: number;
  itemCount: number;
  participants: number;
  answered: number;
  closesInMs: number | null;
  question: PublicQuestion | null;
  bars: Bar[];
  reveal: ReturnType<typeof gradedBody> | null;
  leaderboard: { nickname: string; points: number }[] | null;
  leaderboardMode: Leaderboard;
  /** After the reveal of a prediction question: its run, for the projector's player (the simulation moment). */
  scenario: Scenario | null;
}

/** The projector's view: the code, the question, the live histogram, and after the reveal the answer and the leaderboard. */
export async function hostView(db: PrismaClient, hostId: string, id: string, lang: Lang, now: Date, w: Words = {}): Promise<HostView | null> {
  const s = await hosted(db, hostId, id);
  if (!s) return null;
  const { items, found } = currentQuestion(s);
  const revealed = s.phase === "reveal" || s.phase === "ended";
  const showBoard = s.leaderboard !== "off" && revealed;
  // While answers arrive this view is redrawn up to ten times a second (lib/live/bus), so it
  // reads counts and the distinct answers to the current question, not a row per learner; the
  // names and every answer are read only for the leaderboard, after the reveal.
  const [participants, grouped, board] = await Promise.all([
    db.liveParticipant.count({ where: { sessionId: id } }),
    s.itemIndex >= 0 ? db.liveAnswer.groupBy({ by: ["response", "score"], where: { sessionId: id, itemIndex: s.itemIndex }, _count: { _all: true } }) : [],
    showBoard
      ? Promise.all([
          db.liveParticipant.findMany({ where: { sessionId: id }, orderBy: { joinedAt: "asc" }, select: { id: true, nickname: true } }),
          db.liveAnswer.findMany({ where: { sessionId: id }, select: { participantId: true, score: true, timeTakenMs: true } }),
        ]).then(([people, answers]) => leaderboard(answers, names(people, s.hideNames), s.secondsPerItem * 1000, s.leaderboard as Leaderboard).map(({ nickname, points }) => ({ nickname, points })))
      : null,
  ]);
  const here = grouped.map((g) => ({ response: g.response, score: g.score, count: g._count._all }));
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    phase: s.phase as Phase,
    itemIndex: s.itemIndex,
    itemCount: items.length,
    participants,
    answered: here.reduce((sum, g) => sum + g.count, 0),
    closesInMs: closesIn(s, now),
    question: found && s.phase !== "lobby" ? toPublicQuestion(found.question, lang, w.terms, w.words) : null,
    bars: found && s.phase !== "lobby" ? barsFor(found, here, lang, revealed) : [],
    reveal: found && revealed ? gradedBody(found.question, lang, { correct: true, score: 1, certainty: null, feedback: {} }) : null,
    leaderboard: board,
    leaderboardMode: s.leaderboard as Leaderboard,
    scenario: found && revealed ? scenarioOf(found.question) : null,
  };
}

/**
 * Joins a session by code. A browser that already joined (its cookie token) or a signed-in
 * learner who already joined gets their place back; a new nickname must be free in the session.
 */
export async function joinLive(db: PrismaClient, input: z.infer<typeof joinSchema>, who: { userId: string | null; token: string | undefined }): Promise<ApiResult & { token?: string }> {
  const s = await db.liveSession.findUnique({ where: { code: input.code } });
  if (!s) return { status: 404, body: { error: `no session has the code ${input.code}` } };
  if (s.phase === "ended") return { status: 409, body: { error: "this session has ended" } };
  const existing =
    (who.token ? await db.liveParticipant.findUnique({ where: { tokenHash: hashToken(who.token) } }) : null) ??
    (who.userId ? await db.liveParticipant.findFirst({ where: { sessionId: s.id, userId: who.userId } }) : null);
  if (existing && existing.sessionId === s.id) {
    const token = randomBytes(24).toString("base64url");
    await db.liveParticipant.update({ where: { id: existing.id }, data: { tokenHash: hashToken(token) } });
    return { status: 200, body: { code: s.code, nickname: existing.nickname, rejoined: true }, token };
  }
  const token = randomBytes(24).toString("base64url");
  try {
    await db.liveParticipant.create({ data: { sessionId: s.id, nickname: input.nickname, userId: who.userId, tokenHash: hashToken(token) } });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return { status: 409, body: { error: `the nickname "${input.nickname}" is taken in this session; choose another` } };
    throw err;
  }
  publish(s.id, "answers");
  return { status: 201, body: { code: s.code, nickname: input.nickname, rejoined: false }, token };
}

export async function participantByToken(db: PrismaClient, code: string, token: string | undefined) {
  if (!token) return null;
  const p = await db.liveParticipant.findUnique({ where: { tokenHash: hashToken(token) }, include: { session: true } });
  return p && p.session.code === code ? p : null;
}
type Participant = NonNullable<Awaited<ReturnType<typeof participantByToken>>>;

/**
 * The room's answers to the revealed question and the full ranking. Every learner's screen asks
 * for them at the same moment (the reveal), so they are read once per session and question
 * rather than once per learner; answers are closed by then, so the copy cannot go stale.
 */
const revealed = new Map<string, Promise<{ here: { response: string; score: number }[]; board: { participantId: string; points: number }[] }>>();
function revealedRoom(db: PrismaClient, s: { id: string; itemIndex: number; secondsPerItem: number; leaderboard: string }) {
  const key = `${s.id}:${s.itemIndex}`;
  let room = revealed.get(key);
  if (!room) {
    room = (async () => {
      const all = await db.liveAnswer.findMany({ where: { sessionId: s.id }, select: { participantId: true, itemIndex: true, response: true, score: true, timeTakenMs: true } });
      const board = s.leaderboard === "off" ? [] : leaderboard(all, new Map(), s.secondsPerItem * 1000, s.leaderboard as Leaderboard, Number.MAX_SAFE_INTEGER);
      return { here: all.filter((a) => a.itemIndex === s.itemIndex), board };
    })();
    revealed.set(key, room);
    // Kept briefly: long enough for the burst of screens at the reveal.
    setTimeout(() => revealed.delete(key), 5_000).unref?.();
  }
  return room;
}

export interface LearnerView {
  code: string;
  title: string;
  nickname: string;
  phase: Phase;
  itemIndex: number;
  itemCount: number;
  closesInMs: number | null;
  question: PublicQuestion | null;
  /** Whether this learner has answered the current question (an answer counts once). */
  answered: boolean;
  /** After the reveal: how this learner did, the key and the explanation, and the room's answers. */
  result: (ReturnType<typeof gradedBody> & { answered: boolean }) | null;
  bars: Bar[];
  rank: { position: number; points: number } | null;
}

export async function learnerView(db: PrismaClient, p: Participant, lang: Lang, now: Date, w: Words = {}): Promise<LearnerView> {
  const s = (await db.liveSession.findUnique({ where: { id: p.sessionId } }))!;
  const { items, found } = currentQuestion(s);
  const revealed = s.phase === "reveal";
  const mine = s.itemIndex >= 0 ? await db.liveAnswer.findUnique({ where: { participantId_itemIndex: { participantId: p.id, itemIndex: s.itemIndex } } }) : null;
  let bars: Bar[] = [];
  let rank: LearnerView["rank"] = null;
  if (found && revealed) {
    const room = await revealedRoom(db, s);
    bars = barsFor(found, room.here, lang, true);
    const i = room.board.findIndex((b) => b.participantId === p.id);
    rank = s.leaderboard !== "off" && i >= 0 ? { position: i + 1, points: room.board[i]!.points } : null;
  }
  return {
    code: s.code,
    title: s.title,
    nickname: p.nickname,
    phase: s.phase as Phase,
    itemIndex: s.itemIndex,
    itemCount: items.length,
    closesInMs: closesIn(s, now),
    question: found && (s.phase === "question" || revealed) ? toPublicQuestion(found.question, lang, w.terms, w.words) : null,
    answered: Boolean(mine),
    result:
      found && revealed
        ? { ...gradedBody(found.question, lang, { correct: mine?.correct ?? false, score: mine?.score ?? 0, certainty: null, feedback: {} }), answered: Boolean(mine) }
        : null,
    bars,
    rank,
  };
}

/** What identifies a live answer under its attempt id. */
const liveAnswerHash = (input: z.infer<typeof liveAnswerSchema>) => answerHash({ itemIndex: input.itemIndex, response: input.response });

type StoredLiveAnswer = NonNullable<Awaited<ReturnType<PrismaClient["liveAnswer"]["findUnique"]>>>;

/**
 * A signed-in learner's answer also counts toward their own progress. The attempt id is derived
 * from the participant and question, so doing this again for a resend completes what a crash may
 * have interrupted without counting twice.
 */
async function recordPractice(db: PrismaClient, p: Participant, a: StoredLiveAnswer, locale: Lang, now: Date, gradedNow?: ReturnType<typeof grade>) {
  if (!p.userId) return;
  const found = findQuestion(itemsOf(p.session.items)[a.itemIndex] ?? "");
  if (!found) return;
  const response = responseSchema.parse(JSON.parse(a.response));
  const graded = gradedNow ?? grade(found.question, response, locale);
  if (!graded.ok) return;
  await answerQuestion(db, p.userId, { request: { questionId: found.question.id, response, locale, clientAttemptId: `live-${p.id}-${a.itemIndex}`, timeTakenMs: a.timeTakenMs }, lesson: found.lesson, question: found.question, result: graded }, now);
}

/** A resend of an answer stored under its attempt id: the original acknowledgement (even after the question closed), or a 409. */
async function replay(db: PrismaClient, p: Participant, stored: StoredLiveAnswer, input: z.infer<typeof liveAnswerSchema>, now: Date): Promise<ApiResult> {
  if (stored.bodyHash !== liveAnswerHash(input)) return reusedAttemptId(input.clientAttemptId!);
  await recordPractice(db, p, stored, input.locale, now);
  return { status: 200, body: { accepted: true } };
}

/**
 * Records an answer to the open question from the participant holding `token`; a second answer
 * to the same question is not counted, and a resend under the same attempt id gets the original
 * acknowledgement. One read (participant with session) and one write.
 */
export async function answerLive(db: PrismaClient, code: string, token: string | undefined, input: z.infer<typeof liveAnswerSchema>, now: Date): Promise<ApiResult> {
  const p = await participantByToken(db, code, token);
  if (!p) return { status: 403, body: { error: "join the session first" } };
  const byAttemptId = () => (input.clientAttemptId ? db.liveAnswer.findUnique({ where: { participantId_clientAttemptId: { participantId: p.id, clientAttemptId: input.clientAttemptId } } }) : null);
  const s = p.session;
  const open = s.phase === "question" && input.itemIndex === s.itemIndex;
  // Only a request that cannot be a first answer pays for the look-up: a resend after the
  // question closed. While it is open, the unique index finds resends on the write.
  if (!open) {
    const earlier = await byAttemptId();
    if (earlier) return replay(db, p, earlier, input, now);
    return { status: 409, body: { error: "this question is not open for answers" } };
  }
  if (s.closesAt && now.getTime() > s.closesAt.getTime() + LIVE_GRACE_MS) {
    const earlier = await byAttemptId();
    return earlier ? replay(db, p, earlier, input, now) : { status: 409, body: { error: "time is up for this question" } };
  }
  const { found } = currentQuestion(s);
  if (!found) return { status: 409, body: { error: "this question is not open for answers" } };
  const graded = grade(found.question, input.response, input.locale);
  if (!graded.ok) return { status: 400, body: { error: `response: ${graded.error}` } };
  const timeTakenMs = Math.max(0, now.getTime() - (s.openedAt ?? now).getTime());
  let stored: StoredLiveAnswer;
  try {
    stored = await db.liveAnswer.create({
      data: {
        sessionId: s.id,
        participantId: p.id,
        itemIndex: s.itemIndex,
        response: JSON.stringify(input.response),
        correct: graded.correct,
        score: graded.score,
        timeTakenMs,
        clientAttemptId: input.clientAttemptId ?? null,
        bodyHash: input.clientAttemptId ? liveAnswerHash(input) : null,
      },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const earlier = await byAttemptId();
    if (earlier) return replay(db, p, earlier, input, now);
    return { status: 200, body: { accepted: false, repeated: true } };
  }
  publish(s.id, "answers");
  await recordPractice(db, p, stored, input.locale, now, graded);
  return { status: 200, body: { accepted: true } };
}

/** One row per participant and question, for the session's CSV export. */
export async function sessionCsv(db: PrismaClient, hostId: string, id: string): Promise<string | null> {
  const s = await hosted(db, hostId, id);
  if (!s) return null;
  const items = itemsOf(s.items);
  const participants = await db.liveParticipant.findMany({ where: { sessionId: id }, orderBy: { joinedAt: "asc" }, include: { answers: true } });
  const cell = (v: string | number | boolean) => {
    const text = String(v);
    // Quote every text cell, and defuse spreadsheet formulas in names people typed.
    return typeof v === "string" ? `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"` : text;
  };
  const rows = [["nickname", "signed_in", "question_number", "question_id", "answered", "correct", "score", "time_taken_ms"].join(",")];
  for (const p of participants)
    items.forEach((qid, i) => {
      const a = p.answers.find((x) => x.itemIndex === i);
      rows.push([cell(p.nickname), p.userId !== null, i + 1, cell(qid), Boolean(a), a?.correct ?? false, a ? a.score : 0, a ? a.timeTakenMs : ""].map((v) => (typeof v === "string" && v.startsWith('"') ? v : String(v))).join(","));
    });
  return rows.join("\r\n") + "\r\n";
}

export async function listHosted(db: PrismaClient, hostId: string) {
  const sessions = await db.liveSession.findMany({ where: { hostId }, orderBy: { createdAt: "desc" }, take: 50, include: { _count: { select: { participants: true } } } });
  return sessions.map((s) => ({ id: s.id, code: s.code, title: s.title, phase: s.phase as Phase, createdAt: s.createdAt, questions: itemsOf(s.items).length, participants: s._count.participants }));
}
