/**
 * A right and a wrong response for any question, derived from the question itself (the key, the
 * stated solution, the model answer). For tests and for checking content, never for learners.
 */
import { simPredictKey } from "./grade";
import type { Question, QuizResponse } from "./schema";

export function rightResponse(q: Question): QuizResponse {
  switch (q.type) {
    case "single":
      return { choice: q.answer };
    case "multiple":
      return { choices: q.answer };
    case "true-false":
      return { value: q.answer };
    case "numeric":
      return { number: q.answer };
    case "order":
      return { order: q.items.map((i) => i.id) };
    case "sim-predict": {
      const k = simPredictKey(q);
      if (!k.ok) throw new Error(k.error);
      return { predictions: k.key };
    }
    case "config-fix":
      return { settings: q.solution };
    case "explain":
      return { text: q.model.en };
  }
}

export function wrongResponse(q: Question): QuizResponse {
  switch (q.type) {
    case "single":
      return { choice: q.options.find((o) => o.id !== q.answer)!.id };
    case "multiple":
      return { choices: [q.options.find((o) => !q.answer.includes(o.id))?.id ?? q.options[0]!.id] };
    case "true-false":
      return { value: !q.answer };
    case "numeric":
      return { number: q.answer + q.tolerance + 1 };
    case "order":
      return { order: q.items.map((i) => i.id).reverse() };
    case "sim-predict": {
      const k = simPredictKey(q);
      if (!k.ok) throw new Error(k.error);
      return { predictions: Object.fromEntries(q.parts.map((p) => [p.id, p.buckets.find((b) => b.id !== k.key[p.id])!.id])) };
    }
    case "config-fix":
      return { settings: q.counterexample };
    case "explain":
      return { text: "I would rather talk about something else entirely here." };
  }
}
