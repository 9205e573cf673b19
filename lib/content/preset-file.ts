/**
 * A preset file (content/scenarios/NAME.json) is a scenario plus what a learner needs to know
 * about it: a title and a note in each language, and the outcome it promises, written as checks
 * on the engine's output (so the claim in the note is tested, never restated by hand).
 *
 *   { "title": { "en", "zh" }, "note": { "en", "zh" },
 *     "expect": { "log.lostAcknowledged": "> 0", "consumer.rebalances": "= 1" },
 *     "scenario": { …the scenario input of lib/sim… } }
 *
 * Pure (no file access), so the CLI, the tests and the web app share it.
 */
import { z } from "zod";

const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/** "= 0", "> 0", ">= 2", "< 5", "<= 10". */
const CHECK = /^(=|>|<|>=|<=)\s*(\d+)$/;

export const presetFileSchema = z.strictObject({
  title: bilingual,
  note: bilingual,
  expect: z
    .record(z.string().regex(/^(producer|log|consumer|cluster)\.[A-Za-z_.]+$/, "expect keys are paths in the audit, e.g. log.lostAcknowledged"), z.string().regex(CHECK, 'expect values look like "> 0", "= 1" or "<= 10"'))
    .refine((e) => Object.keys(e).length > 0, "a preset must promise at least one outcome"),
  scenario: z.record(z.string(), z.unknown()),
});
export type PresetFile = z.infer<typeof presetFileSchema>;

export function parsePresetFile(input: unknown, name: string): PresetFile {
  const parsed = presetFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`content/scenarios/${name}.json: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** True when the JSON looks like a preset file rather than a bare scenario (for the CLI). */
export function isPresetFile(input: unknown): input is { scenario: unknown } {
  return typeof input === "object" && input !== null && "scenario" in input && "expect" in input;
}
