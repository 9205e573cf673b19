/**
 * `npm run content:check [-- --lesson slug]`: checks the question bank against the engine and
 * the per-lesson minimums, and prints every problem (lesson, question, what is wrong). Exit 1
 * when there are problems. The tests run the same checks; this is the quick loop for authors.
 */
import { listLessons, loadQuestionFiles } from "@/lib/content";
import { countProblems, questionProblems } from "@/lib/quiz";

const at = process.argv.indexOf("--lesson");
const only = at > 0 ? process.argv[at + 1] : undefined;
let problems = 0;
try {
  const files = loadQuestionFiles();
  for (const lesson of listLessons("en").map((l) => l.slug)) {
    if (only && lesson !== only) continue;
    const questions = files.get(lesson)?.questions ?? [];
    const found = [...countProblems(lesson, questions), ...questions.flatMap((q) => questionProblems(q).map((p) => `${lesson}: ${q.id}: ${p}`))];
    const byType = Object.entries(questions.reduce<Record<string, number>>((acc, q) => ({ ...acc, [q.type]: (acc[q.type] ?? 0) + 1 }), {}))
      .map(([type, n]) => `${type} ${n}`)
      .join(", ");
    console.log(`${found.length ? "✗" : "✓"} ${lesson}: ${questions.length} questions${byType ? ` (${byType})` : ""}`);
    for (const p of found) console.log(`    ${p}`);
    problems += found.length;
  }
} catch (err) {
  console.error(`✗ ${(err as Error).message}`);
  process.exit(1);
}
process.exit(problems ? 1 : 0);
