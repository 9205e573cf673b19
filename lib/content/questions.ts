import "server-only";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { questionFileSchema, type Question, type QuestionFile } from "@/lib/quiz";
import { CONTENT_DIR, QUESTIONS_DIR, SCENARIOS_DIR } from "./paths";
import { loadPresetFile } from "./scenarios";

const misconceptionsSchema = z.strictObject({
  misconceptions: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        lesson: z.string().regex(/^[a-z0-9-]+$/),
        belief: z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }),
      }),
    )
    .min(1),
});
export type Misconception = z.infer<typeof misconceptionsSchema>["misconceptions"][number];

let misconceptionCache: Map<string, Misconception> | null = null;

/** content/misconceptions.yaml: the shared list that questions' tags refer to. */
export function loadMisconceptions(): Map<string, Misconception> {
  if (misconceptionCache && process.env.NODE_ENV === "production") return misconceptionCache;
  const file = path.join(CONTENT_DIR, "misconceptions.yaml");
  const parsed = misconceptionsSchema.safeParse(YAML.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`content/misconceptions.yaml: ${issue.path.join(".")}: ${issue.message}`);
  }
  const map = new Map<string, Misconception>();
  for (const m of parsed.data.misconceptions) {
    if (map.has(m.id)) throw new Error(`content/misconceptions.yaml: "${m.id}" is listed twice`);
    map.set(m.id, m);
  }
  misconceptionCache = map;
  return map;
}

let cache: { files: Map<string, QuestionFile>; stamp: string } | null = null;

/**
 * When the question files, presets or misconceptions last changed: outside production the bank
 * is reloaded only when this moves, so authors see edits at once without every lookup re-reading
 * every file.
 */
function contentStamp(): string {
  const parts: string[] = [];
  for (const dir of [QUESTIONS_DIR, SCENARIOS_DIR])
    if (existsSync(dir)) for (const name of readdirSync(dir).sort()) parts.push(`${name}:${statSync(path.join(dir, name)).mtimeMs}`);
  const m = path.join(CONTENT_DIR, "misconceptions.yaml");
  if (existsSync(m)) parts.push(`m:${statSync(m).mtimeMs}`);
  return parts.join("|");
}

/** A question with its scenario preset resolved to the preset's scenario (graded by running it). */
function resolve(q: Question, rel: string): Question {
  if ((q.type !== "sim-predict" && q.type !== "config-fix") || !("preset" in q.scenario)) return q;
  try {
    return { ...q, scenario: { inline: loadPresetFile(q.scenario.preset).scenario } };
  } catch (err) {
    throw new Error(`${rel}: question ${q.id}: ${(err as Error).message}`);
  }
}

/** Every question file, validated; a broken file throws with its name and the field at fault. */
export function loadQuestionFiles(): Map<string, QuestionFile> {
  if (cache && process.env.NODE_ENV === "production") return cache.files;
  const stamp = contentStamp();
  if (cache?.stamp === stamp) return cache.files;
  const files = new Map<string, QuestionFile>();
  const seen = new Set<string>();
  const misconceptions = loadMisconceptions();
  if (existsSync(QUESTIONS_DIR))
    for (const name of readdirSync(QUESTIONS_DIR).filter((f) => f.endsWith(".yaml")).sort()) {
      const rel = `content/questions/${name}`;
      const parsed = questionFileSchema.safeParse(YAML.parse(readFileSync(path.join(QUESTIONS_DIR, name), "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${rel}: ${issue.path.join(".") || "file"}: ${issue.message}`);
      }
      if (`${parsed.data.lesson}.yaml` !== name) throw new Error(`${rel}: "lesson: ${parsed.data.lesson}" must match the file name`);
      for (const q of parsed.data.questions) {
        if (seen.has(q.id)) throw new Error(`${rel}: question id "${q.id}" is used twice`);
        seen.add(q.id);
        for (const tag of q.tags) if (!misconceptions.has(tag)) throw new Error(`${rel}: question ${q.id}: tag "${tag}" is not in content/misconceptions.yaml`);
      }
      files.set(parsed.data.lesson, { ...parsed.data, questions: parsed.data.questions.map((q) => resolve(q, rel)) });
    }
  cache = { files, stamp };
  return files;
}

export function questionsForLesson(lesson: string): Question[] {
  return loadQuestionFiles().get(lesson)?.questions ?? [];
}

export function findQuestion(id: string): { lesson: string; question: Question } | null {
  for (const [lesson, file] of loadQuestionFiles()) {
    const question = file.questions.find((q) => q.id === id);
    if (question) return { lesson, question };
  }
  return null;
}
