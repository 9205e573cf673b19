/**
 * Grading, pure and deterministic. grade(question, response) never throws for a well-formed
 * response; a response of the wrong shape for the question is reported as an error value so the
 * endpoint can answer 400.
 *
 * Scoring: single and true-false are all or nothing. Multiple choice gives partial credit:
 * (right picks − wrong picks) / number of right answers, floored at 0, so guessing everything
 * scores nothing.
 */
import type { Question, QuizResponse } from "./schema";

export type GradeResult =
  | { ok: true; correct: boolean; score: number; answer: string[] | boolean }
  | { ok: false; error: string };

/** The correct response: option ids for choice questions, the value for true/false. */
export function answerKey(q: Question): string[] | boolean {
  return q.type === "single" ? [q.answer] : q.type === "multiple" ? [...q.answer] : q.answer;
}

export function grade(q: Question, r: QuizResponse): GradeResult {
  switch (q.type) {
    case "single": {
      if (!("choice" in r)) return { ok: false, error: 'a single-choice question expects {"choice": "<option id>"}' };
      if (!q.options.some((o) => o.id === r.choice)) return { ok: false, error: `"${r.choice}" is not an option of this question` };
      const correct = r.choice === q.answer;
      return { ok: true, correct, score: correct ? 1 : 0, answer: answerKey(q) };
    }
    case "multiple": {
      if (!("choices" in r)) return { ok: false, error: 'a multiple-choice question expects {"choices": ["<option id>", …]}' };
      const picked = new Set(r.choices);
      for (const c of picked) if (!q.options.some((o) => o.id === c)) return { ok: false, error: `"${c}" is not an option of this question` };
      if (picked.size === 0) return { ok: false, error: "choose at least one option" };
      const right = new Set(q.answer);
      let hits = 0;
      let misses = 0;
      for (const c of picked) if (right.has(c)) hits++;
      else misses++;
      const score = Math.max(0, (hits - misses) / right.size);
      return { ok: true, correct: hits === right.size && misses === 0, score, answer: answerKey(q) };
    }
    case "true-false": {
      if (!("value" in r)) return { ok: false, error: 'a true/false question expects {"value": true|false}' };
      const correct = r.value === q.answer;
      return { ok: true, correct, score: correct ? 1 : 0, answer: answerKey(q) };
    }
  }
}
