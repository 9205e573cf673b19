import path from "node:path";

/** content/ at the project root (next build, next start, vitest and the CLIs all run from there). */
export const CONTENT_DIR = path.join(process.cwd(), "content");
export const LESSONS_DIR = path.join(CONTENT_DIR, "lessons");
export const QUESTIONS_DIR = path.join(CONTENT_DIR, "questions");
export const SCENARIOS_DIR = path.join(CONTENT_DIR, "scenarios");
