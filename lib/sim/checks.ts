/**
 * Checks on a run's output, written as text so content can state them: a path in the output
 * ("log.lostAcknowledged", "producer.errors.NOT_ENOUGH_REPLICAS", "cluster.leader") and a
 * comparison ("= 0", "> 0", ">= 2", "< 5", "<= 10", or "none" for a value that is null).
 * Used by preset files (their promised outcome), sim-predict questions (their key) and
 * config-fix questions (their goal).
 */
import type { SimOutput } from "./types";

export const CHECK = /^(?:(=|>|<|>=|<=)\s*(-?\d+)|none)$/;

/** The value at an output path: a number, null (e.g. no leader), or undefined when the path does not exist. A Kafka error that never happened counts as 0. */
export function outputValue(output: SimOutput, path: string): number | null | undefined {
  let v: unknown = output;
  for (const part of path.split(".")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  if (v === undefined && path.startsWith("producer.errors.")) return 0;
  return typeof v === "number" || v === null ? v : undefined;
}

/** Whether a value passes a check; a malformed check throws (content is validated before use). */
export function passes(value: number | null, check: string): boolean {
  const m = CHECK.exec(check.trim());
  if (!m) throw new Error(`not a check: "${check}"`);
  if (check.trim() === "none") return value === null;
  if (value === null) return false;
  const want = Number(m[2]);
  switch (m[1]) {
    case "=":
      return value === want;
    case ">":
      return value > want;
    case "<":
      return value < want;
    case ">=":
      return value >= want;
    default:
      return value <= want;
  }
}

/** Every check the output fails, as sentences ("log.lostAcknowledged is 0, expected > 0"). */
export function failedChecks(output: SimOutput, checks: Record<string, string>): string[] {
  const failures: string[] = [];
  for (const [path, check] of Object.entries(checks)) {
    const value = outputValue(output, path);
    if (value === undefined) failures.push(`${path} is not in the audit`);
    else if (!passes(value, check)) failures.push(`${path} is ${value ?? "none"}, expected ${check}`);
  }
  return failures;
}
