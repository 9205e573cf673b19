import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { questionsForLesson } from "@/lib/content";
import { rightResponse, wrongResponse } from "@/lib/quiz";
import { answerQuestion, checkAnswer } from "./api";
import { mergeGuestInto } from "./merge";
import { dueCount, dueReviews, nextDue, ratingOf, reviewAnswer } from "./review";

let db: PrismaClient;
beforeAll(async () => {
  db = (await freshDb()).db;
});
const user = () => db.user.create({ data: { guestTokenHash: `review-${Math.random()}` } });
const DAY = 24 * 3600 * 1000;
const t0 = new Date("2026-11-28T09:00:00Z");

describe("spaced review (FSRS, fixed clock)", () => {
  it.each([
    [0, undefined, Rating.Again],
    [0.4, "high", Rating.Again],
    [0.5, "medium", Rating.Hard],
    [1, "low", Rating.Hard],
    [1, undefined, Rating.Good],
    [1, "medium", Rating.Good],
    [1, "high", Rating.Easy],
  ] as const)("score %s at %s confidence → rating %s", (score, confidence, rating) => expect(ratingOf(score, confidence)).toBe(rating));

  it("a wrong answer comes back sooner than a sure right one, and a right one again later each time", async () => {
    const u = await user();
    const wrong = await reviewAnswer(db, u.id, "acks", "q-wrong", Rating.Again, t0);
    const sure = await reviewAnswer(db, u.id, "acks", "q-sure", Rating.Easy, t0);
    expect(wrong.getTime() - t0.getTime()).toBeLessThan(DAY);
    expect(sure.getTime() - t0.getTime()).toBeGreaterThan(DAY);
    const again = await reviewAnswer(db, u.id, "acks", "q-sure", Rating.Good, sure);
    expect(again.getTime() - sure.getTime()).toBeGreaterThan(sure.getTime() - t0.getTime());
    // Due now: only the one answered wrong; in a year, both.
    expect((await dueReviews(db, u.id, new Date(t0.getTime() + DAY))).map((r) => r.questionId)).toEqual(["q-wrong"]);
    expect(await dueCount(db, u.id, new Date(t0.getTime() + 365 * DAY))).toBe(2);
    // After the wrong one is due, the next one to fall due is the sure one.
    expect(await nextDue(db, u.id, new Date(t0.getTime() + DAY))).toEqual(again);
  });

  it("answering through the API schedules the card; a resubmission does not review twice; merging a guest keeps the account's card", async () => {
    const [guest, account] = [await user(), await user()];
    const [q1, q2] = questionsForLesson("acks");
    for (const [u, q, right] of [
      [guest, q1!, false],
      [guest, q2!, true],
      [account, q2!, false],
    ] as const) {
      const checked = checkAnswer({ questionId: q.id, response: right ? rightResponse(q) : wrongResponse(q), clientAttemptId: randomUUID() });
      if (!checked.ok) throw new Error(JSON.stringify(checked.result));
      await answerQuestion(db, u.id, checked.value, t0);
      await answerQuestion(db, u.id, checked.value, t0);
    }
    const cards = await db.reviewCard.findMany({ where: { userId: guest.id } });
    expect(cards.map((c) => JSON.parse(c.card).reps)).toEqual([1, 1]);
    const accountCard = await db.reviewCard.findFirstOrThrow({ where: { userId: account.id, questionId: q2!.id } });
    await db.user.update({ where: { id: account.id }, data: { email: `review-${Math.random()}@example.com` } });
    await mergeGuestInto(db, guest.id, account.id);
    const merged = await db.reviewCard.findMany({ where: { userId: account.id }, orderBy: { questionId: "asc" } });
    expect(merged.map((c) => c.questionId).sort()).toEqual([q1!.id, q2!.id].sort());
    expect(merged.find((c) => c.questionId === q2!.id)!.due).toEqual(accountCard.due);
  });
});
