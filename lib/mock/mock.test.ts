/** Mock interviews, pure parts: which chains are asked, which question comes next, and the report. */
import { describe, expect, it } from "vitest";
import type { QuestionType } from "@/lib/quiz/schema";
import { chainSeconds, planMock, SECONDS_BY_TYPE } from "./plan";
import { compareWith, studyPlan, summarise, type AskedQuestion } from "./report";
import { chainSchema, type Chain } from "./schema";
import { currentStep, endReason, GRACE_MS, totalSteps, walk } from "./session";

const t = (s: string) => ({ en: s, zh: `${s}（中）` });
function chain(id: string, focus: Chain["focus"], level: Chain["level"], questions: string[], ifWrong: Record<number, string> = {}): Chain {
  return chainSchema.parse({
    id,
    focus,
    level,
    title: t(id),
    steps: questions.map((q, i) => ({
      question: q,
      ...(i > 0 ? { lead: t(`lead ${id} ${i}`) } : {}),
      ...(ifWrong[i] ? { ifWrong: ifWrong[i], leadIfWrong: t(`back off ${id} ${i}`) } : {}),
    })),
  });
}
// Question types by id prefix: "s-" single (45 s), "p-" sim-predict (120 s), "e-" explain (180 s).
const typeOf = (id: string): QuestionType => (id.startsWith("p-") ? "sim-predict" : id.startsWith("e-") ? "explain" : "single");

const bank: Chain[] = [];
for (const focus of ["producer", "broker", "consumer"] as const)
  for (const level of ["junior", "senior"] as const)
    for (let i = 0; i < 6; i++) bank.push(chain(`${focus}-${level}-${i}`, focus, level, [`s-${focus}${level}${i}a`, `p-${focus}${level}${i}b`, `e-${focus}${level}${i}c`]));

describe("chain schema", () => {
  it("refuses a first step with a lead, a later step without one, ifWrong without its lead, and a repeated question", () => {
    const base = { id: "c", focus: "producer", level: "junior", title: t("c") };
    expect(chainSchema.safeParse({ ...base, steps: [{ question: "a", lead: t("x") }, { question: "b", lead: t("y") }] }).success).toBe(false);
    expect(chainSchema.safeParse({ ...base, steps: [{ question: "a" }, { question: "b" }] }).success).toBe(false);
    expect(chainSchema.safeParse({ ...base, steps: [{ question: "a" }, { question: "b", lead: t("y"), ifWrong: "c" }] }).success).toBe(false);
    expect(chainSchema.safeParse({ ...base, steps: [{ question: "a" }, { question: "b", lead: t("y"), ifWrong: "a", leadIfWrong: t("z") }] }).success).toBe(false);
    expect(chainSchema.safeParse({ ...base, steps: [{ question: "a" }, { question: "b", lead: t("y"), ifWrong: "c", leadIfWrong: t("z") }] }).success).toBe(true);
  });
});

describe("planning a mock", () => {
  const plan = (minutes: number, focus: "producer" | "broker" | "consumer" | "mixed", seed = "s1", recent?: Set<string>) => planMock({ chains: bank, typeOf, minutes, focus, level: "senior", seed, recent });

  it("asks only chains of the chosen focus and level, and fills the length without going over", () => {
    for (const minutes of [10, 20, 30]) {
      const p = plan(minutes, "consumer");
      expect(p.every((c) => c.focus === "consumer" && c.level === "senior")).toBe(true);
      const seconds = p.reduce((s, c) => s + chainSeconds(c, typeOf), 0);
      expect(seconds).toBeLessThanOrEqual(minutes * 60);
      // A chain here takes 45 + 120 + 180 = 345 s: 10 min fits one whole, 20 min three, 30 min
      // five; the time left asks the opening steps of one more: 255 s and 165 s left fit 45 + 120,
      // the 75 s left after 30 min only the 45 s opener.
      const whole = Math.floor((minutes * 60) / 345);
      expect(p).toHaveLength(whole + 1);
      expect(p.slice(0, whole).every((c) => c.steps.length === 3)).toBe(true);
      expect(p.at(-1)!.steps.map((s) => s.question)).toEqual(bank.find((c) => c.id === p.at(-1)!.id)!.steps.slice(0, minutes === 30 ? 1 : 2).map((s) => s.question));
    }
    expect(chainSeconds(bank[0]!, typeOf)).toBe(SECONDS_BY_TYPE.single + SECONDS_BY_TYPE["sim-predict"] + SECONDS_BY_TYPE.explain);
  });

  it("is the same for the same seed and varies across seeds", () => {
    expect(plan(30, "producer", "a").map((c) => c.id)).toEqual(plan(30, "producer", "a").map((c) => c.id));
    const orders = new Set(["a", "b", "c", "d", "e", "f"].map((seed) => plan(30, "producer", seed).map((c) => c.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("puts chains from recent mocks last", () => {
    const first = plan(20, "broker", "x").map((c) => c.id);
    const recent = new Set(first.slice(0, 2));
    const again = plan(20, "broker", "x", recent).map((c) => c.id);
    // Six broker chains: the four not asked recently come first and fill the time.
    expect(again.some((id) => recent.has(id))).toBe(false);
  });

  it("takes turns between producer, broker and consumer when mixed", () => {
    const p = plan(30, "mixed", "m");
    expect(new Set(p.slice(0, 3).map((c) => c.focus)).size).toBe(3);
  });

  it("asks one chain even when none fits the length, and none when nothing matches", () => {
    expect(planMock({ chains: bank, typeOf, minutes: 1, focus: "broker", level: "junior", seed: "q" })).toHaveLength(1);
    expect(planMock({ chains: bank.filter((c) => c.focus !== "broker"), typeOf, minutes: 10, focus: "broker", level: "junior", seed: "q" })).toEqual([]);
  });
});

describe("the interview's state", () => {
  const plan = [chain("c1", "producer", "junior", ["a1", "a2", "a3"], { 1: "w2", 2: "w3" }), chain("c2", "broker", "junior", ["b1", "b2"])];

  it("follows a right answer with the main follow-up and its lead", () => {
    const s = currentStep(plan, [{ position: 0, correct: true }])!;
    expect(s).toMatchObject({ position: 1, questionId: "a2", branch: "main", lead: t("lead c1 1") });
  });

  it("follows a wrong answer with the ifWrong question and its own lead, and the branch depends on the answer just before", () => {
    expect(currentStep(plan, [{ position: 0, correct: false }])).toMatchObject({ questionId: "w2", branch: "wrong", lead: t("back off c1 1") });
    expect(currentStep(plan, [{ position: 0, correct: false }, { position: 1, correct: true }])).toMatchObject({ questionId: "a3", branch: "main" });
    expect(currentStep(plan, [{ position: 0, correct: true }, { position: 1, correct: false }])).toMatchObject({ questionId: "w3", branch: "wrong" });
  });

  it("starts the next chain without a lead, and ends after the last answer", () => {
    const three = [0, 1, 2].map((position) => ({ position, correct: false }));
    expect(currentStep(plan, three)).toMatchObject({ position: 3, chainIndex: 1, questionId: "b1", lead: null });
    // A chain's first question never branches, even after a wrong answer to the previous chain.
    expect(currentStep(plan, [...three, { position: 3, correct: false }])).toMatchObject({ questionId: "b2", branch: "main" });
    const all = [0, 1, 2, 3, 4].map((position) => ({ position, correct: true }));
    expect(currentStep(plan, all)).toBeNull();
    expect(totalSteps(plan)).toBe(5);
    expect(walk(plan, all).map((s) => s.questionId)).toEqual(["a1", "a2", "a3", "b1", "b2"]);
  });

  it("is over when time is up (after the grace period), when every question is answered, or when it was ended", () => {
    const deadline = new Date("2026-01-01T10:20:00Z");
    const running = { deadline, finishedAt: null, endReason: null };
    expect(endReason(running, plan, [], new Date(deadline.getTime() - 1000))).toBeNull();
    expect(endReason(running, plan, [], new Date(deadline.getTime() + GRACE_MS))).toBeNull();
    expect(endReason(running, plan, [], new Date(deadline.getTime() + GRACE_MS + 1))).toBe("timeout");
    expect(endReason(running, plan, [0, 1, 2, 3, 4].map((position) => ({ position, correct: true })), new Date(0))).toBe("completed");
    expect(endReason({ deadline, finishedAt: new Date(0), endReason: "ended" }, plan, [], new Date(0))).toBe("ended");
  });
});

describe("the report", () => {
  const q = (position: number, lesson: string, type: QuestionType, score: number, tags: string[] = [], skipped = false): AskedQuestion => ({ position, questionId: `q${position}`, lesson, type, tags, score, correct: score === 1, skipped });
  const asked = [q(0, "acks", "single", 1), q(1, "isr", "sim-predict", 0.5, ["isr-is-all-replicas"]), q(2, "acks", "explain", 0.25, ["acks-all-means-all"]), q(3, "offset-commits", "single", 0, ["auto-commit-safe"], true), q(4, "idempotence", "config-fix", 1)];

  it("scores each axis by the mean of its questions; explain questions also count toward explanation quality", () => {
    const s = summarise(asked, 8);
    const axis = Object.fromEntries(s.axes.map((a) => [a.axis, a]));
    expect(axis.durability).toMatchObject({ asked: 3, score: (1 + 0.5 + 0.25) / 3 });
    expect(axis.explanation).toMatchObject({ asked: 1, score: 0.25 });
    expect(axis.consumer).toMatchObject({ asked: 1, score: 0 });
    expect(axis.ordering).toMatchObject({ asked: 1, score: 1 });
    expect(axis.availability).toMatchObject({ asked: 0, score: null });
    expect(s).toMatchObject({ overall: 2.75 / 5, answered: 4, skipped: 1, planned: 8 });
  });

  it("plans study from the missed answers, most missed lesson first, with the misconceptions they reveal", () => {
    const plan = studyPlan(asked, summarise(asked, 8));
    // Missed weight: offset-commits 1, acks 0.75, isr 0.5.
    expect(plan.lessons).toEqual(["offset-commits", "acks", "isr"]);
    expect(plan.misconceptions.sort()).toEqual(["acks-all-means-all", "auto-commit-safe", "isr-is-all-replicas"]);
  });

  it("compares with the previous mock per axis", () => {
    const before = summarise([q(0, "acks", "single", 0), q(1, "offset-commits", "single", 1)], 4);
    const now = summarise(asked, 8);
    const change = compareWith(now, { id: "m0", startedAt: new Date(0), summary: before })!;
    expect(change.overall).toBeCloseTo(2.75 / 5 - 0.5);
    expect(change.axes.durability).toBeCloseTo(1.75 / 3 - 0);
    expect(change.axes.consumer).toBe(-1);
    expect(change.axes.ordering).toBeNull();
    expect(compareWith(now, undefined)).toBeNull();
  });
});
