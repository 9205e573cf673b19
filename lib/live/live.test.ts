/** Live sessions: codes, the host's controls, histograms, leaderboards, and the database rules (answer once, deadlines, rejoin, host only). */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { questionsForLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { deleteAccount, exportData } from "@/lib/progress";
import { rightResponse, wrongResponse, type Question } from "@/lib/quiz";
import { answerLive, control, liveAnswerSchema, createLive, createLiveSchema, hostView, joinLive, joinSchema, learnerView, LIVE_GRACE_MS, participantByToken, sessionCsv } from "./db";
import { CODE_PATTERN, histogram, leaderboard, newCode, normaliseCode, points, transition } from "./state";

describe("live state (pure)", () => {
  it("makes 6-character codes without look-alike characters, and forgives case and spaces", () => {
    let i = 0;
    for (let n = 0; n < 50; n++) expect(newCode((max) => (i++ * 7) % max)).toMatch(CODE_PATTERN);
    expect(normaliseCode(" ab-c 23k ")).toBe("ABC23K");
  });

  it("moves lobby → question → reveal → next question … → ended, refusing out-of-order controls", () => {
    let s = { phase: "lobby" as const, itemIndex: -1, itemCount: 2 } as Parameters<typeof transition>[0];
    expect(transition(s, "reveal").ok).toBe(false);
    for (const [action, phase, index] of [["start", "question", 0], ["reveal", "reveal", 0], ["next", "question", 1], ["reveal", "reveal", 1], ["next", "ended", 1]] as const) {
      const r = transition(s, action);
      if (!r.ok) throw new Error(r.error);
      expect(r.state).toMatchObject({ phase, itemIndex: index });
      s = r.state;
    }
    expect(transition(s, "start")).toEqual({ ok: false, error: "the session has ended" });
    expect(transition({ phase: "question", itemIndex: 0, itemCount: 3 }, "next").ok).toBe(false);
    expect(transition({ phase: "question", itemIndex: 0, itemCount: 3 }, "end")).toMatchObject({ ok: true, state: { phase: "ended" } });
    expect(transition({ phase: "lobby", itemIndex: -1, itemCount: 0 }, "start").ok).toBe(false);
  });

  it("counts answers per option, per bucket of a prediction, or right/partly/wrong", () => {
    const single = questionsForLesson("acks").find((q) => q.type === "single")! as Extract<Question, { type: "single" }>;
    const wrong = single.options.find((o) => o.id !== single.answer)!.id;
    const bars = histogram(single, [{ response: { choice: single.answer }, score: 1 }, { response: { choice: wrong }, score: 0 }, { response: { choice: wrong }, score: 0 }], null);
    expect(bars.find((b) => b.id === single.answer)).toMatchObject({ count: 1, correct: true });
    expect(bars.find((b) => b.id === wrong)).toMatchObject({ count: 2, correct: false });
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(3);
    const explain = questionsForLesson("acks").find((q) => q.type === "explain")!;
    expect(histogram(explain, [{ response: {}, score: 1 }, { response: {}, score: 0.5 }, { response: {}, score: 0 }], null).map((b) => b.count)).toEqual([1, 1, 1]);
    // Grouped answers (the host's view reads distinct answers with their counts) weigh as many.
    const grouped = histogram(single, [{ response: { choice: single.answer }, score: 1, count: 40 }, { response: { choice: wrong }, score: 0, count: 7 }, { response: { choice: wrong }, score: 0 }], null);
    expect(grouped.find((b) => b.id === single.answer)!.count).toBe(40);
    expect(grouped.find((b) => b.id === wrong)!.count).toBe(8);
    expect(histogram(explain, [{ response: {}, score: 1, count: 3 }, { response: {}, score: 0.5, count: 2 }, { response: {}, score: 0 }], null).map((b) => b.count)).toEqual([3, 2, 1]);
  });

  it("scores the leaderboard by correctness, or by correctness and speed", () => {
    expect(points(1, 0, 30_000, "speed")).toBe(1000);
    expect(points(1, 30_000, 30_000, "speed")).toBe(500);
    expect(points(1, 29_000, 30_000, "correct")).toBe(1000);
    expect(points(1, 0, 30_000, "off")).toBe(0);
    const answers = [
      { participantId: "a", score: 1, timeTakenMs: 20_000 },
      { participantId: "b", score: 1, timeTakenMs: 1_000 },
      { participantId: "c", score: 0, timeTakenMs: 500 },
    ];
    const names = new Map([["a", "Ann"], ["b", "Bo"], ["c", "Cy"]]);
    expect(leaderboard(answers, names, 30_000, "correct").map((r) => r.nickname)).toEqual(["Ann", "Bo", "Cy"]);
    expect(leaderboard(answers, names, 30_000, "speed").map((r) => r.nickname)).toEqual(["Bo", "Ann", "Cy"]);
  });
});

describe("live sessions in the database", () => {
  let db: PrismaClient;
  const T0 = new Date("2026-11-28T09:00:00Z");
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const qs = questionsForLesson("isr").filter((q) => q.type === "single" || q.type === "true-false").slice(0, 2);
  beforeAll(async () => {
    db = (await freshDb()).db;
  });
  const user = (role = "learner") => db.user.create({ data: { email: `${Math.random()}@x.test`, role } });
  async function session(hostId: string) {
    const input = createLiveSchema.parse({ title: "Durability 101", questionIds: qs.map((q) => q.id), secondsPerItem: 30 });
    const r = await createLive(db, hostId, input);
    return r.body as { id: string; code: string };
  }
  async function join(code: string, nickname: string, userId: string | null = null, token?: string) {
    const r = await joinLive(db, joinSchema.parse({ code, nickname }), { userId, token });
    return r;
  }

  it("runs a session: learners join by code, answer once each, the host sees the histogram, and a reload rejoins", async () => {
    const host = await user("instructor");
    const { id, code } = await session(host.id);
    expect(code).toMatch(CODE_PATTERN);
    const guest = await join(code.toLowerCase(), "Ann");
    expect(guest.status).toBe(201);
    const learner = await user();
    const signed = await join(code, "Bo", learner.id);
    expect((await join(code, "Ann")).status).toBe(409);
    const ann = (await participantByToken(db, code, guest.token))!;
    const bo = (await participantByToken(db, code, signed.token))!;

    expect((await answerLive(db, code, guest.token, { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(1000))).status).toBe(409);
    expect((await answerLive(db, code, "not-a-token", { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(1000))).status).toBe(403);
    await control(db, host.id, id, "start", T0);
    expect((await answerLive(db, code, guest.token, { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(2000))).body).toEqual({ accepted: true });
    expect((await answerLive(db, code, guest.token, { itemIndex: 0, response: wrongResponse(qs[0]!), locale: "en" }, at(3000))).body).toEqual({ accepted: false, repeated: true });
    await answerLive(db, code, signed.token, { itemIndex: 0, response: wrongResponse(qs[0]!), locale: "zh" }, at(4000));
    const view = (await hostView(db, host.id, id, "en", at(5000)))!;
    expect(view).toMatchObject({ phase: "question", participants: 2, answered: 2, closesInMs: 25_000 });
    expect(view.bars.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(view.bars.some((b) => "correct" in b)).toBe(false);
    expect(view.reveal).toBeNull();
    // Nothing of the key reaches a learner before the reveal.
    const before = await learnerView(db, ann, "en", at(5000));
    expect(before.answered).toBe(true);
    expect(JSON.stringify(before)).not.toMatch(/"answer"|"explanation"/);

    // A reload: the same browser (its token) rejoins as the same participant and still cannot answer twice.
    const again = await join(code, "ignored", null, guest.token);
    expect(again.body).toMatchObject({ nickname: "Ann", rejoined: true });
    const ann2 = (await participantByToken(db, code, again.token))!;
    expect(ann2.id).toBe(ann.id);
    expect((await answerLive(db, code, again.token, { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(6000))).body).toMatchObject({ repeated: true });

    await control(db, host.id, id, "reveal", at(7000));
    const revealed = (await hostView(db, host.id, id, "en", at(7000)))!;
    expect(revealed.reveal!.explanation).toBe(qs[0]!.explanation.en);
    expect(revealed.leaderboard!.map((r) => r.nickname)).toEqual(["Ann", "Bo"]);
    const mine = await learnerView(db, ann2, "en", at(7000));
    expect(mine.result).toMatchObject({ correct: true, answered: true });
    expect(mine.rank).toEqual({ position: 1, points: 1000 });
    // The signed-in learner's answer counts toward their progress.
    expect(await db.questionAttempt.count({ where: { userId: learner.id, questionId: qs[0]!.id } })).toBe(1);

    const csv = (await sessionCsv(db, host.id, id))!;
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 2 * qs.length);
    expect(csv).toContain(`"Ann",false,1,"${qs[0]!.id}",true,true,1,2000`);
    expect(csv).toContain(`"Bo",true,1,"${qs[0]!.id}",true,false,0,4000`);
  });

  it("closes a question when its time is up, lets only the host control it, and ends", async () => {
    const host = await user("instructor");
    const other = await user("instructor");
    const { id, code } = await session(host.id);
    const late = await join(code, "Late");
    expect((await control(db, other.id, id, "start", T0)).status).toBe(404);
    expect(await hostView(db, other.id, id, "en", T0)).toBeNull();
    expect(await sessionCsv(db, other.id, id)).toBeNull();
    await control(db, host.id, id, "start", T0);
    expect((await answerLive(db, code, late.token, { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(30_000 + LIVE_GRACE_MS + 1))).body).toEqual({ error: "time is up for this question" });
    expect((await control(db, host.id, id, "next", at(31_000))).status).toBe(409);
    await control(db, host.id, id, "end", at(32_000));
    expect((await join(code, "Newcomer")).status).toBe(409);
    expect((await hostView(db, host.id, id, "en", at(33_000)))!.phase).toBe("ended");
  });

  it("a resend under the same attempt id gets the original acknowledgement, even after the question closed; a different answer under it is a 409", async () => {
    const host = await user("instructor");
    const { id, code } = await session(host.id);
    const learner = await user();
    const signed = await join(code, "Cy", learner.id);
    const guest = await join(code, "Di");
    await control(db, host.id, id, "start", T0);
    const attemptId = randomUUID();
    const body = { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" as const, clientAttemptId: attemptId };
    // Concurrent copies (a retry racing the original) store one answer.
    const copies = await Promise.all([0, 1, 2, 3].map(() => answerLive(db, code, signed.token, body, at(1000))));
    expect(copies.map((r) => r.body)).toEqual([0, 1, 2, 3].map(() => ({ accepted: true })));
    expect(await answerLive(db, code, signed.token, body, at(40_000))).toEqual({ status: 200, body: { accepted: true } });
    // Another participant's answer under the same id is their own (ids are per participant).
    expect(await answerLive(db, code, guest.token, body, at(2000))).toEqual({ status: 200, body: { accepted: true } });
    await control(db, host.id, id, "reveal", at(41_000));
    expect(await answerLive(db, code, signed.token, body, at(42_000))).toEqual({ status: 200, body: { accepted: true } });
    const other = await answerLive(db, code, signed.token, { ...body, response: wrongResponse(qs[0]!) }, at(42_000));
    expect(other).toMatchObject({ status: 409, body: { error: expect.stringMatching(/already used for a different answer/) } });
    expect(await db.liveAnswer.count({ where: { sessionId: id } })).toBe(2);
    expect(await db.questionAttempt.count({ where: { userId: learner.id } })).toBe(1);
    expect(liveAnswerSchema.safeParse({ ...body, clientAttemptId: "x" }).success).toBe(false);
  });

  it("a learner who deletes their account mid-session can still answer from the same phone, as a guest of the session", async () => {
    const host = await user("instructor");
    const { id, code } = await session(host.id);
    const learner = await user();
    const joined = await join(code, "Del", learner.id);
    await control(db, host.id, id, "start", T0);
    const data = (await exportData(db, learner.id, at(500)))!;
    expect(data.liveSessions).toEqual([expect.objectContaining({ title: "Durability 101", nickname: "Del", answers: [] })]);
    expect(await deleteAccount(db, learner.id)).toBe(true);
    // Before: the answer was stored, then counting it toward the deleted user failed on its foreign key (a 500).
    expect((await answerLive(db, code, joined.token, { itemIndex: 0, response: rightResponse(qs[0]!), locale: "en" }, at(1000))).body).toEqual({ accepted: true });
    expect(await db.questionAttempt.count({ where: { userId: learner.id } })).toBe(0);
    expect((await db.liveParticipant.findFirst({ where: { sessionId: id, nickname: "Del" } }))!.userId).toBeNull();
  });

  it("refuses names with control or text-direction characters, and keeps ordinary ones", () => {
    for (const nickname of ["a\u0000b", "\u202Eevil", "tab\there", "bell\u0007"]) expect(joinSchema.safeParse({ code: "ABCDEF", nickname }).success, JSON.stringify(nickname)).toBe(false);
    for (const nickname of ["Ann", "李雷", "<b>Bo</b>", "O'Brien 😀"]) expect(joinSchema.safeParse({ code: "ABCDEF", nickname }).success, nickname).toBe(true);
    expect(createLiveSchema.safeParse({ title: "x\u2066y", questionIds: [qs[0]!.id] }).success).toBe(false);
  });

  it("turns away a wrong code and a malformed one with a message", async () => {
    expect(joinSchema.safeParse({ code: "0OIL11", nickname: "x" }).success).toBe(false);
    expect((await join("ZZZZZZ", "x")).status).toBe(404);
    expect(createLiveSchema.safeParse({ title: "", questionIds: [] }).success).toBe(false);
  });
});
