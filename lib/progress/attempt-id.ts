import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Idempotent answers (issue 10, "no lost answers"). The browser gives every answer a UUID and
 * resends the same id when a request failed on the network; the server stores the id with a
 * unique index, so a resend finds the stored answer and returns its original result instead of
 * counting it again. What was answered under the id is kept as a hash: the same id with a
 * different answer is a client bug or a forged request, answered with a 409.
 */
export const attemptIdSchema = z.uuid("an attempt id is a UUID (e.g. from crypto.randomUUID())");

/** JSON with object keys sorted, so that the same answer always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/**
 * The hash of what was answered. Callers pass only what defines the answer (question, response,
 * confidence…), not metadata a retry may recompute (time taken, display language).
 */
export function answerHash(answer: Record<string, unknown>): string {
  return createHash("sha256").update(canonical(answer)).digest("hex");
}

/** The 409 for an attempt id reused for a different answer. */
export const reusedAttemptId = (id: string) => ({
  status: 409,
  body: { error: `attempt id ${id} was already used for a different answer; send a new id for a new answer` },
});

/** Whether a write failed on a unique index (two copies of one answer raced). */
export const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "P2002";
