/** content/mock/chains.yaml against the question bank and the mock planner. */
import { describe, expect, it } from "vitest";
import { findQuestion, loadChains } from "@/lib/content";
import { chainSeconds, planMock } from "@/lib/mock/plan";
import { LENGTHS, LEVELS } from "@/lib/mock/schema";

describe("mock interview chains", () => {
  const chains = loadChains();
  const typeOf = (id: string) => findQuestion(id)?.question.type;

  it("load, validated against the bank (ids exist, level rules)", () => {
    expect(chains.length).toBeGreaterThanOrEqual(30);
  });

  it("have at least five chains for every focus and level, each with a simulation or explain question", () => {
    for (const focus of ["producer", "broker", "consumer"] as const)
      for (const level of LEVELS) expect(chains.filter((c) => c.focus === focus && c.level === level).length, `${focus}/${level}`).toBeGreaterThanOrEqual(5);
    for (const c of chains) expect(c.steps.some((s) => ["sim-predict", "config-fix", "explain"].includes(typeOf(s.question) ?? "")), c.id).toBe(true);
  });

  it("fill every length of every focus and level to at least 85% of its time, never over", () => {
    for (const minutes of LENGTHS)
      for (const focus of ["producer", "broker", "consumer", "mixed"] as const)
        for (const level of LEVELS) {
          const plan = planMock({ chains, typeOf, minutes, focus, level, seed: `${minutes}${focus}${level}` });
          const seconds = plan.reduce((s, c) => s + chainSeconds(c, typeOf), 0);
          expect(seconds, `${minutes} min ${focus} ${level}`).toBeGreaterThanOrEqual(minutes * 60 * 0.85);
          expect(seconds).toBeLessThanOrEqual(minutes * 60);
        }
  });
});
