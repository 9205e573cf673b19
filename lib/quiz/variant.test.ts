/** Review variants: another seed for simulation questions (same buckets, fresh numbers), another option order for choices. */
import { describe, expect, it } from "vitest";
import { loadQuestionFiles } from "@/lib/content";
import { grade, simPredictKey, simulate, summarise } from "./grade";
import { rightResponse } from "./sample-responses";
import { toPublicQuestion } from "./public";
import type { Question, SimPredictQuestion } from "./schema";
import { withVariant } from "./variant";

const all: Question[] = [...loadQuestionFiles().values()].flatMap((f) => f.questions);
const simPredict = all.filter((q): q is SimPredictQuestion => q.type === "sim-predict");
const seedOf = (q: SimPredictQuestion) => ("inline" in q.scenario ? q.scenario.inline.seed : undefined);

describe("review variants", () => {
  it("variant 0 is the question as written", () => {
    for (const q of all.slice(0, 20)) expect(withVariant(q, 0)).toBe(q);
  });

  it("reseeds sim-predict questions, keeping the authored buckets (so the explanation stays true) while the run itself changes", () => {
    let reseeded = 0;
    let freshNumbers = 0;
    for (const q of simPredict) {
      const original = simPredictKey(q);
      if (!original.ok) throw new Error(original.error);
      for (const n of [1, 2]) {
        const v = withVariant(q, n) as SimPredictQuestion;
        const key = simPredictKey(v);
        if (!key.ok) throw new Error(key.error);
        expect(key.key, q.id).toEqual(original.key);
        if (seedOf(v) !== seedOf(q)) {
          reseeded++;
          const a = simulate(q);
          const b = simulate(v);
          if (a.ok && b.ok && JSON.stringify(summarise(a.output)) !== JSON.stringify(summarise(b.output))) freshNumbers++;
        }
        // Graded as the variant: the variant's right answer is right.
        const g = grade(v, rightResponse(v));
        expect(g.ok && g.correct, q.id).toBe(true);
      }
    }
    // Most simulation questions have variants. The seed moves network jitter, which changes the
    // audit counts in only some scenarios (12 of 106 variant runs when written); in the rest the
    // timing differs in the player and the Lab while every count stays the same.
    expect(reseeded).toBeGreaterThan(simPredict.length * 2 * 0.8);
    expect(freshNumbers).toBeGreaterThan(simPredict.length * 0.1);
  });

  it("gives choice questions another option order with the same key, and the public question says which variant it is", () => {
    const singles = all.filter((q) => q.type === "single");
    let moved = 0;
    for (const q of singles) {
      const v = withVariant(q, 3);
      if (v.type !== "single") throw new Error("type changed");
      expect(v.options.map((o) => o.id).sort()).toEqual(q.options.map((o) => o.id).sort());
      expect(v.answer).toBe(q.answer);
      if (v.options.map((o) => o.id).join() !== q.options.map((o) => o.id).join()) moved++;
      const p = toPublicQuestion(v, "en", {}, undefined, 3);
      expect(p.variant).toBe(3);
      expect(JSON.stringify(p)).not.toContain('"answer"');
    }
    expect(moved).toBeGreaterThan(singles.length * 0.6);
  });

  it("shows a variant's seed in its public form", () => {
    const q = simPredict.find((x) => seedOf(withVariant(x, 1) as SimPredictQuestion) !== seedOf(x))!;
    const v = withVariant(q, 1) as SimPredictQuestion;
    expect(toPublicQuestion(v, "zh", {}, undefined, 1).seed).toBe(seedOf(v));
    expect(toPublicQuestion(q, "zh").seed).toBeUndefined();
  });
});
