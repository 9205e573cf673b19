/**
 * Plain, serialisable data the engine hands out: events, snapshots and the audit. Nothing here
 * holds functions or class instances, so every value can cross a Web Worker boundary or be
 * written as JSON byte for byte.
 */
import type { Scenario } from "./scenario";

/** Kafka error names as they appear in the protocol (org.apache.kafka.common.protocol.Errors). */
export type KafkaError =
  | "NOT_ENOUGH_REPLICAS"
  | "NOT_ENOUGH_REPLICAS_AFTER_APPEND"
  | "REQUEST_TIMED_OUT"
  | "NOT_LEADER_OR_FOLLOWER"
  | "OUT_OF_ORDER_SEQUENCE_NUMBER"
  | "INVALID_PRODUCER_EPOCH"
  | "NETWORK_EXCEPTION"
  | "DELIVERY_TIMEOUT"
  | "UNKNOWN_MEMBER_ID"
  | "ILLEGAL_GENERATION"
  | "OFFSET_OUT_OF_RANGE";

export type EventType =
  // producer
  | "produce-request"
  | "acknowledged"
  | "produce-error"
  | "produce-failed"
  | "producer-epoch-bumped"
  // brokers and replication
  | "appended"
  | "duplicate-ignored"
  | "replicated"
  | "high-watermark"
  | "truncated"
  | "unflushed-data-lost"
  | "isr-shrink"
  | "isr-expand"
  // controller
  | "broker-fenced"
  | "broker-unfenced"
  | "leader-elected"
  | "partition-offline"
  // faults as they happen
  | "fault"
  | "broker-crashed"
  | "broker-restarted"
  | "broker-powered-off"
  // consumer group
  | "group-joined"
  | "polled"
  | "processed"
  | "committed"
  | "commit-failed"
  | "member-removed"
  | "offset-reset"
  | "consumer-truncation-detected"
  | "consumer-crashed"
  | "consumer-restarted";

/** Events left out of the "key" event log: the routine traffic of a healthy run. */
export const ROUTINE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  "produce-request",
  "acknowledged",
  "appended",
  "replicated",
  "high-watermark",
  "polled",
  "processed",
  "committed",
]);

/**
 * One entry of the event log. `reason` is a short machine-readable cause ("leader-fenced",
 * "lagging", "session-timeout"…) that the player and lessons turn into sentences.
 */
export interface SimEvent {
  atMs: number;
  type: EventType;
  broker?: number;
  /** Inclusive range of message ids (1-based send order). */
  messages?: [number, number];
  /** Inclusive range of log offsets. */
  offsets?: [number, number];
  epoch?: number;
  isr?: number[];
  error?: KafkaError;
  reason?: string;
  /** The brokers holding a record at the moment it was acknowledged. */
  replicas?: number[];
  offset?: number;
  attempt?: number;
  fault?: string;
  /** Message-id ranges removed from a log by truncation or power loss. */
  lost?: [number, number][];
  unclean?: boolean;
}

export type BrokerProcess = "up" | "crashed" | "powered-off";

/** What a network message carries, for the player's animation (only produce kinds can be dropped by a fault). */
export type WireKind = "produce" | "produce-response" | "fetch" | "fetch-response" | "consumer-fetch" | "consumer-fetch-response" | "commit" | "commit-response";

/**
 * One message on the network between two nodes: broker ids, or the producer (1000), the consumer
 * (1001) and the controller / group coordinator (1002). `arriveMs` is when it reaches `to`.
 */
export interface WireView {
  id: number;
  from: number;
  to: number;
  kind: WireKind;
  sentMs: number;
  arriveMs: number;
}

export interface BatchView {
  baseOffset: number;
  lastOffset: number;
  firstMessage: number;
  lastMessage: number;
  /** Leader epoch the batch was written in. */
  epoch: number;
  /** Idempotent producer id and first sequence number, or -1. */
  producerId: number;
  baseSequence: number;
  /** True once the batch is on disk (fsync or OS write-back); false while only in the page cache. */
  durable: boolean;
}

export interface BrokerView {
  id: number;
  process: BrokerProcess;
  fenced: boolean;
  isolated: boolean;
  replicationPaused: boolean;
  hostsReplica: boolean;
  role: "leader" | "follower" | "none";
  /** The leader epoch this broker currently knows. */
  leaderEpoch: number;
  logEndOffset: number;
  highWatermark: number;
  durableOffset: number;
  log: BatchView[];
}

export interface InFlightView {
  requestId: number;
  broker: number;
  messages: [number, number];
  attempt: number;
  sentMs: number;
}

export interface ProducerView {
  nextMessage: number;
  sent: number;
  acknowledged: number;
  failed: number;
  queued: number;
  inFlight: InFlightView[];
  producerId: number | null;
  producerEpoch: number;
  knownLeader: number | null;
}

export interface ConsumerView {
  state: "idle" | "joining" | "fetching" | "processing" | "committing" | "crashed" | "disabled";
  memberId: number | null;
  generation: number;
  position: number | null;
  committed: number | null;
  processed: number;
  /** Records handed to a worker and not yet processed (auto-async-processing). */
  queued: number;
  stalled: boolean;
  paused: boolean;
}

export interface Snapshot {
  atMs: number;
  done: boolean;
  /** Messages in flight at atMs (and, when the snapshot asked for it, those that just arrived). */
  network: WireView[];
  partition: { leader: number | null; leaderEpoch: number; isr: number[]; replicas: number[] };
  brokers: BrokerView[];
  producer: ProducerView;
  consumer: ConsumerView;
}

export interface Audit {
  producer: { sent: number; acknowledged: number; failed: number; pending: number; retries: number; errors: Record<string, number> };
  log: { committed: number; lostAcknowledged: number; unavailableAcknowledged: number; duplicates: number; outOfOrder: number };
  consumer: { processed: number; unique: number; duplicates: number; missed: number; lag: number; rebalances: number };
  cluster: { leader: number | null; isr: number[]; highWatermark: number; logEndOffsets: Record<string, number>; offlineMs: number };
  /** The message ids behind each count, so a player can highlight exactly which records. */
  messages: {
    lostAcknowledged: number[];
    unavailableAcknowledged: number[];
    duplicates: number[];
    outOfOrder: number[];
    missedByConsumer: number[];
    processedTwice: number[];
    failed: number[];
  };
}

export interface SimOutput extends Omit<Audit, "messages"> {
  scenario: Scenario;
  messages: Audit["messages"];
  events: SimEvent[];
}
