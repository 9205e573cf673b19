import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { computeItemStatistics, itemStatistics } from "./items";

describe("item statistics", () => {
  // Ten learners: strong ones (u0…) get q-good right and q-broken wrong; weak ones the opposite.
  const firsts = Array.from({ length: 10 }, (_, i) => i).flatMap((i) => [
    { userId: `u${i}`, questionId: "q-good", score: i < 5 ? 1 : 0 },
    { userId: `u${i}`, questionId: "q-broken", score: i < 5 ? 0 : 1 },
    { userId: `u${i}`, questionId: "q-easy", score: 1 },
    { userId: `u${i}`, questionId: "q-rank", score: i < 3 ? 1 : 0 },
  ]);

  it("facility is the mean first score; discrimination separates good items from broken ones", () => {
    const stats = Object.fromEntries(computeItemStatistics(firsts, ["q-good", "q-broken", "q-easy", "q-rank", "q-none"]).map((s) => [s.questionId, s]));
    expect(stats["q-easy"]).toMatchObject({ attempts: 10, facility: 1, discrimination: 0 });
    expect(stats["q-good"]!.facility).toBe(0.5);
    expect(stats["q-good"]!.discrimination).toBeGreaterThan(0);
    expect(stats["q-broken"]!.discrimination).toBeLessThan(stats["q-good"]!.discrimination!);
    expect(stats["q-none"]).toEqual({ questionId: "q-none", attempts: 0, facility: null, discrimination: null });
  });

  it("too few learners for groups: no discrimination", () => {
    expect(computeItemStatistics(firsts.slice(0, 8), ["q-good"])[0]!.discrimination).toBeNull();
  });

  let db: PrismaClient;
  beforeAll(async () => {
    db = (await freshDb()).db;
  });

  it("reads first attempts from the database (a later retry does not change them)", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, (_, i) => db.user.create({ data: { guestTokenHash: `items-${i}-${Math.random()}` } })));
    for (const [i, u] of users.entries()) {
      await db.questionAttempt.create({ data: { userId: u.id, lessonSlug: "acks", questionId: "acks-all-means-isr", response: "{}", correct: i < 2, score: i < 2 ? 1 : 0 } });
      await db.questionAttempt.create({ data: { userId: u.id, lessonSlug: "acks", questionId: "acks-all-means-isr", response: "{}", correct: true, score: 1, createdAt: new Date(Date.now() + 1000) } });
    }
    const [s] = await itemStatistics(db, ["acks-all-means-isr"], users.map((u) => u.id));
    expect(s).toMatchObject({ attempts: 4, facility: 0.5 });
  });
});
