/**
 * Certainty-based marking (Gardner-Medwin's scheme, as in Moodle): the learner says how sure
 * they are; a right answer earns more the surer they were, a wrong one costs more.
 *
 *                 low   medium   high
 *   right          1      2        3
 *   wrong          0     −2       −6
 *
 * Divided by 3, so a sure right answer is 1 and a sure wrong one −2. Partial scores blend the
 * two rows. Without a stated confidence there is no certainty mark (null).
 */
import type { Confidence } from "./schema";

const RIGHT: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };
const WRONG: Record<Confidence, number> = { low: 0, medium: -2, high: -6 };

export function certaintyMark(score: number, confidence: Confidence | undefined): number | null {
  if (!confidence) return null;
  return (score * RIGHT[confidence] + (1 - score) * WRONG[confidence]) / 3;
}
