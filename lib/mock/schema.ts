/**
 * Mock-interview follow-up chains (content/mock/chains.yaml): short sequences of bank questions
 * that probe one topic the way an interviewer does. Each step after the first is asked after the
 * previous answer, with a bridging line; a step may name another question to ask instead when
 * the previous answer was wrong (the interviewer backs off and probes the misconception).
 */
import { z } from "zod";

const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9-]+$/, "ids are kebab-case");

export const FOCUSES = ["producer", "broker", "consumer", "mixed"] as const;
export type Focus = (typeof FOCUSES)[number];
export const LEVELS = ["junior", "senior"] as const;
export type Level = (typeof LEVELS)[number];
export const LENGTHS = [10, 20, 30] as const;

const step = z.strictObject({
  question: id,
  lead: text.optional(),
  ifWrong: id.optional(),
  leadIfWrong: text.optional(),
});

const chainFields = {
  id,
  focus: z.enum(["producer", "broker", "consumer"]),
  level: z.enum(LEVELS),
  title: text,
};

export const chainSchema = z
  .strictObject({ ...chainFields, steps: z.array(step).min(2).max(4) })
  .superRefine((c, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message: `chain ${c.id}: ${message}` });
    c.steps.forEach((s, i) => {
      if (i === 0 && (s.lead || s.ifWrong)) issue("the first step has no lead and no ifWrong branch");
      if (i > 0 && !s.lead) issue(`step ${i + 1} needs a lead (the interviewer's bridging line)`);
      if (Boolean(s.ifWrong) !== Boolean(s.leadIfWrong)) issue(`step ${i + 1}: ifWrong and leadIfWrong go together`);
    });
    const asked = c.steps.flatMap((s) => [s.question, ...(s.ifWrong ? [s.ifWrong] : [])]);
    if (new Set(asked).size !== asked.length) issue("a question appears twice");
  });

export const chainFileSchema = z.strictObject({ chains: z.array(chainSchema).min(1) });
export type Chain = z.infer<typeof chainSchema>;
export type ChainStep = Chain["steps"][number];

/** A chain as a session stores it: the planner may keep only its opening step(s) when time is short. */
export const plannedChainSchema = z.strictObject({ ...chainFields, steps: z.array(step).min(1).max(4) });
