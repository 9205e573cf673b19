/**
 * The producer client: record accumulator with linger and batch size, up to maxInFlight pipelined
 * requests, retries with backoff, request and delivery timeouts, metadata refresh after errors,
 * and the idempotent producer (producer id, epoch, per-partition sequence numbers).
 *
 * Kafka references: RecordAccumulator (drain, reenqueue, insertInSequenceOrder), Sender
 * (handleProduceResponse, canRetry, expired in-flight batches), TransactionManager (epoch bump).
 */
import { handleProduce, type ProduceResult } from "./broker";
import { KAFKA_DEFAULTS } from "./constants";
import type { KafkaError } from "./types";
import { LazyTimer, PRODUCER_NODE, type World } from "./world";

interface ClientBatch {
  firstMessage: number;
  count: number;
  createdMs: number;
  attempts: number;
  baseSequence: number;
  producerEpoch: number;
  retry: boolean;
  readyAtMs: number;
  done: boolean;
}

interface InFlightRequest {
  id: number;
  batch: ClientBatch;
  broker: number;
  sentMs: number;
}

/** Per-message outcome as the application's callback saw it. */
export const enum Outcome {
  None = 0,
  Pending = 1,
  Acknowledged = 2,
  Failed = 3,
}

export interface ProducerState {
  nextMessage: number;
  queue: ClientBatch[];
  inFlight: InFlightRequest[];
  producerId: number;
  producerEpoch: number;
  nextSequence: number;
  /** The highest sequence the broker acknowledged in the current epoch. */
  lastAckedSequence: number;
  /**
   * An epoch bump waiting for the in-flight requests to finish: "required" after the broker lost
   * acknowledged batches; "unresolved" after a batch expired, which only needs a bump if no later
   * sequence got acknowledged (TransactionManager.maybeResolveSequences).
   */
  epochBumpPending: "required" | "unresolved" | null;
  knownLeader: number | null;
  metadataStale: boolean;
  refreshing: boolean;
  /** Wakes the sender for linger, retry backoff, delivery timeouts and metadata retries. */
  wakeTimer: LazyTimer;
  /** request.timeout.ms of the oldest request in flight. */
  requestTimer: LazyTimer;
  nextRequestId: number;
  sent: number;
  acknowledged: number;
  failed: number;
  retries: number;
  errors: Record<string, number>;
  outcome: Uint8Array;
}

export function createProducer(w: World): ProducerState {
  const cfg = w.scenario.producer;
  const p: ProducerState = {
    nextMessage: 1,
    queue: [],
    inFlight: [],
    producerId: cfg.enableIdempotence ? 1000 : -1,
    producerEpoch: 0,
    nextSequence: 0,
    lastAckedSequence: -1,
    epochBumpPending: null,
    knownLeader: w.partition.leader,
    metadataStale: false,
    refreshing: false,
    wakeTimer: new LazyTimer(w, () => drain(w, p)),
    requestTimer: new LazyTimer(w, () => expireRequests(w, p)),
    nextRequestId: 1,
    sent: 0,
    acknowledged: 0,
    failed: 0,
    retries: 0,
    errors: {},
    outcome: new Uint8Array(cfg.messages + 1),
  };
  return p;
}

/** Schedules the application's send() calls: one message every intervalMs. */
export function startProducing(w: World, p: ProducerState): void {
  const { messages, intervalMs } = w.scenario.producer;
  if (messages === 0) return;
  const tick = () => {
    do createMessage(w, p);
    while (intervalMs === 0 && p.nextMessage <= messages);
    if (p.nextMessage <= messages) w.after(intervalMs, tick);
    drain(w, p);
  };
  w.at(0, tick);
}

function createMessage(w: World, p: ProducerState): void {
  const id = p.nextMessage++;
  p.sent++;
  p.outcome[id] = Outcome.Pending;
  const last = p.queue[p.queue.length - 1];
  if (last && !last.retry && last.attempts === 0 && last.count < KAFKA_DEFAULTS.producerBatchMaxRecords) last.count++;
  else p.queue.push({ firstMessage: id, count: 1, createdMs: w.nowMs, attempts: 0, baseSequence: -1, producerEpoch: p.producerEpoch, retry: false, readyAtMs: 0, done: false });
}

function idempotent(w: World): boolean {
  return w.scenario.producer.enableIdempotence;
}

/** The sender loop: send every ready batch the in-flight limit allows. */
export function drain(w: World, p: ProducerState): void {
  const cfg = w.scenario.producer;
  expireBatches(w, p);
  if (p.epochBumpPending !== null) {
    // Nothing is sent while a sequence is unresolved; the epoch is bumped once every request
    // that might still be written has been answered or timed out.
    if (p.inFlight.length > 0) return;
    if (p.epochBumpPending === "required") bumpEpoch(w, p, "sequence-gap-on-broker");
    else if (p.nextSequence !== p.lastAckedSequence + 1) bumpEpoch(w, p, "batch-expired");
    p.epochBumpPending = null;
  }
  if (p.metadataStale || p.knownLeader === null) return refreshMetadata(w, p);
  let nextWakeMs = Infinity;
  while (p.queue.length > 0 && (cfg.acks === "0" || p.inFlight.length < cfg.maxInFlight)) {
    const head = p.queue[0]!;
    const readyAt = head.retry ? head.readyAtMs : head.count >= KAFKA_DEFAULTS.producerBatchMaxRecords ? head.createdMs : head.createdMs + cfg.lingerMs;
    if (readyAt > w.nowMs) {
      nextWakeMs = readyAt;
      break;
    }
    // An idempotent producer resends a failed batch only once nothing is in flight, so batches
    // land in sequence order (RecordAccumulator.shouldStopDrainBatchesForPartition).
    if (idempotent(w) && head.retry && p.inFlight.length > 0) break;
    // A crashed broker's OS refuses the connection, so even acks=0 notices and waits for metadata.
    if (w.brokers[p.knownLeader]!.process === "crashed") {
      p.metadataStale = true;
      return refreshMetadata(w, p, RECONNECT_BACKOFF_MS);
    }
    p.queue.shift();
    send(w, p, head);
  }
  if (nextWakeMs < Infinity) p.wakeTimer.arm(nextWakeMs);
}

function send(w: World, p: ProducerState, batch: ClientBatch): void {
  const cfg = w.scenario.producer;
  if (idempotent(w) && batch.baseSequence < 0) {
    batch.baseSequence = p.nextSequence;
    batch.producerEpoch = p.producerEpoch;
    p.nextSequence += batch.count;
  }
  batch.attempts++;
  if (batch.attempts > 1) p.retries++;
  const broker = p.knownLeader!;
  const req: InFlightRequest = { id: p.nextRequestId++, batch, broker, sentMs: w.nowMs };
  const messages: [number, number] = [batch.firstMessage, batch.firstMessage + batch.count - 1];
  w.emit({ type: "produce-request", broker, messages, attempt: batch.attempts });
  const body = { count: batch.count, firstMessage: batch.firstMessage, producerId: p.producerId, producerEpoch: batch.producerEpoch, baseSequence: batch.baseSequence };
  if (cfg.acks === "0") {
    // acks=0: the record counts as sent once it is written to the socket; no response ever comes.
    complete(w, p, batch, { ok: true, baseOffset: -1, replicas: [], duplicate: false }, broker);
    w.send(PRODUCER_NODE, broker, "produce", { deliver: () => handleProduce(w, w.brokers[broker]!, body, () => {}) });
    return;
  }
  p.inFlight.push(req);
  armRequestTimer(w, p);
  w.send(PRODUCER_NODE, broker, "produce", {
    deliver: () =>
      handleProduce(w, w.brokers[broker]!, body, (result) =>
        w.send(broker, PRODUCER_NODE, "produce-response", { deliver: () => onResponse(w, p, req, result) }),
      ),
    refused: () => onResponse(w, p, req, { ok: false, error: "NETWORK_EXCEPTION" }),
  });
}

/** The broker's process died: its OS resets our connection and every request on it fails at once. */
export function connectionReset(w: World, p: ProducerState, broker: number): void {
  for (const req of p.inFlight.filter((r) => r.broker === broker))
    w.after(w.scenario.cluster.networkDelayMs, () => onResponse(w, p, req, { ok: false, error: "NETWORK_EXCEPTION" }));
}

function onResponse(w: World, p: ProducerState, req: InFlightRequest, result: ProduceResult): void {
  const idx = p.inFlight.indexOf(req);
  if (idx === -1) return; // already timed out: a late answer is ignored
  p.inFlight.splice(idx, 1);
  if (req.batch.done) return drain(w, p); // failed by delivery.timeout.ms while in flight
  if (result.ok) complete(w, p, req.batch, result, req.broker);
  else fail(w, p, req, result.error);
  drain(w, p);
}

function complete(w: World, p: ProducerState, batch: ClientBatch, result: Extract<ProduceResult, { ok: true }>, broker: number): void {
  batch.done = true;
  for (let id = batch.firstMessage; id < batch.firstMessage + batch.count; id++) p.outcome[id] = Outcome.Acknowledged;
  p.acknowledged += batch.count;
  if (batch.baseSequence >= 0 && batch.producerEpoch === p.producerEpoch)
    p.lastAckedSequence = Math.max(p.lastAckedSequence, batch.baseSequence + batch.count - 1);
  w.emit({
    type: "acknowledged",
    broker,
    messages: [batch.firstMessage, batch.firstMessage + batch.count - 1],
    ...(result.baseOffset >= 0 ? { offsets: [result.baseOffset, result.baseOffset + batch.count - 1] as [number, number] } : {}),
    replicas: result.replicas,
    reason: result.duplicate ? "duplicate-of-earlier-write" : `acks-${w.scenario.producer.acks}`,
  });
}

function fail(w: World, p: ProducerState, req: InFlightRequest, error: KafkaError): void {
  const cfg = w.scenario.producer;
  const batch = req.batch;
  const messages: [number, number] = [batch.firstMessage, batch.firstMessage + batch.count - 1];
  p.errors[error] = (p.errors[error] ?? 0) + 1;
  w.emit({ type: "produce-error", broker: req.broker, messages, error, attempt: batch.attempts });
  if (error === "NOT_LEADER_OR_FOLLOWER" || error === "NETWORK_EXCEPTION" || error === "REQUEST_TIMED_OUT") p.metadataStale = true;
  if (idempotent(w)) {
    // TransactionManager.canRetry: a gap reported for the very next sequence means the broker lost
    // batches it had acknowledged (an unclean election, a power loss): the batch fails and the
    // producer starts a new epoch (KIP-360). Any other out-of-order batch is retried — a later
    // sequence was acknowledged, so the broker must have appended this one already.
    const next = batch.producerEpoch === p.producerEpoch && batch.baseSequence === p.lastAckedSequence + 1;
    if (error === "OUT_OF_ORDER_SEQUENCE_NUMBER" && next) {
      p.epochBumpPending = "required";
      return finalFailure(w, p, batch, error);
    }
    if (batch.producerEpoch < p.producerEpoch) batch.baseSequence = -1;
  }
  if (batch.attempts > cfg.retries) return finalFailure(w, p, batch, error);
  if (w.nowMs >= batch.createdMs + cfg.deliveryTimeoutMs) return finalFailure(w, p, batch, "DELIVERY_TIMEOUT");
  batch.retry = true;
  batch.readyAtMs = w.nowMs + retryBackoff(w, batch.attempts);
  p.wakeTimer.arm(batch.readyAtMs);
  // Retried batches go back to the front of the queue (RecordAccumulator.reenqueue); an
  // idempotent producer keeps them in sequence order, a plain one simply puts each first.
  let at = 0;
  if (idempotent(w)) while (at < p.queue.length && p.queue[at]!.retry && p.queue[at]!.firstMessage < batch.firstMessage) at++;
  p.queue.splice(at, 0, batch);
}

/**
 * KIP-580 (Kafka 3.7), as ExponentialBackoff computes it: retry.backoff.ms doubled per failed
 * attempt, ±20% jitter (from the seeded PRNG, so runs stay reproducible), capped at
 * retry.backoff.max.ms; a maximum at or below the base gives a constant backoff.
 */
function retryBackoff(w: World, attempts: number): number {
  const { retryBackoffMs, retryBackoffMaxMs } = w.scenario.producer;
  if (retryBackoffMaxMs <= retryBackoffMs) return Math.min(retryBackoffMs, retryBackoffMaxMs);
  const term = retryBackoffMs * 2 ** Math.min(attempts - 1, 30);
  return Math.min(Math.floor(term * (0.8 + 0.4 * w.rng.next())), retryBackoffMaxMs);
}

function bumpEpoch(w: World, p: ProducerState, reason: string): void {
  p.producerEpoch++;
  p.nextSequence = 0;
  p.lastAckedSequence = -1;
  for (const b of p.queue) b.baseSequence = -1;
  w.emit({ type: "producer-epoch-bumped", epoch: p.producerEpoch, reason });
}

function finalFailure(w: World, p: ProducerState, batch: ClientBatch, error: KafkaError): void {
  batch.done = true;
  for (let id = batch.firstMessage; id < batch.firstMessage + batch.count; id++) if (p.outcome[id] !== Outcome.Acknowledged) p.outcome[id] = Outcome.Failed;
  p.failed += batch.count;
  if (error === "DELIVERY_TIMEOUT") p.errors[error] = (p.errors[error] ?? 0) + 1;
  w.emit({ type: "produce-failed", messages: [batch.firstMessage, batch.firstMessage + batch.count - 1], error, attempt: batch.attempts });
  // A batch that may or may not have been written leaves a hole in the sequence: start a new epoch.
  if (idempotent(w) && batch.baseSequence >= 0 && batch.producerEpoch === p.producerEpoch) p.epochBumpPending ??= "unresolved";
}

/** request.timeout.ms: one lazy timer for the oldest request instead of one per request. */
function armRequestTimer(w: World, p: ProducerState): void {
  const oldest = p.inFlight[0];
  if (oldest) p.requestTimer.arm(oldest.sentMs + w.scenario.producer.requestTimeoutMs);
}

/**
 * NetworkClient.handleTimedOutRequests: a timed-out request closes its connection, failing every
 * other request on it as a disconnection.
 */
function expireRequests(w: World, p: ProducerState): void {
  const timeout = w.scenario.producer.requestTimeoutMs;
  const expired = p.inFlight.filter((r) => r.sentMs + timeout <= w.nowMs);
  const closed = new Set(expired.map((r) => r.broker));
  const dropped = p.inFlight.filter((r) => closed.has(r.broker));
  p.inFlight = p.inFlight.filter((r) => !closed.has(r.broker));
  for (const r of dropped) if (!r.batch.done) fail(w, p, r, expired.includes(r) ? "REQUEST_TIMED_OUT" : "NETWORK_EXCEPTION");
  armRequestTimer(w, p);
  drain(w, p);
}

/** delivery.timeout.ms: fail batches, queued or in flight, that were created too long ago. */
function expireBatches(w: World, p: ProducerState): void {
  const limit = w.scenario.producer.deliveryTimeoutMs;
  let earliest = Infinity;
  for (const r of p.inFlight) {
    if (r.batch.done) continue;
    if (r.batch.createdMs + limit <= w.nowMs) finalFailure(w, p, r.batch, "DELIVERY_TIMEOUT");
    else earliest = Math.min(earliest, r.batch.createdMs + limit);
  }
  // Fresh batches sit in creation order behind the retried ones, so the scan can stop at the
  // first fresh batch that has not expired.
  let scanned = 0;
  let removed = false;
  const keep: ClientBatch[] = [];
  for (const b of p.queue) {
    scanned++;
    if (b.createdMs + limit <= w.nowMs) {
      finalFailure(w, p, b, "DELIVERY_TIMEOUT");
      removed = true;
      continue;
    }
    earliest = Math.min(earliest, b.createdMs + limit);
    keep.push(b);
    if (!b.retry) break;
  }
  if (removed) p.queue = keep.concat(p.queue.slice(scanned));
  if (earliest < Infinity) p.wakeTimer.arm(earliest);
}

/** reconnect.backoff.ms: the wait before trying a broker whose connection was refused. */
const RECONNECT_BACKOFF_MS = 50;

/** A metadata request: one round trip (after an optional backoff), then the controller's current leader. */
function refreshMetadata(w: World, p: ProducerState, backoffMs = 0): void {
  // Nothing to send: metadata is fetched again when the next record arrives.
  if (p.refreshing || (p.queue.length === 0 && p.inFlight.length === 0)) return;
  p.refreshing = true;
  w.after(backoffMs + w.rttMs, () => {
    p.refreshing = false;
    p.knownLeader = w.partition.leader;
    p.metadataStale = p.knownLeader === null;
    if (p.metadataStale) p.wakeTimer.arm(w.nowMs + Math.max(1, w.scenario.producer.retryBackoffMs));
    else drain(w, p);
  });
}
