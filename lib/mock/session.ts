/**
 * The state of one mock interview (pure): which question comes next given the answers so far,
 * and whether the session is over. The server keeps the plan and the answers; the browser only
 * ever learns the current question.
 */
import type { LocalizedText } from "@/lib/quiz/schema";
import type { Chain } from "./schema";

/** Answers reach the server a little after the countdown ends; this much lateness is forgiven. */
export const GRACE_MS = 5_000;

export interface AnswerSoFar {
  position: number;
  /** Right answers let the interviewer probe further; wrong or skipped ones take the ifWrong branch. */
  correct: boolean;
}

export interface CurrentStep {
  /** 0-based position of this question in the whole interview. */
  position: number;
  chainIndex: number;
  stepIndex: number;
  chainId: string;
  questionId: string;
  /** The interviewer's bridging line from the previous question, or null at a chain's start. */
  lead: LocalizedText | null;
  branch: "main" | "wrong";
}

/** Total number of questions the plan asks (every step asks exactly one). */
export function totalSteps(plan: Chain[]): number {
  return plan.reduce((n, c) => n + c.steps.length, 0);
}

/** Every question asked so far plus the current one, in order (answers must be positions 0…n-1). */
export function walk(plan: Chain[], answers: AnswerSoFar[]): CurrentStep[] {
  const byPosition = new Map(answers.map((a) => [a.position, a]));
  const out: CurrentStep[] = [];
  let position = 0;
  for (const [chainIndex, chain] of plan.entries()) {
    for (const [stepIndex, step] of chain.steps.entries()) {
      const previous = stepIndex > 0 ? byPosition.get(position - 1) : undefined;
      const wrongBranch = stepIndex > 0 && step.ifWrong !== undefined && previous !== undefined && !previous.correct;
      out.push({
        position,
        chainIndex,
        stepIndex,
        chainId: chain.id,
        questionId: wrongBranch ? step.ifWrong! : step.question,
        lead: stepIndex === 0 ? null : wrongBranch ? step.leadIfWrong! : step.lead!,
        branch: wrongBranch ? "wrong" : "main",
      });
      if (!byPosition.has(position)) return out;
      position++;
    }
  }
  return out;
}

/** The question to answer now, or null when every question has been answered. */
export function currentStep(plan: Chain[], answers: AnswerSoFar[]): CurrentStep | null {
  const steps = walk(plan, answers);
  const last = steps.at(-1);
  return last && !answers.some((a) => a.position === last.position) ? last : null;
}

export type EndReason = "completed" | "timeout" | "ended";

/** Why a session is over at `now`, or null while it runs. */
export function endReason(s: { deadline: Date; finishedAt: Date | null; endReason: string | null }, plan: Chain[], answers: AnswerSoFar[], now: Date): EndReason | null {
  if (s.finishedAt) return (s.endReason as EndReason | null) ?? "completed";
  if (answers.length >= totalSteps(plan)) return "completed";
  if (now.getTime() > s.deadline.getTime() + GRACE_MS) return "timeout";
  return null;
}
