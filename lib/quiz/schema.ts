/**
 * The question bank's shape (content/questions/{lesson}.yaml) and what the browser may see of it.
 * Pure: shared by the content loader, the grading endpoint and the quiz UI.
 */
import { z } from "zod";

const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
export type LocalizedText = z.infer<typeof text>;

const option = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), text });
const base = {
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are kebab-case"),
  prompt: text,
  explanation: text,
  source: z.string().min(1),
};

export const questionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...base, type: z.literal("single"), options: z.array(option).min(2).max(8), answer: z.string() }),
    z.strictObject({ ...base, type: z.literal("multiple"), options: z.array(option).min(2).max(8), answer: z.array(z.string()).min(1) }),
    z.strictObject({ ...base, type: z.literal("true-false"), answer: z.boolean() }),
  ])
  .superRefine((q, ctx) => {
    if (q.type === "true-false") return;
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: `question ${q.id}: option ids repeat` });
    const answers = q.type === "single" ? [q.answer] : q.answer;
    for (const a of answers) if (!ids.includes(a)) ctx.addIssue({ code: "custom", message: `question ${q.id}: answer "${a}" is not an option` });
  });

export const questionFileSchema = z.strictObject({
  lesson: z.string().regex(/^[a-z0-9-]+$/),
  questions: z.array(questionSchema).min(1),
});

export type Question = z.infer<typeof questionSchema>;
export type QuestionFile = z.infer<typeof questionFileSchema>;

/** A learner's response, validated before grading: malformed input is a 400, never a wrong answer. */
export const responseSchema = z.union([
  z.strictObject({ choice: z.string().max(64) }),
  z.strictObject({ choices: z.array(z.string().max(64)).max(16) }),
  z.strictObject({ value: z.boolean() }),
]);
export type QuizResponse = z.infer<typeof responseSchema>;

/** What the browser gets before answering: no answer key, no explanation, no source. */
export interface PublicQuestion {
  id: string;
  type: Question["type"];
  prompt: string;
  options: { id: string; text: string }[];
}

export function toPublicQuestion(q: Question, locale: "en" | "zh"): PublicQuestion {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt[locale],
    options: q.type === "true-false" ? [] : q.options.map((o) => ({ id: o.id, text: o.text[locale] })),
  };
}
