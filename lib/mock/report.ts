/**
 * The end-of-interview report (pure): a score per axis, the answers that went wrong, a study
 * plan, and how this mock compares with the learner's earlier ones.
 */
import type { QuestionType } from "@/lib/quiz/schema";
import { AXES, axesOf, type Axis } from "./axes";

export interface AskedQuestion {
  position: number;
  questionId: string;
  lesson: string;
  type: QuestionType;
  /** Misconceptions a wrong answer reveals. */
  tags: string[];
  score: number;
  correct: boolean;
  skipped: boolean;
}

export interface AxisScore {
  axis: Axis;
  /** Mean score of the questions asked on this axis, or null when none was. */
  score: number | null;
  asked: number;
}

export interface MockSummary {
  overall: number | null;
  axes: AxisScore[];
  answered: number;
  skipped: number;
  planned: number;
}

/** An axis counts as weak below this mean score. */
export const WEAK_BELOW = 0.7;

export function summarise(asked: AskedQuestion[], planned: number): MockSummary {
  const axes = AXES.map((axis) => {
    const on = asked.filter((a) => axesOf(a.lesson, a.type).includes(axis));
    return { axis, asked: on.length, score: on.length ? on.reduce((s, a) => s + a.score, 0) / on.length : null };
  });
  return {
    overall: asked.length ? asked.reduce((s, a) => s + a.score, 0) / asked.length : null,
    axes,
    answered: asked.filter((a) => !a.skipped).length,
    skipped: asked.filter((a) => a.skipped).length,
    planned,
  };
}

/**
 * Lessons to revisit: those of the wrong or skipped answers, the most missed first (ties by the
 * weaker axis), then the misconceptions those answers reveal.
 */
export function studyPlan(asked: AskedQuestion[], summary: MockSummary): { lessons: string[]; misconceptions: string[] } {
  const missed = asked.filter((a) => !a.correct);
  const axisScore = new Map(summary.axes.map((a) => [a.axis, a.score ?? 1]));
  const count = new Map<string, number>();
  for (const a of missed) count.set(a.lesson, (count.get(a.lesson) ?? 0) + (1 - a.score));
  const weakness = (lesson: string) => {
    const q = missed.find((a) => a.lesson === lesson)!;
    return axisScore.get(axesOf(q.lesson, q.type)[0]!) ?? 1;
  };
  const lessons = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || weakness(a) - weakness(b) || a.localeCompare(b));
  const misconceptions = [...new Set(missed.flatMap((a) => a.tags))];
  return { lessons, misconceptions };
}

export interface PreviousMock {
  id: string;
  startedAt: Date;
  summary: MockSummary;
}

/** Change in overall and per-axis score against the learner's previous mock (null where either side has no score). */
export function compareWith(current: MockSummary, previous: PreviousMock | undefined): { overall: number | null; axes: Record<Axis, number | null> } | null {
  if (!previous) return null;
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const before = new Map(previous.summary.axes.map((a) => [a.axis, a.score]));
  return {
    overall: diff(current.overall, previous.summary.overall),
    axes: Object.fromEntries(current.axes.map((a) => [a.axis, diff(a.score, before.get(a.axis) ?? null)])) as Record<Axis, number | null>,
  };
}
