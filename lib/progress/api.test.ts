/** The quiz, progress and account logic against a real SQLite database. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, signUp, signUpSchema } from "@/lib/auth";
import { questionsForLesson } from "@/lib/content";
import { createDb, type PrismaClient } from "@/lib/db";
import { answerQuestion, checkAnswer, checkProgress, lessonStats, mergeGuestInto, quizState, recordProgress } from "@/lib/progress";
import { rightResponse, wrongResponse, type Question } from "@/lib/quiz";
import { freshDb } from "@/lib/db/test-database";

let db: PrismaClient;
let url: string;
beforeAll(async () => {
  ({ db, url } = await freshDb());
});

const questions = () => questionsForLesson("acks");
async function guest() {
  return db.user.create({ data: { guestTokenHash: `hash-${Math.random()}` } });
}
async function answer(userId: string, q: Question, right: boolean) {
  const checked = checkAnswer({ questionId: q.id, response: right ? rightResponse(q) : wrongResponse(q) });
  if (!checked.ok) throw new Error(JSON.stringify(checked.result));
  await answerQuestion(db, userId, checked.value);
}
async function read(userId: string) {
  const progress = checkProgress({ lesson: "acks", event: "read" });
  if (!progress.ok) throw new Error("invalid");
  await recordProgress(db, userId, progress.value);
}

describe("grading through the API logic", () => {
  it("grades a right and a wrong answer, reveals the key and explanation only in the answer, and stores both", async () => {
    const user = await guest();
    const [q1, q2] = questions();
    for (const [q, response, correct] of [
      [q1!, rightResponse(q1!), true],
      [q2!, wrongResponse(q2!), false],
    ] as const) {
      const checked = checkAnswer({ questionId: q.id, response, locale: "zh" });
      if (!checked.ok) throw new Error(JSON.stringify(checked.result));
      const result = await answerQuestion(db, user.id, checked.value);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ questionId: q.id, correct, explanation: q.explanation.zh, source: q.source });
    }
    expect(await db.questionAttempt.count({ where: { userId: user.id } })).toBe(2);
    const state = await quizState(db, user.id, "acks", "en");
    const answers = state.body.answers as { questionId: string; correct: boolean; explanation: string }[];
    expect(answers.map((a) => [a.questionId, a.correct])).toEqual([
      [q1!.id, true],
      [q2!.id, false],
    ]);
    // Unanswered questions stay hidden.
    expect(JSON.stringify(state.body)).not.toContain(questions()[2]!.explanation.en);
  });

  it("every question type is graded right and wrong through the API; simulation answers carry their audit and a Lab link", async () => {
    const user = await guest();
    const types = new Set<string>();
    for (const q of questions()) {
      for (const [response, correct] of [
        [wrongResponse(q), false],
        [rightResponse(q), true],
      ] as const) {
        const checked = checkAnswer({ questionId: q.id, response, locale: "en" });
        if (!checked.ok) throw new Error(`${q.id}: ${JSON.stringify(checked.result)}`);
        const { body } = await answerQuestion(db, user.id, checked.value);
        expect(body.correct, q.id).toBe(correct);
        if (q.type === "sim-predict" || q.type === "config-fix") {
          expect(String(body.lab)).toMatch(/^\/en\/lab\?s=v1\./);
          expect(body.audit, q.id).toBeDefined();
        }
        if (q.type === "explain") expect(body.model).toBe(q.model.en);
      }
      types.add(q.type);
    }
    expect([...types].sort()).toEqual(["config-fix", "explain", "multiple", "numeric", "order", "sim-predict", "single", "true-false"]);
  });

  it("a resubmitted attempt (same client attempt id) is stored once and answered with its first grade; confidence gives a certainty mark", async () => {
    const user = await guest();
    const q = questions()[0]!;
    const id = randomUUID();
    const body = { questionId: q.id, response: wrongResponse(q), confidence: "high", clientAttemptId: id, timeTakenMs: 4200 };
    const results = [];
    for (let i = 0; i < 3; i++) {
      // A retry may measure the time again; it is the same answer.
      const checked = checkAnswer({ ...body, timeTakenMs: 4200 + i });
      if (!checked.ok) throw new Error(JSON.stringify(checked.result));
      results.push(await answerQuestion(db, user.id, checked.value));
    }
    expect(results[0]).toMatchObject({ status: 200, body: { correct: false, certainty: -2 } });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    const stored = await db.questionAttempt.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ confidence: "high", certainty: -2, timeTakenMs: 4200, clientAttemptId: id });
    // One review, not three.
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: user.id, questionId: q.id } });
    expect(JSON.parse(card.card).reps).toBe(1);
    const bad = checkAnswer({ ...body, confidence: "very" });
    expect(bad.ok).toBe(false);
  });

  it("a resend returns the grade stored the first time, even if grading would now differ", async () => {
    const user = await guest();
    const q = questions()[0]!;
    const checked = checkAnswer({ questionId: q.id, response: rightResponse(q), clientAttemptId: randomUUID() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.result));
    const first = await answerQuestion(db, user.id, checked.value);
    expect(first.body.correct).toBe(true);
    // Pretend the key changed between the two requests (content edited): the learner keeps the first verdict.
    await db.questionAttempt.updateMany({ where: { userId: user.id }, data: { score: 0.5 } });
    const again = await answerQuestion(db, user.id, checked.value);
    expect(again.body).toMatchObject({ correct: true, score: 0.5 });
  });

  it("the same attempt id with a different answer is a 409 and stores nothing", async () => {
    const user = await guest();
    const [q1, q2] = questions();
    const id = randomUUID();
    const send = async (body: Record<string, unknown>) => {
      const checked = checkAnswer({ clientAttemptId: id, ...body });
      if (!checked.ok) throw new Error(JSON.stringify(checked.result));
      return answerQuestion(db, user.id, checked.value);
    };
    expect((await send({ questionId: q1!.id, response: wrongResponse(q1!) })).status).toBe(200);
    for (const other of [{ questionId: q1!.id, response: rightResponse(q1!) }, { questionId: q1!.id, response: wrongResponse(q1!), confidence: "low" }, { questionId: q2!.id, response: wrongResponse(q2!) }]) {
      const r = await send(other);
      expect(r.status).toBe(409);
      expect(String(r.body.error)).toMatch(/already used for a different answer/);
    }
    expect(await db.questionAttempt.count({ where: { userId: user.id } })).toBe(1);
    // The same id is the learner's own: another learner may not collide with it (per-user unique).
    const other = await guest();
    const checked = checkAnswer({ clientAttemptId: id, questionId: q2!.id, response: wrongResponse(q2!) });
    if (!checked.ok) throw new Error("invalid");
    expect((await answerQuestion(db, other.id, checked.value)).status).toBe(200);
  });

  it("concurrent copies of one attempt race to one stored row and the same answer", async () => {
    const user = await guest();
    const q = questions()[1]!;
    const checked = checkAnswer({ questionId: q.id, response: rightResponse(q), clientAttemptId: randomUUID() });
    if (!checked.ok) throw new Error(JSON.stringify(checked.result));
    // A second client on the same file, as a second server process would be: the race reaches SQLite.
    const second = createDb(url);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => answerQuestion(i % 2 ? second : db, user.id, checked.value)));
    await second.$disconnect();
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(results[0])]));
    expect(results[0]!.status).toBe(200);
    expect(await db.questionAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(JSON.parse((await db.reviewCard.findFirstOrThrow({ where: { userId: user.id } })).card).reps).toBe(1);
  });

  it("an attempt id must be a UUID", () => {
    const q = questions()[0]!;
    const checked = checkAnswer({ questionId: q.id, response: wrongResponse(q), clientAttemptId: "attempt-0001" });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.result).toMatchObject({ status: 400, body: { error: expect.stringMatching(/clientAttemptId: an attempt id is a UUID/) } });
  });

  it.each([
    ["a body that is not an object", "nope", 400, /body|expected object/],
    ["a missing question id", { response: { choice: "a" } }, 400, /questionId/],
    ["a response of the wrong shape", { questionId: "x", response: { choice: 3 } }, 400, /response/],
    ["an extra field", { questionId: "x", response: { choice: "a" }, admin: true }, 400, /unknown|Unrecognized/i],
    ["an unknown question", { questionId: "no-such-question", response: { choice: "a" } }, 404, /no question/],
  ])("%s → %s", (_name, body, status, message) => {
    const checked = checkAnswer(body);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.result.status).toBe(status);
    expect(String(checked.result.body.error)).toMatch(message);
  });

  it("an option that is not in the question is a 400, not a wrong answer", () => {
    const q = questions().find((x) => x.type === "single")!;
    const checked = checkAnswer({ questionId: q.id, response: { choice: "zzz" } });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.result).toMatchObject({ status: 400 });
  });

  const need = () => Math.ceil(questions().length * 0.8);

  it("a lesson is completed once read and at least 80 % of its questions are right the first time", async () => {
    const user = await guest();
    await read(user.id);
    for (const [i, q] of questions().entries()) await answer(user.id, q, i < need());
    expect((await lessonStats(db, user.id)).get("acks")).toMatchObject({ started: true, read: true, completed: true, correct: need() });
  });

  it("retrying after the key was shown is practice: it does not raise the score or complete the lesson", async () => {
    const user = await guest();
    await read(user.id);
    for (const [i, q] of questions().entries()) await answer(user.id, q, i < need() - 1);
    const missed = questions()[need() - 1]!;
    await answer(user.id, missed, true);
    const stats = (await lessonStats(db, user.id)).get("acks")!;
    expect(stats).toMatchObject({ completed: false, correct: need() - 1, answered: questions().length });
    expect(stats.attempts).toBe(questions().length + 1);
  });

  it("progress for an unknown lesson is a 404", () => {
    const checked = checkProgress({ lesson: "nope", event: "started" });
    expect(!checked.ok && checked.result.status).toBe(404);
  });
});

describe("accounts", () => {
  const input = (email: string) => signUpSchema.parse({ email, password: "correct horse battery", name: "Ada" });

  it("signs up, rejects a duplicate email, and checks passwords (argon2id hashes, never plain)", async () => {
    const first = await signUp(db, input("Ada@Example.com"), null);
    expect(first.ok).toBe(true);
    expect(await signUp(db, input("ada@example.com"), null)).toEqual({ ok: false, error: "email-taken" });
    const stored = await db.user.findUnique({ where: { email: "ada@example.com" } });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain("correct horse");
    expect(await authenticate(db, "ada@example.com", "wrong password")).toBeNull();
    expect(await authenticate(db, "nobody@example.com", "correct horse battery")).toBeNull();
    expect((await authenticate(db, "ada@example.com", "correct horse battery"))?.id).toBe(stored?.id);
  });

  it("rejects weak or malformed sign-up input with a message", () => {
    expect(signUpSchema.safeParse({ email: "not-an-email", password: "long enough pass" }).error?.issues[0]?.message).toMatch(/email/);
    expect(signUpSchema.safeParse({ email: "a@b.co", password: "short" }).error?.issues[0]?.message).toMatch(/10 characters/);
  });

  it("signing up as a guest keeps the guest's answers", async () => {
    const g = await guest();
    const q = questions()[0]!;
    const checked = checkAnswer({ questionId: q.id, response: rightResponse(q) });
    if (checked.ok) await answerQuestion(db, g.id, checked.value);
    const result = await signUp(db, input("grace@example.com"), g.id);
    expect(result).toEqual({ ok: true, userId: g.id });
    expect(await db.questionAttempt.count({ where: { userId: g.id } })).toBe(1);
  });

  it("signing in from a guest session merges the guest's progress into the account", async () => {
    const account = await signUp(db, input("linus@example.com"), null);
    if (!account.ok) throw new Error("sign-up failed");
    await db.lessonProgress.create({ data: { userId: account.userId, lessonSlug: "acks" } });
    const g = await guest();
    await db.lessonProgress.create({ data: { userId: g.id, lessonSlug: "acks", readAt: new Date() } });
    const q = questions()[1]!;
    const checked = checkAnswer({ questionId: q.id, response: wrongResponse(q) });
    if (checked.ok) await answerQuestion(db, g.id, checked.value);
    await mergeGuestInto(db, g.id, account.userId);
    expect(await db.user.findUnique({ where: { id: g.id } })).toBeNull();
    expect(await db.questionAttempt.count({ where: { userId: account.userId } })).toBe(1);
    const progress = await db.lessonProgress.findMany({ where: { userId: account.userId } });
    expect(progress).toHaveLength(1);
    expect(progress[0]!.readAt).not.toBeNull();
  });

  it("merged answers can complete a lesson that neither side had completed", async () => {
    const account = await signUp(db, input("barbara@example.com"), null);
    if (!account.ok) throw new Error("sign-up failed");
    const all = questions();
    await read(account.userId);
    await answer(account.userId, all[0]!, true);
    const g = await guest();
    for (const q of all.slice(1)) await answer(g.id, q, true);
    expect((await lessonStats(db, account.userId)).get("acks")?.completed).toBe(false);
    await mergeGuestInto(db, g.id, account.userId);
    expect((await lessonStats(db, account.userId)).get("acks")).toMatchObject({ completed: true, correct: all.length });
  });

  it("sign-up strips invisible characters from names and refuses a password of spaces", () => {
    expect(signUpSchema.parse({ email: "n@example.com", password: "a long enough one", name: "\u202e\u0000Ada\u200b" }).name).toBe("Ada");
    expect(signUpSchema.safeParse({ email: "n@example.com", password: " ".repeat(12) }).success).toBe(false);
  });
});
