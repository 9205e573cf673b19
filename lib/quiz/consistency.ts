/**
 * Whether a question agrees with the engine and with itself, for authors and tests:
 * - sim-predict: the run's outcome falls in exactly one bucket of every part (the key computes);
 * - config-fix: the setup as given fails the goal (or the question would be trivial), the stated
 *   solution passes it, the counterexample fails it;
 * - explain: the model answer, in each language, scores a pass against the rubric.
 * Returns the problems as sentences; empty when the question is sound.
 */
import { grade, simPredictKey, simulate } from "./grade";
import type { Question } from "./schema";
import { failedChecks } from "@/lib/sim/checks";

export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  if (q.type === "sim-predict") {
    const k = simPredictKey(q);
    if (!k.ok) problems.push(k.error);
  }
  if (q.type === "config-fix") {
    const asGiven = simulate(q);
    if (!asGiven.ok) problems.push(`the scenario does not run: ${asGiven.error}`);
    else if (failedChecks(asGiven.output, q.goal.checks).length === 0) problems.push("the setup already meets the goal, so there is nothing to fix");
    const solution = grade(q, { settings: q.solution });
    if (!solution.ok) problems.push(`the solution is not a valid answer: ${solution.error}`);
    else if (!solution.correct) problems.push(`the solution fails the goal: ${(solution.problems ?? []).join("; ")}`);
    const counter = grade(q, { settings: q.counterexample });
    if (!counter.ok) problems.push(`the counterexample is not a valid answer: ${counter.error}`);
    else if (counter.correct) problems.push("the counterexample meets the goal");
  }
  if (q.type === "explain")
    for (const locale of ["en", "zh"] as const) {
      const r = grade(q, { text: q.model[locale] }, locale);
      if (!r.ok || !r.correct) problems.push(`the ${locale} model answer does not pass its own rubric (${r.ok ? `score ${r.score.toFixed(2)}` : r.error})`);
    }
  return problems;
}

/** What each lesson's question set must contain (issue 7). */
export const REQUIRED_PER_LESSON = { total: 20, "sim-predict": 3, "config-fix": 2, explain: 2 } as const;

export function countProblems(lesson: string, questions: Question[]): string[] {
  const problems: string[] = [];
  if (questions.length < REQUIRED_PER_LESSON.total) problems.push(`${lesson}: ${questions.length} questions, needs at least ${REQUIRED_PER_LESSON.total}`);
  for (const type of ["sim-predict", "config-fix", "explain"] as const) {
    const n = questions.filter((q) => q.type === type).length;
    if (n < REQUIRED_PER_LESSON[type]) problems.push(`${lesson}: ${n} ${type} questions, needs at least ${REQUIRED_PER_LESSON[type]}`);
  }
  return problems;
}
