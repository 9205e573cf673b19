/**
 * The axes a mock-interview report scores. Each question counts toward its lesson's axis;
 * explain questions (answers in the learner's own words) also count toward explanation quality.
 */
import type { QuestionType } from "@/lib/quiz/schema";

export const AXES = ["durability", "ordering", "consumer", "availability", "explanation"] as const;
export type Axis = (typeof AXES)[number];

const LESSON_AXIS: Record<string, Axis> = {
  replication: "durability",
  acks: "durability",
  isr: "durability",
  "flush-and-page-cache": "durability",
  "case-study": "durability",
  "leader-election": "availability",
  monitoring: "availability",
  "retries-and-ordering": "ordering",
  idempotence: "ordering",
  transactions: "ordering",
  "offset-commits": "consumer",
  rebalancing: "consumer",
};

export function axesOf(lesson: string, type: QuestionType): Axis[] {
  const topic = LESSON_AXIS[lesson] ?? "durability";
  return type === "explain" ? [topic, "explanation"] : [topic];
}

/** The lessons behind each axis (a study plan points there). */
export function lessonsOfAxis(axis: Axis): string[] {
  return Object.entries(LESSON_AXIS)
    .filter(([, a]) => a === axis)
    .map(([lesson]) => lesson);
}
