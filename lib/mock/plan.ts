/**
 * Which chains a mock interview asks, in what order (pure). Chains are filtered by level and
 * focus, shuffled by the session's seed, those the learner met in recent mocks go last, and
 * chains are taken until the expected answering time fills the chosen length; leftover time goes
 * to the opening steps of one chain that did not fit whole. For a mixed focus the three areas take
 * turns.
 */
import type { QuestionType } from "@/lib/quiz/schema";
import type { Chain, Focus, Level } from "./schema";

/** Expected seconds to answer one question of each type in an interview. */
export const SECONDS_BY_TYPE: Record<QuestionType, number> = {
  "true-false": 30,
  single: 45,
  multiple: 60,
  numeric: 60,
  order: 75,
  "sim-predict": 120,
  "config-fix": 150,
  explain: 180,
};

export type TypeOf = (questionId: string) => QuestionType | undefined;

/** The expected length of a chain (its main branch). */
export function chainSeconds(chain: Chain, typeOf: TypeOf): number {
  return chain.steps.reduce((s, step) => s + SECONDS_BY_TYPE[typeOf(step.question) ?? "single"], 0);
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

export interface PlanRequest {
  chains: Chain[];
  typeOf: TypeOf;
  minutes: number;
  focus: Focus;
  level: Level;
  /** Any string; the same seed gives the same plan. */
  seed: string;
  /** Chains asked in the learner's recent mocks: asked again only when nothing else fits. */
  recent?: ReadonlySet<string>;
}

export function planMock({ chains, typeOf, minutes, focus, level, seed, recent = new Set() }: PlanRequest): Chain[] {
  const pool = chains
    .filter((c) => c.level === level && (focus === "mixed" || c.focus === focus))
    .map((c) => ({ c, key: (recent.has(c.id) ? 2 ** 32 : 0) + hash(`${seed}:${c.id}`) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.c);
  let ordered = pool;
  if (focus === "mixed") {
    // Round-robin over the areas, each area in its shuffled order.
    const byFocus = (["producer", "broker", "consumer"] as const).map((f) => pool.filter((c) => c.focus === f));
    const start = hash(seed) % 3;
    ordered = [];
    for (let i = 0; ordered.length < pool.length; i++) {
      const area = byFocus[(start + i) % 3]!;
      const next = area.shift();
      if (next) ordered.push(next);
    }
  }
  const budget = minutes * 60;
  const picked: Chain[] = [];
  let total = 0;
  for (const c of ordered) {
    const s = chainSeconds(c, typeOf);
    if (total + s > budget) continue;
    picked.push(c);
    total += s;
    if (total >= budget * 0.9) break;
  }
  // Time left over goes to the opening steps of one more chain that did not fit whole (an
  // interviewer with five minutes left asks the first questions of one more topic).
  for (const c of ordered) {
    if (picked.includes(c) || budget - total < 30) continue;
    let seconds = 0;
    let steps = 0;
    while (steps < c.steps.length && seconds + SECONDS_BY_TYPE[typeOf(c.steps[steps]!.question) ?? "single"] <= budget - total) seconds += SECONDS_BY_TYPE[typeOf(c.steps[steps++]!.question) ?? "single"];
    if (steps === 0) continue;
    picked.push({ ...c, steps: c.steps.slice(0, steps) });
    total += seconds;
    break;
  }
  if (picked.length === 0 && ordered.length > 0) picked.push(ordered[0]!);
  return picked;
}
