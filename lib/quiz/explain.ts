/**
 * Rubric matching for free-text interview answers, deterministic and local (no AI service): a
 * concept counts when the answer contains any of its accepted phrasings, in either language (a
 * Chinese answer may name config keys in English). Text is compared after NFKC normalisation
 * (full-width → half-width), lower-casing, and dropping everything but letters and digits, so
 * "acks = all", "ACKS=all" and "acks＝all" all match "acks=all".
 *
 * Limits, stated plainly: phrases are found, not understood — "not acks=all" still matches
 * "acks=all". The rubric and the feedback (which concepts were missing, then the model answer)
 * are what make it useful; the score is a guide, not a verdict.
 */
import type { ExplainQuestion } from "./schema";

export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The ids of the rubric concepts the answer covers. */
export function explainMatches(q: ExplainQuestion, answer: string, _locale: "en" | "zh" = "en"): Set<string> {
  const text = normalise(answer);
  const matched = new Set<string>();
  for (const c of q.rubric) if ([...c.phrases.en, ...c.phrases.zh].some((p) => normalise(p).length > 0 && text.includes(normalise(p)))) matched.add(c.id);
  return matched;
}
