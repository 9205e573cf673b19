/**
 * Live sessions, the pure parts: joining codes, the host's controls as phase transitions, the
 * answer histogram, and the leaderboard. The database layer (db.ts) applies these.
 */
import type { LocalizedText, Question } from "@/lib/quiz/schema";

export const PHASES = ["lobby", "question", "reveal", "ended"] as const;
export type Phase = (typeof PHASES)[number];
export const ACTIONS = ["start", "reveal", "next", "end"] as const;
export type Action = (typeof ACTIONS)[number];
export const LEADERBOARDS = ["off", "correct", "speed"] as const;
export type Leaderboard = (typeof LEADERBOARDS)[number];

/** Letters and digits that cannot be confused when read off a projector (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/**
 * Characters a name shown to others may not contain: control characters (NUL, escape…) and the
 * bidirectional overrides and isolates that can make a nickname on the projector or in the CSV
 * read as something else.
 */
export const HIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export function newCode(random: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** What people type: lower case, spaces and dashes are forgiven. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export interface LiveState {
  phase: Phase;
  itemIndex: number;
  itemCount: number;
}

/** The state after a host action, or an error saying why the action does not apply now. */
export function transition(s: LiveState, action: Action): { ok: true; state: LiveState } | { ok: false; error: string } {
  if (s.phase === "ended") return { ok: false, error: "the session has ended" };
  switch (action) {
    case "start":
      if (s.phase !== "lobby") return { ok: false, error: "the session has already started" };
      return s.itemCount > 0 ? { ok: true, state: { ...s, phase: "question", itemIndex: 0 } } : { ok: false, error: "the session has no questions" };
    case "reveal":
      if (s.phase !== "question") return { ok: false, error: "there is no open question to reveal" };
      return { ok: true, state: { ...s, phase: "reveal" } };
    case "next":
      if (s.phase !== "reveal") return { ok: false, error: "reveal the answer before moving on" };
      return s.itemIndex + 1 < s.itemCount ? { ok: true, state: { ...s, phase: "question", itemIndex: s.itemIndex + 1 } } : { ok: true, state: { ...s, phase: "ended" } };
    case "end":
      return { ok: true, state: { ...s, phase: "ended" } };
  }
}

export interface Bar {
  id: string;
  text: LocalizedText | string;
  count: number;
  /** Shown only after the reveal. */
  correct?: boolean;
}

type Response = Record<string, unknown>;

/**
 * How the room answered: a bar per option for choice questions, per bucket of the first part
 * for sim-predict, and right / partly right / wrong for the rest.
 */
export function histogram(q: Question, answers: { response: Response; score: number; count?: number }[], key: unknown): Bar[] {
  /** How many answers match; an entry stands for `count` identical answers (1 when absent). */
  const tally = (pred: (a: { response: Response; score: number }) => boolean) => answers.reduce((sum, a) => sum + (pred(a) ? (a.count ?? 1) : 0), 0);
  const count = (pred: (r: Response) => boolean) => tally((a) => pred(a.response));
  switch (q.type) {
    case "single":
      return q.options.map((o) => ({ id: o.id, text: o.text, count: count((r) => r.choice === o.id), correct: o.id === q.answer }));
    case "multiple":
      return q.options.map((o) => ({ id: o.id, text: o.text, count: count((r) => Array.isArray(r.choices) && r.choices.includes(o.id)), correct: q.answer.includes(o.id) }));
    case "true-false":
      return [true, false].map((v) => ({ id: String(v), text: String(v), count: count((r) => r.value === v), correct: q.answer === v }));
    case "sim-predict": {
      const part = q.parts[0]!;
      const right = (key as Record<string, string> | null)?.[part.id];
      return part.buckets.map((b) => ({ id: b.id, text: b.text, count: count((r) => (r.predictions as Record<string, string> | undefined)?.[part.id] === b.id), correct: b.id === right }));
    }
    default:
      return [
        { id: "right", text: "right", count: tally((a) => a.score >= 1), correct: true },
        { id: "partly", text: "partly", count: tally((a) => a.score > 0 && a.score < 1), correct: false },
        { id: "wrong", text: "wrong", count: tally((a) => a.score <= 0), correct: false },
      ];
  }
}

/** Points for one answer: its score, or with speed weighting up to twice that for an instant answer. */
export function points(score: number, timeTakenMs: number, limitMs: number, mode: Leaderboard): number {
  if (mode === "off") return 0;
  const base = Math.round(score * 1000);
  if (mode === "correct") return base;
  const left = Math.max(0, Math.min(1, 1 - timeTakenMs / limitMs));
  return Math.round(base * (1 + left) / 2);
}

export function leaderboard(answers: { participantId: string; score: number; timeTakenMs: number }[], names: Map<string, string>, limitMs: number, mode: Leaderboard, size = 10): { participantId: string; nickname: string; points: number }[] {
  const totals = new Map<string, number>();
  for (const a of answers) totals.set(a.participantId, (totals.get(a.participantId) ?? 0) + points(a.score, a.timeTakenMs, limitMs, mode));
  return [...totals]
    .map(([participantId, p]) => ({ participantId, nickname: names.get(participantId) ?? "?", points: p }))
    .sort((a, b) => b.points - a.points || a.nickname.localeCompare(b.nickname))
    .slice(0, size);
}
