/**
 * The scenario contract's names that pages need without its validator: the Lab's settings and
 * fault editor list them, and importing lib/sim/scenario for a list would ship zod with the
 * page. scenario.ts builds its schema from these, and a test checks that the fault schema has
 * exactly these fault types.
 */
export const BROKER_TARGETS = ["leader", "followers", "last-crashed"] as const;

export const COMMIT_STRATEGIES = [
  "auto",
  "auto-async-processing",
  "sync-after-processing",
  "async-after-processing",
  "before-processing",
] as const;
export type CommitStrategy = (typeof COMMIT_STRATEGIES)[number];

/** Every fault a scenario can schedule, in the order the fault editor offers them. */
export const FAULT_TYPES = [
  "crash-broker",
  "restart-broker",
  "power-loss",
  "pause-replication",
  "isolate-broker",
  "drop-requests",
  "drop-responses",
  "crash-consumer",
  "stall-consumer",
  "pause-consumer",
] as const;
