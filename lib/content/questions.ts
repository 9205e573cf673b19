import "server-only";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { questionFileSchema, type Question, type QuestionFile } from "@/lib/quiz";
import { QUESTIONS_DIR } from "./paths";

let cache: Map<string, QuestionFile> | null = null;

/** Every question file, validated; a broken file throws with its name and the field at fault. */
export function loadQuestionFiles(): Map<string, QuestionFile> {
  if (cache && process.env.NODE_ENV === "production") return cache;
  const files = new Map<string, QuestionFile>();
  const seen = new Set<string>();
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
      }
      files.set(parsed.data.lesson, parsed.data);
    }
  cache = files;
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
