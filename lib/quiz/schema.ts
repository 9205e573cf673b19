/**
 * The question bank's shape (content/questions/{lesson}.yaml) and what the browser may see of it.
 * Pure: shared by the content loader, the grading endpoint and the quiz UI.
 *
 * Types: single, multiple, true-false, numeric, order, sim-predict (predict what a simulated
 * cluster does; the key is computed by lib/sim), config-fix (choose settings that survive a fault;
 * graded by running lib/sim with them) and explain (a free-text interview answer graded against
 * a rubric of key concepts).
 */
import { z } from "zod";
import { CHECK } from "@/lib/sim/checks";

const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
export type LocalizedText = z.infer<typeof text>;
const slug = z.string().regex(/^[a-z0-9-]+$/, "ids are kebab-case");

const option = z.strictObject({ id: slug, text });

/** "= 0", "> 0", ">= 2", "< 5", "<= 10", or "none" (a value that is null, e.g. no leader): lib/sim/checks. */
const check = z.string().regex(CHECK, 'checks look like "= 0", "> 0", "<= 10" or "none"');
/** A path in the engine's output: producer.*, log.*, consumer.*, cluster.* (see docs/sim.md). */
const metric = z.string().regex(/^(producer|log|consumer|cluster)\.[A-Za-z_.]+$/, "a path in the audit, e.g. log.lostAcknowledged");

/** A scenario by preset name or written out; the loader resolves presets to `inline`. */
const scenarioRef = z.union([z.strictObject({ preset: slug }), z.strictObject({ inline: z.record(z.string(), z.unknown()) })]);

const base = {
  id: slug,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Misconception ids from content/misconceptions.yaml that a wrong answer reveals. */
  tags: z.array(slug).min(1),
  prompt: text,
  explanation: text,
  source: z.string().min(1),
};

/** A value the learner may give a setting in a config-fix question. */
const knobValue = z.union([z.string(), z.number(), z.boolean()]);

export const questionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ ...base, type: z.literal("single"), options: z.array(option).min(2).max(8), answer: slug }),
    z.strictObject({ ...base, type: z.literal("multiple"), options: z.array(option).min(2).max(8), answer: z.array(slug).min(1) }),
    z.strictObject({ ...base, type: z.literal("true-false"), answer: z.boolean() }),
    z.strictObject({ ...base, type: z.literal("numeric"), answer: z.number(), tolerance: z.number().min(0).default(0), unit: text.optional() }),
    /** Items listed in the correct order; the browser gets them shuffled. */
    z.strictObject({ ...base, type: z.literal("order"), items: z.array(option).min(3).max(8) }),
    z.strictObject({
      ...base,
      type: z.literal("sim-predict"),
      scenario: scenarioRef,
      /** Each part asks about one number of the run's audit; the learner picks the bucket it falls in. */
      parts: z
        .array(
          z.strictObject({
            id: slug,
            ask: text,
            metric,
            buckets: z.array(z.strictObject({ id: slug, text, when: check })).min(2).max(6),
          }),
        )
        .min(1)
        .max(4),
    }),
    z.strictObject({
      ...base,
      type: z.literal("config-fix"),
      scenario: scenarioRef,
      /** What must hold after the run, in words and as checks on the audit. */
      goal: z.strictObject({ text, checks: z.record(metric, check).refine((c) => Object.keys(c).length > 0, "a goal needs at least one check") }),
      /** The settings the learner may change (scenario paths such as producer.acks) and their allowed values. */
      knobs: z.array(z.strictObject({ path: z.string().regex(/^(cluster|producer|consumer)\.[A-Za-z]+$/), values: z.array(knobValue).min(2).max(8) })).min(1).max(6),
      /** A configuration that meets the goal, and one that does not (tests check both). */
      solution: z.record(z.string(), knobValue),
      counterexample: z.record(z.string(), knobValue),
    }),
    z.strictObject({
      ...base,
      type: z.literal("explain"),
      rubric: z
        .array(
          z.strictObject({
            id: slug,
            concept: text,
            weight: z.number().positive().default(1),
            /** Accepted phrasings (any one counts), matched case-insensitively, ignoring spaces and punctuation. */
            phrases: z.strictObject({ en: z.array(z.string().min(2)).min(1), zh: z.array(z.string().min(1)).min(1) }),
          }),
        )
        .min(2)
        .max(8),
      /** Share of the rubric's weight needed to count as correct. */
      pass: z.number().min(0.1).max(1).default(0.6),
      model: text,
    }),
  ])
  .superRefine((q, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message: `question ${q.id}: ${message}` });
    const unique = (ids: string[], what: string) => new Set(ids).size === ids.length || issue(`${what} ids repeat`);
    if (q.type === "single" || q.type === "multiple") {
      const ids = q.options.map((o) => o.id);
      unique(ids, "option");
      for (const a of q.type === "single" ? [q.answer] : q.answer) if (!ids.includes(a)) issue(`answer "${a}" is not an option`);
    }
    if (q.type === "order") unique(q.items.map((i) => i.id), "item");
    if (q.type === "sim-predict") {
      unique(q.parts.map((p) => p.id), "part");
      for (const p of q.parts) unique(p.buckets.map((b) => b.id), `part ${p.id}: bucket`);
    }
    if (q.type === "config-fix") {
      const paths = q.knobs.map((k) => k.path);
      unique(paths, "knob");
      for (const [name, cfg] of [["solution", q.solution], ["counterexample", q.counterexample]] as const)
        for (const [path, value] of Object.entries(cfg)) {
          const knob = q.knobs.find((k) => k.path === path);
          if (!knob) issue(`${name} sets ${path}, which is not a knob`);
          else if (!knob.values.includes(value)) issue(`${name} sets ${path} to ${JSON.stringify(value)}, not one of its values`);
        }
    }
    if (q.type === "explain") unique(q.rubric.map((r) => r.id), "rubric");
  });

export const questionFileSchema = z.strictObject({
  lesson: slug,
  questions: z.array(questionSchema).min(1),
});

export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionType = Question["type"];
export type QuestionFile = z.infer<typeof questionFileSchema>;
export type SimPredictQuestion = Extract<Question, { type: "sim-predict" }>;
export type ConfigFixQuestion = Extract<Question, { type: "config-fix" }>;
export type ExplainQuestion = Extract<Question, { type: "explain" }>;
export const QUESTION_TYPES = ["single", "multiple", "true-false", "numeric", "order", "sim-predict", "config-fix", "explain"] as const;

/** A learner's response, validated before grading: malformed input is a 400, never a wrong answer. */
export const responseSchema = z.union([
  z.strictObject({ choice: z.string().max(64) }),
  z.strictObject({ choices: z.array(z.string().max(64)).max(16) }),
  z.strictObject({ value: z.boolean() }),
  z.strictObject({ number: z.number().finite() }),
  z.strictObject({ order: z.array(z.string().max(64)).max(16) }),
  z.strictObject({ predictions: z.record(z.string().max(64), z.string().max(64)) }),
  z.strictObject({ settings: z.record(z.string().max(64), knobValue) }),
  z.strictObject({ text: z.string().max(4000) }),
]);
export type QuizResponse = z.infer<typeof responseSchema>;

export const CONFIDENCE = ["low", "medium", "high"] as const;
export type Confidence = (typeof CONFIDENCE)[number];
