/** Mock interviews against a real SQLite database: start, resume, follow-up order, deadline, report, sharing, privacy. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findQuestion, loadChains } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { deleteAccount, exportData } from "@/lib/progress";
import { rightResponse, wrongResponse } from "@/lib/quiz";
import { answerMock, checkMockAnswer, checkStart, endMock, listMocks, mockReport, mockState, shareMock, sharedReport, startMock, type ActiveState } from "./db";
import type { Chain } from "./schema";
import { GRACE_MS } from "./session";

let db: PrismaClient;
beforeAll(async () => {
  db = (await freshDb()).db;
});

const T0 = new Date("2026-11-28T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const learner = () => db.user.create({ data: { guestTokenHash: `hash-${Math.random()}` } });
const question = (id: string) => findQuestion(id)!.question;

/** A session with a chosen plan, as startMock would store it. */
async function sessionWith(userId: string, plan: Chain[], minutes = 10) {
  const s = await db.mockSession.create({ data: { userId, minutes, focus: "mixed", level: "junior", plan: JSON.stringify(plan), startedAt: T0, deadline: later(minutes * 60_000) } });
  return s.id;
}
async function answer(userId: string, id: string, body: Record<string, unknown>, now = later(1000)) {
  const checked = checkMockAnswer({ locale: "en", ...body });
  if (!checked.ok) throw new Error(JSON.stringify(checked.result));
  return answerMock(db, userId, id, checked.value, now);
}
const active = async (userId: string, id: string, now = later(1000)) => (await mockState(db, userId, id, "en", now)) as ActiveState;

// A chain whose second step backs off to another question after a wrong answer.
const branching = loadChains().find((c) => c.steps[1]?.ifWrong)!;

describe("mock interviews", () => {
  it("validates the start request", () => {
    expect(checkStart({ minutes: 15, focus: "mixed", level: "junior" }).ok).toBe(false);
    expect(checkStart({ minutes: 10, focus: "network", level: "junior" }).ok).toBe(false);
    expect(checkStart({ minutes: 10, focus: "mixed", level: "junior", extra: 1 }).ok).toBe(false);
    expect(checkMockAnswer({ position: 0 }).ok).toBe(false);
    expect(checkMockAnswer({ position: 0, skip: true, response: { choice: "a" } }).ok).toBe(false);
  });

  it("starts an interview with a server-held deadline, and a second start resumes it instead of starting another", async () => {
    const u = await learner();
    const req = checkStart({ minutes: 20, focus: "producer", level: "senior" });
    if (!req.ok) throw new Error("invalid");
    const first = await startMock(db, u.id, req.value, T0);
    expect(first.status).toBe(201);
    const again = await startMock(db, u.id, req.value, later(60_000));
    expect(again.body).toEqual({ id: first.body.id, resumed: true });
    const state = await active(u.id, first.body.id as string, later(60_000));
    expect(state.remainingMs).toBe(19 * 60_000);
    expect(state.position).toBe(0);
    expect(state.lead).toBeNull();
    // Only the question, never its key or explanation.
    const text = JSON.stringify(state);
    expect(text).not.toMatch(/"answer"|"explanation"|"rubric"|"solution"|"when"/);
  });

  it("follows a right answer with the main follow-up and a wrong one with the ifWrong branch", async () => {
    const [right, wrong] = [await learner(), await learner()];
    const a = await sessionWith(right.id, [branching]);
    const b = await sessionWith(wrong.id, [branching]);
    const q0 = question(branching.steps[0]!.question);
    expect((await answer(right.id, a, { position: 0, response: rightResponse(q0) })).status).toBe(200);
    expect((await answer(wrong.id, b, { position: 0, response: wrongResponse(q0) })).status).toBe(200);
    const [sa, sb] = [await active(right.id, a), await active(wrong.id, b)];
    expect(sa.question.id).toBe(branching.steps[1]!.question);
    expect(sa.lead).toBe(branching.steps[1]!.lead!.en);
    expect(sb.question.id).toBe(branching.steps[1]!.ifWrong);
    expect(sb.lead).toBe(branching.steps[1]!.leadIfWrong!.en);
  });

  it("runs a plan whose last chain was cut to its opening step to fit the time", async () => {
    const u = await learner();
    const opener = { ...branching, steps: branching.steps.slice(0, 1) };
    const id = await sessionWith(u.id, [opener]);
    expect((await active(u.id, id)).question.id).toBe(opener.steps[0]!.question);
    await answer(u.id, id, { position: 0, skip: true });
    expect(await mockState(db, u.id, id, "en", later(2000))).toMatchObject({ status: "finished", reason: "completed" });
  });

  it("counts a resubmitted answer once and refuses an answer to another position", async () => {
    const u = await learner();
    const id = await sessionWith(u.id, [branching]);
    const q0 = question(branching.steps[0]!.question);
    await answer(u.id, id, { position: 0, response: rightResponse(q0) });
    const repeat = await answer(u.id, id, { position: 0, response: wrongResponse(q0) });
    expect(repeat).toMatchObject({ status: 200, body: { repeated: true } });
    expect(await db.mockAnswer.count({ where: { sessionId: id } })).toBe(1);
    expect((await db.mockAnswer.findFirst({ where: { sessionId: id } }))!.correct).toBe(true);
    const skipAhead = await answer(u.id, id, { position: 2, skip: true });
    expect(skipAhead.status).toBe(409);
    // The answer also counts as practice: an attempt and a review card.
    expect(await db.questionAttempt.count({ where: { userId: u.id, questionId: q0.id } })).toBe(1);
    expect(await db.reviewCard.count({ where: { userId: u.id, questionId: q0.id } })).toBe(1);
  });

  it("a resend under the same attempt id returns the interview as it is, stores one answer and counts one practice attempt; a different answer under it is a 409", async () => {
    const u = await learner();
    const id = await sessionWith(u.id, [branching], 10);
    const q0 = question(branching.steps[0]!.question);
    const attemptId = randomUUID();
    const body = { position: 0, response: rightResponse(q0), confidence: "high", clientAttemptId: attemptId };
    const first = await answer(u.id, id, { ...body, timeTakenMs: 900 });
    expect(first.status).toBe(200);
    expect((first.body.state as ActiveState).position).toBe(1);
    // Resends, one after the deadline: the original outcome, not "time is up".
    expect(await answer(u.id, id, { ...body, timeTakenMs: 950 })).toEqual(first);
    const late = await answer(u.id, id, body, later(20 * 60_000));
    expect(late).toMatchObject({ status: 200, body: { state: { status: "finished" } } });
    expect(late.body.repeated).toBeUndefined();
    const wrong = await answer(u.id, id, { ...body, response: wrongResponse(q0) });
    expect(wrong).toMatchObject({ status: 409, body: { error: expect.stringMatching(/already used for a different answer/) } });
    const other = await answer(u.id, id, { position: 1, skip: true, clientAttemptId: attemptId });
    expect(other.status).toBe(409);
    expect(await db.mockAnswer.count({ where: { sessionId: id } })).toBe(1);
    expect(await db.questionAttempt.count({ where: { userId: u.id } })).toBe(1);
    expect(JSON.parse((await db.reviewCard.findFirstOrThrow({ where: { userId: u.id } })).card).reps).toBe(1);
    expect(checkMockAnswer({ position: 0, skip: true, clientAttemptId: "not-a-uuid" }).ok).toBe(false);
  });

  it("concurrent copies of one answer race to one stored answer", async () => {
    const u = await learner();
    const id = await sessionWith(u.id, [branching]);
    const q0 = question(branching.steps[0]!.question);
    const body = { position: 0, response: wrongResponse(q0), clientAttemptId: randomUUID() };
    const results = await Promise.all(Array.from({ length: 6 }, () => answer(u.id, id, body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.every((r) => !r.body.repeated && (r.body.state as ActiveState).position === 1)).toBe(true);
    expect(await db.mockAnswer.count({ where: { sessionId: id } })).toBe(1);
    expect(await db.questionAttempt.count({ where: { userId: u.id } })).toBe(1);
  });

  it("enforces the deadline on the server: after it (and the grace period) answers are refused and the interview is over", async () => {
    const u = await learner();
    const id = await sessionWith(u.id, [branching], 10);
    const q0 = question(branching.steps[0]!.question);
    const justInTime = await answer(u.id, id, { position: 0, response: rightResponse(q0) }, later(10 * 60_000 + GRACE_MS));
    expect(justInTime.status).toBe(200);
    const late = await answer(u.id, id, { position: 1, skip: true }, later(10 * 60_000 + GRACE_MS + 1));
    expect(late).toMatchObject({ status: 409, body: { state: { status: "finished", reason: "timeout" } } });
    expect(await mockState(db, u.id, id, "en", later(11 * 60_000))).toEqual({ status: "finished", id, reason: "timeout" });
    const report = (await mockReport(db, u.id, id, "en", later(11 * 60_000)))!;
    expect(report.reason).toBe("timeout");
    expect(report.summary.answered).toBe(1);
    expect(report.summary.planned).toBe(branching.steps.length);
    expect(report.finishedAt).toEqual(later(10 * 60_000));
  });

  it("finishes when the last question is answered, and reports per axis with the wrong answers explained, a study plan and the change since the previous mock", async () => {
    const u = await learner();
    const chain = { ...branching, steps: branching.steps.slice(0, 2) };
    const first = await sessionWith(u.id, [chain]);
    const q0 = question(chain.steps[0]!.question);
    await answer(u.id, first, { position: 0, response: wrongResponse(q0) });
    await answer(u.id, first, { position: 1, skip: true });
    expect(await mockState(db, u.id, first, "en", later(2000))).toMatchObject({ status: "finished", reason: "completed" });
    const r1 = (await mockReport(db, u.id, first, "zh", later(2000)))!;
    expect(r1.summary.overall).toBe(0);
    expect(r1.summary.skipped).toBe(1);
    expect(r1.items.map((i) => i.graded.correct)).toEqual([false, false]);
    expect(r1.items[0]!.graded.explanation).toBe(q0.explanation.zh);
    expect(r1.items[1]!.lead).toBe(chain.steps[1]!.leadIfWrong!.zh);
    expect(r1.plan.lessons.length).toBeGreaterThan(0);
    expect(r1.change).toBeNull();

    // A second interview, answered right, compares with the first.
    await db.mockSession.update({ where: { id: first }, data: { startedAt: later(-3_600_000) } });
    const second = await sessionWith(u.id, [chain]);
    await answer(u.id, second, { position: 0, response: rightResponse(q0) });
    await answer(u.id, second, { position: 1, response: rightResponse(question(chain.steps[1]!.question)) });
    const r2 = (await mockReport(db, u.id, second, "en", later(5000)))!;
    expect(r2.summary.overall).toBe(1);
    expect(r2.change!.overall).toBe(1);
    expect(r2.history.map((h) => h.id)).toEqual([first]);
    expect(r2.plan.lessons).toEqual([]);
    const rows = await listMocks(db, u.id, later(5000));
    expect(rows.map((r) => r.id)).toEqual([second, first]);
  });

  it("keeps reports private: another learner gets nothing, and a share link shows the report without the learner's history until it is turned off", async () => {
    const [owner, other] = [await learner(), await learner()];
    const id = await sessionWith(owner.id, [branching]);
    expect(await mockState(db, other.id, id, "en", later(1000))).toBeNull();
    expect((await answer(other.id, id, { position: 0, skip: true })).status).toBe(404);
    expect((await shareMock(db, owner.id, id, true, later(1000))).status).toBe(409);
    await endMock(db, owner.id, id, later(2000));
    expect(await mockReport(db, other.id, id, "en", later(3000))).toBeNull();
    expect((await shareMock(db, other.id, id, true, later(3000))).status).toBe(404);
    const shared = await shareMock(db, owner.id, id, true, later(3000));
    const token = shared.body.shareToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const viewed = (await sharedReport(db, token, "en"))!;
    expect(viewed.reason).toBe("ended");
    expect(viewed.history).toEqual([]);
    expect(viewed.shareToken).toBeNull();
    await shareMock(db, owner.id, id, false, later(4000));
    expect(await sharedReport(db, token, "en")).toBeNull();
    expect(await sharedReport(db, "not a token", "en")).toBeNull();
  });

  it("exports the learner's own data, interviews included, and deletes all of it", async () => {
    const u = await learner();
    const id = await sessionWith(u.id, [branching]);
    await answer(u.id, id, { position: 0, response: rightResponse(question(branching.steps[0]!.question)) });
    const data = (await exportData(db, u.id, later(5000)))!;
    expect(data.mockInterviews).toHaveLength(1);
    expect(data.mockInterviews[0]!.answers[0]!.response).toEqual(rightResponse(question(branching.steps[0]!.question)));
    expect(data.attempts).toHaveLength(1);
    expect(data.reviewCards).toHaveLength(1);
    expect(data.account.guest).toBe(true);
    expect(await deleteAccount(db, u.id)).toBe(true);
    expect(await db.mockSession.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.mockAnswer.count({ where: { sessionId: id } })).toBe(0);
    expect(await db.questionAttempt.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.reviewCard.count({ where: { userId: u.id } })).toBe(0);
    expect(await exportData(db, u.id, later(6000))).toBeNull();
  });
});
