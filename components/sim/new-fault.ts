/**
 * One place that knows what a new fault of each type looks like, for the Lab's fault editor and
 * the player's inject buttons alike (the buttons' labels name these durations).
 */
export type FaultDraft = Record<string, unknown> & { atMs: number; type: string };

export const BROKER_FAULTS = ["crash-broker", "restart-broker", "pause-replication", "isolate-broker"];
export const RESTART_FAULTS = ["crash-broker", "power-loss", "crash-consumer"];
const DEFAULT_DURATION_MS: Record<string, number> = {
  "pause-replication": 20_000,
  "isolate-broker": 20_000,
  "drop-requests": 2000,
  "drop-responses": 2000,
  "stall-consumer": 15_000,
  "pause-consumer": 10_000,
};
export const DURATION_FAULTS = Object.keys(DEFAULT_DURATION_MS);

/** A fault of `type` at `atMs`; broker faults hit `broker` (the leader, or all for a power loss, if not given). */
export function newFault(type: string, atMs: number, broker?: number): FaultDraft {
  const f: FaultDraft = { atMs, type };
  if (BROKER_FAULTS.includes(type)) f.broker = broker ?? "leader";
  if (type === "power-loss") f.brokers = broker === undefined ? "all" : [broker];
  if (type in DEFAULT_DURATION_MS) f.durationMs = DEFAULT_DURATION_MS[type];
  if (type === "crash-consumer") f.restartAfterMs = 5000;
  return f;
}
