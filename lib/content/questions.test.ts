/**
 * The question bank as content: valid in both languages, tagged with known misconceptions, the
 * minimums per lesson, and every simulation question consistent with the engine (its key
 * computes, its solution passes, its counterexample fails), every model answer passing its rubric.
 */
import { describe, expect, it } from "vitest";
import { countProblems, grade, questionProblems, rightResponse, wrongResponse, type Question } from "@/lib/quiz";
import { CURRICULUM } from "./curriculum";
import { loadMisconceptions, loadQuestionFiles } from "./questions";

const files = loadQuestionFiles();
const all: [string, Question][] = [...files].flatMap(([lesson, f]) => f.questions.map((q): [string, Question] => [lesson, q]));

describe("the question bank", () => {
  it("has at least 240 questions, and every lesson its minimums (20, with 3 sim-predict, 2 config-fix, 2 explain)", () => {
    expect(all.length).toBeGreaterThanOrEqual(240);
    expect(CURRICULUM.flatMap((lesson) => countProblems(lesson, files.get(lesson)?.questions ?? []))).toEqual([]);
  });

  it("every lesson spreads its questions over the three difficulties", () => {
    for (const lesson of CURRICULUM) expect(new Set((files.get(lesson)?.questions ?? []).map((q) => q.difficulty)), lesson).toEqual(new Set([1, 2, 3]));
  });

  it("every misconception belongs to a lesson of the curriculum and is tested by some question", () => {
    const used = new Set(all.flatMap(([, q]) => q.tags));
    for (const m of loadMisconceptions().values()) {
      expect(CURRICULUM as readonly string[], m.id).toContain(m.lesson);
      expect(used.has(m.id), `${m.id} is tested by no question`).toBe(true);
    }
  });

  it.each(all.map(([lesson, q]) => [`${lesson}/${q.id}`, q] as const))("%s agrees with the engine and its own key", (_name, q) => {
    expect(questionProblems(q)).toEqual([]);
    const right = grade(q, rightResponse(q), "en");
    const wrong = grade(q, wrongResponse(q), "en");
    expect(right.ok && right.correct).toBe(true);
    expect(wrong.ok && wrong.correct).toBe(false);
  });
});
