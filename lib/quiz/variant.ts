/**
 * Fresh variants of a question for spaced review, so a learner who meets it again cannot answer
 * from memory of the screen: a sim-predict question runs with another seed (other network
 * timing, so other message numbers in the audit and the Lab), and choice options come in
 * another order. Variant 0 is the question as written.
 *
 * A new seed is used only if the run still lands in the same buckets: the authored explanation
 * must stay true for the variant, and the key is still computed from the variant's own run.
 */
import { simPredictKey } from "./grade";
import type { Question, SimPredictQuestion } from "./schema";

const SEEDS_TRIED = 8;

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** The options in an order of their own for this variant. */
function reorder<T extends { id: string }>(items: T[], salt: string): T[] {
  return [...items].sort((a, b) => hash(salt + a.id) - hash(salt + b.id));
}

const sameKey = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((k) => a[k] === b[k]);

function reseeded(q: SimPredictQuestion, variant: number): SimPredictQuestion {
  if (!("inline" in q.scenario)) return q;
  const original = simPredictKey(q);
  if (!original.ok) return q;
  for (let k = 0; k < SEEDS_TRIED; k++) {
    const seed = 1000 + ((hash(`${q.id}:${variant}:${k}`) % 1_000_000) >>> 0);
    const candidate: SimPredictQuestion = { ...q, scenario: { inline: { ...q.scenario.inline, seed } } };
    const key = simPredictKey(candidate);
    if (key.ok && sameKey(key.key, original.key)) return candidate;
  }
  return q;
}

/** The question as variant `variant` presents it (0: as written). Grading must use the same variant. */
export function withVariant(q: Question, variant: number): Question {
  if (variant <= 0) return q;
  switch (q.type) {
    case "sim-predict":
      return reseeded(q, variant);
    case "single":
    case "multiple":
      return { ...q, options: reorder(q.options, `${q.id}:${variant}`) };
    default:
      return q;
  }
}
