/**
 * A leader's side of the partition: appending produce requests (acks, min.insync.replicas,
 * idempotent dedupe), moving the high watermark, completing waiting acks=all requests, answering
 * held fetches, and shrinking the ISR.
 *
 * Kafka references: Partition.scala (appendRecordsToLeader, maybeIncrementLeaderHW,
 * maybeShrinkIsr, checkEnoughReplicasReachOffset, getOutOfSyncReplicas).
 */
import { alterPartition } from "./controller";
import type { Batch } from "./log";
import type { KafkaError } from "./types";
import type { BrokerState, World } from "./world";

export type ProduceResult =
  | { ok: true; baseOffset: number; replicas: number[]; duplicate: boolean }
  | { ok: false; error: KafkaError };

export interface ProduceRequest {
  count: number;
  firstMessage: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
}

/** Merges batches into inclusive message-id ranges, for events. */
export function messageRanges(batches: readonly Batch[]): [number, number][] {
  const out: [number, number][] = [];
  for (const b of batches) {
    const last = out[out.length - 1];
    const end = b.firstMessage + b.count - 1;
    if (last && last[1] + 1 === b.firstMessage) last[1] = end;
    else out.push([b.firstMessage, end]);
  }
  return out;
}

/** Logs records removed from a replica (truncation, or unflushed data lost with the power). */
export function logRemoved(w: World, b: BrokerState, removed: readonly Batch[], type: "truncated" | "unflushed-data-lost", reason?: string): void {
  if (removed.length === 0) return;
  const last = removed[removed.length - 1]!;
  w.emit({ type, broker: b.id, offsets: [removed[0]!.baseOffset, last.baseOffset + last.count - 1], lost: messageRanges(removed), ...(reason ? { reason } : {}) });
}

/** Partition.effectiveMinIsr: min.insync.replicas never asks for more replicas than exist. */
export function effectiveMinIsr(w: World): number {
  return Math.min(w.scenario.cluster.minInsyncReplicas, w.partition.replicas.length);
}

export function isLeader(b: BrokerState): boolean {
  return b.role === "leader" && b.process === "up";
}

/** The leader's handling of a produce request (acks decides when `reply` is called, if ever). */
export function handleProduce(w: World, leader: BrokerState, req: ProduceRequest, reply: (r: ProduceResult) => void): void {
  const { acks } = w.scenario.producer;
  if (!isLeader(leader)) return reply({ ok: false, error: "NOT_LEADER_OR_FOLLOWER" });
  // Checked before appending: nothing is written (Partition.appendRecordsToLeader).
  if (acks === "all" && leader.isr.length < effectiveMinIsr(w)) return reply({ ok: false, error: "NOT_ENOUGH_REPLICAS" });
  const log = leader.log!;
  const check = log.checkSequence(req);
  if (check.kind === "error") return reply({ ok: false, error: check.error });
  let baseOffset: number;
  if (check.kind === "duplicate") {
    baseOffset = check.baseOffset;
    w.emit({ type: "duplicate-ignored", broker: leader.id, messages: [req.firstMessage, req.firstMessage + req.count - 1], offsets: [baseOffset, baseOffset + req.count - 1] });
  } else {
    baseOffset = log.logEndOffset;
    const batch: Batch = { baseOffset, epoch: leader.leaderEpoch, ...req };
    appendLocal(w, leader, batch);
    w.emit({ type: "appended", broker: leader.id, messages: [req.firstMessage, req.firstMessage + req.count - 1], offsets: [baseOffset, baseOffset + req.count - 1], epoch: leader.leaderEpoch });
    answerParked(w, leader);
    maybeIncrementHighWatermark(w, leader);
  }
  if (acks === "0") return;
  const requiredOffset = baseOffset + req.count;
  const ok = (): ProduceResult => ({ ok: true, baseOffset, replicas: replicasHolding(leader, requiredOffset), duplicate: check.kind === "duplicate" });
  if (acks === "1") return reply(ok());
  const delayed = {
    requiredOffset,
    deadlineMs: w.nowMs + w.scenario.producer.requestTimeoutMs,
    complete: (error: KafkaError | null) => reply(error ? { ok: false, error } : ok()),
  };
  if (tryCompleteProduce(w, leader, delayed)) return;
  leader.delayed.push(delayed);
  leader.delayedTimer.arm(delayed.deadlineMs);
}

function replicasHolding(leader: BrokerState, offset: number): number[] {
  const ids = [leader.id];
  for (const [id, p] of leader.followers) if (p.logEndOffset >= offset) ids.push(id);
  return ids.sort((a, b) => a - b);
}

/** checkEnoughReplicasReachOffset: done once the HW covers the batch; the ISR size picks the error. */
function tryCompleteProduce(w: World, leader: BrokerState, d: BrokerState["delayed"][number]): boolean {
  if (!isLeader(leader)) {
    d.complete("NOT_LEADER_OR_FOLLOWER");
    return true;
  }
  if (leader.log!.highWatermark >= d.requiredOffset) {
    d.complete(leader.isr.length >= effectiveMinIsr(w) ? null : "NOT_ENOUGH_REPLICAS_AFTER_APPEND");
    return true;
  }
  if (w.nowMs >= d.deadlineMs) {
    d.complete("REQUEST_TIMED_OUT");
    return true;
  }
  return false;
}

export function tryCompleteDelayed(w: World, b: BrokerState): void {
  if (b.delayed.length === 0) return;
  b.delayed = b.delayed.filter((d) => !tryCompleteProduce(w, b, d));
  if (b.delayed.length > 0) b.delayedTimer.arm(Math.min(...b.delayed.map((d) => d.deadlineMs)));
}

export function appendLocal(w: World, b: BrokerState, batch: Batch): void {
  const log = b.log!;
  log.append(batch, w.nowMs);
  const every = w.scenario.cluster.flushIntervalMessages;
  // log.flush.interval.messages / flush.messages: the append path fsyncs once enough are unflushed.
  if (every !== null && log.logEndOffset - log.flushedOffset >= every) log.flush(w.nowMs);
}

/**
 * maybeIncrementLeaderHW: the HW is the smallest LEO in the ISR, and since Kafka 3.7 it does not
 * move at all while the ISR is smaller than min.insync.replicas (KAFKA-15583) unless the scenario
 * asks for the older behaviour.
 */
export function maybeIncrementHighWatermark(w: World, leader: BrokerState): void {
  if (!isLeader(leader)) return;
  if (w.scenario.cluster.freezeHighWatermarkBelowMinIsr && leader.isr.length < effectiveMinIsr(w)) return;
  const log = leader.log!;
  let hw = log.logEndOffset;
  for (const id of leader.isr) {
    if (id === leader.id) continue;
    const p = leader.followers.get(id);
    hw = Math.min(hw, p ? p.logEndOffset : 0);
  }
  if (hw <= log.highWatermark) return;
  log.highWatermark = hw;
  w.emit({ type: "high-watermark", broker: leader.id, offset: hw });
  tryCompleteDelayed(w, leader);
  answerParked(w, leader);
}

/** Answers held fetches that now have something to return, or whose wait has run out. */
export function answerParked(w: World, leader: BrokerState): void {
  if (leader.parked.length === 0) return;
  const log = leader.log!;
  const keep: BrokerState["parked"] = [];
  const ready: BrokerState["parked"] = [];
  for (const p of leader.parked) {
    const limit = p.consumer ? log.highWatermark : log.logEndOffset;
    if (!isLeader(leader) || limit > p.fetchOffset || p.deadlineMs <= w.nowMs) ready.push(p);
    else keep.push(p);
  }
  leader.parked = keep;
  for (const p of ready) p.answer();
  if (keep.length > 0) leader.parkTimer.arm(Math.min(...keep.map((p) => p.deadlineMs)));
}

/** Holds a fetch until data arrives or its wait runs out (one lazy timer per broker). */
export function park(leader: BrokerState, p: BrokerState["parked"][number]): void {
  leader.parked.push(p);
  leader.parkTimer.arm(p.deadlineMs);
}

/** maybeShrinkIsr, run every replicaLagTimeMaxMs / 2 on the leader (ReplicaManager's ISR expiration task). */
export function checkIsrExpiration(w: World, leader: BrokerState): void {
  if (!isLeader(leader)) return;
  const lagMs = w.scenario.cluster.replicaLagTimeMaxMs;
  const leo = leader.log!.logEndOffset;
  // Replica.isCaughtUp: at the leader's LEO (even if it has stopped fetching an idle partition),
  // or caught up within replicaLagTimeMaxMs.
  const keep = leader.isr.filter((id) => {
    if (id === leader.id) return true;
    const p = leader.followers.get(id);
    return p !== undefined && (p.logEndOffset === leo || w.nowMs - p.lastCaughtUpMs <= lagMs);
  });
  if (keep.length < leader.isr.length) alterPartition(w, leader, keep, "lagging");
}
