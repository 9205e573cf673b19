/** The twelve lessons, in order (issue 6): directory content/lessons/NN-slug, NN = position. */
export const CURRICULUM = [
  "replication",
  "acks",
  "isr",
  "leader-election",
  "flush-and-page-cache",
  "retries-and-ordering",
  "idempotence",
  "transactions",
  "offset-commits",
  "rebalancing",
  "monitoring",
  "case-study",
] as const;
