/**
 * The scenario contract: what a simulation run takes as input.
 *
 * Every field is optional and defaults to current Kafka (4.x) behaviour, so `{}` is a valid
 * scenario. Lessons, saved links, questions and the CLI depend on this shape: add fields, never
 * rename or repurpose one. `parseScenario` is the only way in; it returns a normalised scenario
 * (every default filled, idempotence resolved the way Kafka's ProducerConfig resolves it) or one
 * error naming the field, never both.
 */
import { z } from "zod";
import { BROKER_TARGETS, COMMIT_STRATEGIES, FAULT_TYPES } from "./scenario-names";

export { BROKER_TARGETS, COMMIT_STRATEGIES, FAULT_TYPES, type CommitStrategy } from "./scenario-names";

// The Lab and the player parse scenarios in the browser, where the Content-Security-Policy
// forbids eval (decision 014). zod would otherwise probe `new Function("")` to compile faster
// validators, which the browser reports as a violation; interpreted validators are fast enough
// for one scenario. The setting is global, so it is made before any schema exists.
z.config({ jitless: true });

const ms = (max = 1_000_000_000) => z.number().int().min(0).max(max);
const positiveInt = (max: number) => z.number().int().min(1).max(max);

const brokerRef = z.union([z.number().int().min(0), z.enum(BROKER_TARGETS)], {
  error: (iss) => (iss.input === undefined ? "is required" : 'expected a broker id (0, 1, …), "leader", "followers" or "last-crashed"'),
});
export type BrokerRef = z.infer<typeof brokerRef>;

/** Kafka accepts acks as "all"/"-1"/"1"/"0"; the scenario keeps the three canonical spellings. */
const acks = z
  .union([z.enum(["all", "-1", "1", "0"]), z.literal(-1), z.literal(0), z.literal(1)], {
    error: 'expected "all", "1" or "0"',
  })
  .transform((v): "all" | "1" | "0" => (v === "all" || v === "-1" || v === -1 ? "all" : v === 1 || v === "1" ? "1" : "0"));

const clusterSchema = z.strictObject({
  brokers: positiveInt(16).default(3),
  replicationFactor: positiveInt(16).default(3),
  minInsyncReplicas: positiveInt(16).default(1),
  uncleanLeaderElection: z.boolean().default(false),
  replicaLagTimeMaxMs: positiveInt(10_000_000).default(30_000),
  brokerSessionTimeoutMs: positiveInt(10_000_000).default(9_000),
  /** At least 1 ms: a hop that takes no time would let a retry loop stop the simulated clock. */
  networkDelayMs: positiveInt(60_000).default(1),
  flushIntervalMessages: positiveInt(1_000_000_000).nullable().default(null),
  flushIntervalMs: positiveInt(1_000_000_000).nullable().default(null),
  pageCacheFlushMs: ms().default(30_000),
  /**
   * Kafka ≥ 3.7 keeps the high watermark still while the ISR is below min.insync.replicas
   * (KAFKA-15583); false reproduces 3.6 and earlier, where it kept advancing.
   */
  freezeHighWatermarkBelowMinIsr: z.boolean().default(true),
  /** group.initial.rebalance.delay.ms: how long the coordinator lets an empty group fill up. */
  groupInitialRebalanceDelayMs: ms(10_000_000).default(3_000),
});

const producerSchema = z.strictObject({
  acks: acks.default("all"),
  /** Left unset, Kafka enables idempotence unless acks or retries conflict (KIP-679). */
  enableIdempotence: z.boolean().optional(),
  retries: z.number().int().min(0).max(2_147_483_647).default(2_147_483_647),
  maxInFlight: positiveInt(1000).default(5),
  requestTimeoutMs: positiveInt(10_000_000).default(30_000),
  /** Left unset, Kafka raises it to requestTimeoutMs + lingerMs when the default is too small. */
  deliveryTimeoutMs: positiveInt(100_000_000).optional(),
  retryBackoffMs: ms(10_000_000).default(100),
  /** retry.backoff.max.ms (KIP-580, Kafka 3.7): retries back off exponentially up to this. */
  retryBackoffMaxMs: ms(10_000_000).default(1_000),
  /** linger.ms: 5 since Kafka 4.0 (KIP-1030), 0 before. */
  lingerMs: ms(60_000).default(5),
  messages: z.number().int().min(0).max(10_000_000).default(1000),
  intervalMs: ms(10_000_000).default(10),
});


const consumerSchema = z.strictObject({
  enabled: z.boolean().default(true),
  commit: z.enum(COMMIT_STRATEGIES).default("auto"),
  autoCommitIntervalMs: positiveInt(100_000_000).default(5_000),
  processingMs: ms(10_000_000).default(1),
  maxPollRecords: positiveInt(100_000).default(500),
  autoOffsetReset: z.enum(["latest", "earliest"]).default("latest"),
  sessionTimeoutMs: positiveInt(100_000_000).default(45_000),
  heartbeatIntervalMs: positiveInt(100_000_000).default(3_000),
  maxPollIntervalMs: positiveInt(1_000_000_000).default(300_000),
  /**
   * Where the group stands when the run starts: 0 = an established group that has read the
   * (empty) topic from the start; null = a brand-new group, which autoOffsetReset places.
   */
  initialCommittedOffset: z.number().int().min(0).nullable().default(0),
});

const at = { atMs: ms() };
const faultSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...at, type: z.literal("crash-broker"), broker: brokerRef, restartAfterMs: ms().optional() }),
  z.strictObject({ ...at, type: z.literal("restart-broker"), broker: brokerRef }),
  z.strictObject({
    ...at,
    type: z.literal("power-loss"),
    brokers: z.union([z.literal("all"), z.array(brokerRef).min(1)]).optional(),
    broker: brokerRef.optional(),
    restartAfterMs: ms().optional(),
  }),
  z.strictObject({ ...at, type: z.literal("pause-replication"), broker: brokerRef, durationMs: positiveInt(1_000_000_000) }),
  z.strictObject({ ...at, type: z.literal("isolate-broker"), broker: brokerRef, durationMs: positiveInt(1_000_000_000) }),
  z.strictObject({ ...at, type: z.literal("drop-requests"), durationMs: positiveInt(1_000_000_000) }),
  z.strictObject({ ...at, type: z.literal("drop-responses"), durationMs: positiveInt(1_000_000_000) }),
  z.strictObject({ ...at, type: z.literal("crash-consumer"), restartAfterMs: ms().optional() }),
  z.strictObject({ ...at, type: z.literal("stall-consumer"), durationMs: positiveInt(1_000_000_000) }),
  z.strictObject({ ...at, type: z.literal("pause-consumer"), durationMs: positiveInt(1_000_000_000) }),
]);

/** The fault types the schema accepts, for the test that keeps FAULT_TYPES (scenario-names) in step. */
export const SCHEMA_FAULT_TYPES: string[] = faultSchema.options.map((o) => o.shape.type.value);

export const scenarioInputSchema = z.strictObject({
  seed: z.number().int().min(-2_147_483_648).max(4_294_967_295).default(1),
  durationMs: positiveInt(1_000_000_000).default(60_000),
  /** How much of the event log to keep: every event, only the notable ones, or none. */
  eventLog: z.enum(["all", "key", "none"]).default("all"),
  cluster: clusterSchema.prefault({}),
  producer: producerSchema.prefault({}),
  consumer: consumerSchema.prefault({}),
  faults: z.array(faultSchema).max(1000).default([]),
});

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
type Parsed = z.output<typeof scenarioInputSchema>;
type ParsedFault = Parsed["faults"][number];

/** A fault after normalisation: power-loss always names its brokers. */
export type Fault =
  | Exclude<ParsedFault, { type: "power-loss" }>
  | { atMs: number; type: "power-loss"; brokers: "all" | BrokerRef[]; restartAfterMs?: number };
export type FaultType = Fault["type"];

export interface Scenario extends Omit<Parsed, "producer" | "faults"> {
  producer: Omit<Parsed["producer"], "enableIdempotence" | "deliveryTimeoutMs"> & { enableIdempotence: boolean; deliveryTimeoutMs: number };
  faults: Fault[];
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Idempotence limit on in-flight requests: the broker remembers the last 5 batches per producer. */
export const MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;
/** Broker defaults group.min.session.timeout.ms and group.max.session.timeout.ms. */
export const GROUP_MIN_SESSION_TIMEOUT_MS = 6_000;
export const GROUP_MAX_SESSION_TIMEOUT_MS = 1_800_000;

/**
 * Validates and normalises a scenario. Expected failures are values: the error is one line that
 * starts with the path of the offending field (e.g. `producer.acks: …`).
 */
export function parseScenario(input: unknown): ParseResult {
  const parsed = scenarioInputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, error: formatIssue(parsed.error.issues[0]!) };
  const s = parsed.data;
  const fail = (path: string, message: string): ParseResult => ({ ok: false, error: `${path}: ${message}` });
  const { cluster, producer, consumer } = s;

  if (cluster.replicationFactor > cluster.brokers)
    return fail("cluster.replicationFactor", `${cluster.replicationFactor} is more than the ${cluster.brokers} brokers in the cluster (Kafka refuses to create the topic: INVALID_REPLICATION_FACTOR)`);

  // Kafka's ProducerConfig: an explicit enable.idempotence=true with conflicting settings is a
  // ConfigException; left unset, the same conflicts silently turn idempotence off (3.0.1+).
  const explicit = producer.enableIdempotence;
  if (explicit === true && producer.acks !== "all")
    return fail("producer.enableIdempotence", `true requires acks "all", got acks "${producer.acks}" (Kafka throws ConfigException)`);
  if (explicit === true && producer.retries === 0)
    return fail("producer.enableIdempotence", "true requires retries > 0, got retries 0 (Kafka throws ConfigException)");
  const idempotent = explicit ?? (producer.acks === "all" && producer.retries > 0);
  if (idempotent && producer.maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE)
    return fail("producer.maxInFlight", `${producer.maxInFlight} is above ${MAX_IN_FLIGHT_FOR_IDEMPOTENCE}, which idempotence does not allow (a ConfigException since Kafka 4.0); set it to 5 or less, or disable idempotence`);
  // KafkaProducer.configureDeliveryTimeout: an explicit value that is too small is an error; the
  // default is raised instead.
  const minDeliveryMs = producer.requestTimeoutMs + producer.lingerMs;
  if (producer.deliveryTimeoutMs !== undefined && producer.deliveryTimeoutMs < minDeliveryMs)
    return fail("producer.deliveryTimeoutMs", `${producer.deliveryTimeoutMs} must be at least requestTimeoutMs + lingerMs (${minDeliveryMs})`);
  const deliveryTimeoutMs = producer.deliveryTimeoutMs ?? Math.max(120_000, minDeliveryMs);

  if (consumer.heartbeatIntervalMs >= consumer.sessionTimeoutMs)
    return fail("consumer.heartbeatIntervalMs", `${consumer.heartbeatIntervalMs} must be lower than sessionTimeoutMs (${consumer.sessionTimeoutMs})`);
  if (consumer.sessionTimeoutMs < GROUP_MIN_SESSION_TIMEOUT_MS || consumer.sessionTimeoutMs > GROUP_MAX_SESSION_TIMEOUT_MS)
    return fail("consumer.sessionTimeoutMs", `${consumer.sessionTimeoutMs} is outside the broker's allowed range ${GROUP_MIN_SESSION_TIMEOUT_MS}–${GROUP_MAX_SESSION_TIMEOUT_MS} (group.min/max.session.timeout.ms); the join would fail with INVALID_SESSION_TIMEOUT`);

  const faults: Fault[] = [];
  for (let i = 0; i < s.faults.length; i++) {
    const f = s.faults[i]!;
    const path = `faults.${i}`;
    if (f.atMs > s.durationMs) return fail(`${path}.atMs`, `${f.atMs} is after the end of the run (durationMs ${s.durationMs})`);
    let refs: BrokerRef[] = [];
    if (f.type === "power-loss") {
      if (f.broker !== undefined && f.brokers !== undefined) return fail(path, 'give either "broker" or "brokers", not both');
      const brokers = f.brokers ?? (f.broker !== undefined ? [f.broker] : "all");
      if (brokers !== "all") refs = brokers;
      const { broker: _b, ...rest } = f;
      faults.push({ ...rest, brokers });
    } else {
      if ("broker" in f) refs = [f.broker];
      faults.push(f);
    }
    for (const ref of refs)
      if (typeof ref === "number" && ref >= cluster.brokers)
        return fail(`${path}.broker`, `broker ${ref} does not exist (brokers are 0–${cluster.brokers - 1})`);
  }

  return {
    ok: true,
    scenario: { ...s, producer: { ...producer, enableIdempotence: idempotent, deliveryTimeoutMs }, faults },
  };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".") || "scenario";
  switch (issue.code) {
    case "unrecognized_keys":
      return `${path}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      if ((issue as { note?: string }).note === "No matching discriminator")
        return `${path}: unknown fault type; expected one of ${FAULT_TYPES.map((t) => `"${t}"`).join(", ")}`;
      return `${path}: ${issue.message}`;
    case "invalid_type":
      if (issue.input === undefined) return `${path}: is required`;
      return `${path}: expected ${issue.expected === "int" ? "a whole number" : issue.expected}, got ${describe(issue.input)}`;
    default:
      return `${path}: ${issue.message}`;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? `the string ${JSON.stringify(value).slice(0, 40)}` : typeof value;
}
