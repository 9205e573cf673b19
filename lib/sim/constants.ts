/**
 * Kafka defaults the engine uses but the scenario does not expose. Each is the stock default of
 * the named config (see docs/sim.md for sources); changing one changes every run's timing.
 */
export const KAFKA_DEFAULTS = {
  /** broker.heartbeat.interval.ms (KRaft): how often a broker heartbeats to the controller. */
  brokerHeartbeatIntervalMs: 2_000,
  /** replica.fetch.wait.max.ms: how long the leader holds a follower fetch when it has no new data. */
  replicaFetchWaitMaxMs: 500,
  /** replica.fetch.backoff.ms: a follower's pause after a failed fetch. */
  replicaFetchBackoffMs: 1_000,
  /** replica.socket.timeout.ms: how long a follower waits for a fetch response. */
  replicaSocketTimeoutMs: 30_000,
  /** replica.fetch.max.bytes (1 MiB), in records of the assumed size below. */
  replicaFetchMaxRecords: Math.floor(1_048_576 / 100),
  /** fetch.max.wait.ms (consumer). */
  fetchMaxWaitMs: 500,
  /** retry.backoff.ms (consumer) and metadata refresh backoff. */
  consumerRetryBackoffMs: 100,
  /** request.timeout.ms (consumer). */
  consumerRequestTimeoutMs: 30_000,
  /** batch.size (16384 bytes) in records of the assumed size below. */
  producerBatchMaxRecords: Math.floor(16_384 / 100),
  /** The simulation's assumed record size; only used to turn byte limits into record counts. */
  assumedRecordSizeBytes: 100,
  /** ProducerStateEntry.NUM_BATCHES_TO_RETAIN: batches per producer the broker remembers for dedupe. */
  producerBatchesRetained: 5,
} as const;
