/**
 * A broker's side of replication: the leader appending produce requests, answering follower and
 * consumer fetches, moving the high watermark and shrinking or expanding the ISR; a follower
 * fetching, truncating on a diverging epoch (KIP-101/KIP-279) and appending.
 *
 * Kafka references: Partition.scala (appendRecordsToLeader, maybeIncrementLeaderHW,
 * maybeShrinkIsr, maybeExpandIsr, checkEnoughReplicasReachOffset) and the replica fetcher.
 */
import { KAFKA_DEFAULTS } from "./constants";
import type { Batch } from "./log";
import { alterPartition } from "./controller";
import type { BrokerState, World } from "./world";
import type { KafkaError } from "./types";

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

export type FetchResponse =
  | { kind: "error"; error: KafkaError }
  | { kind: "diverging"; epoch: number; endOffset: number }
  | { kind: "data"; batches: Batch[]; highWatermark: number };

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

/** Partition.effectiveMinIsr: min.insync.replicas never asks for more replicas than exist. */
export function effectiveMinIsr(w: World): number {
  return Math.min(w.scenario.cluster.minInsyncReplicas, w.partition.replicas.length);
}

function isLeader(b: BrokerState): boolean {
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
  if (!tryCompleteProduce(w, leader, delayed)) leader.delayed.push(delayed);
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
}

function appendLocal(w: World, b: BrokerState, batch: Batch): void {
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
  armParkTimer(w, leader);
}

function park(w: World, leader: BrokerState, p: BrokerState["parked"][number]): void {
  leader.parked.push(p);
  armParkTimer(w, leader);
}

/** One lazy timer per broker for the earliest held fetch, instead of one timer per fetch. */
function armParkTimer(w: World, b: BrokerState): void {
  if (b.parked.length === 0) return;
  let earliest = Infinity;
  for (const p of b.parked) earliest = Math.min(earliest, p.deadlineMs);
  if (b.parkTimerAtMs > w.nowMs && b.parkTimerAtMs <= earliest) return;
  b.parkTimerAtMs = earliest;
  const incarnation = b.incarnation;
  w.at(earliest, () => {
    if (b.incarnation !== incarnation || b.parkTimerAtMs !== earliest) return;
    b.parkTimerAtMs = 0;
    answerParked(w, b);
  });
}

/** The leader's handling of a follower fetch: divergence check, follower progress, ISR, HW. */
export function handleFollowerFetch(
  w: World,
  leader: BrokerState,
  followerId: number,
  fetchOffset: number,
  lastFetchedEpoch: number,
  reply: (r: FetchResponse) => void,
  lost: () => void,
): void {
  if (!isLeader(leader)) return reply({ kind: "error", error: "NOT_LEADER_OR_FOLLOWER" });
  const log = leader.log!;
  if (lastFetchedEpoch >= 0) {
    const end = log.endOffsetForEpoch(lastFetchedEpoch);
    if (end.epoch !== lastFetchedEpoch || end.endOffset < fetchOffset) return reply({ kind: "diverging", ...end });
  }
  if (fetchOffset > log.logEndOffset) return reply({ kind: "diverging", epoch: log.latestEpoch, endOffset: log.logEndOffset });

  const now = w.nowMs;
  const leo = log.logEndOffset;
  const p = leader.followers.get(followerId) ?? { logEndOffset: 0, lastCaughtUpMs: 0, lastFetchMs: 0, lastFetchLeaderLogEndOffset: 0 };
  // Replica.updateFetchState: caught up now if the fetch reaches our LEO, or caught up as of the
  // previous fetch if it reaches the LEO we had then.
  if (fetchOffset >= leo) p.lastCaughtUpMs = Math.max(p.lastCaughtUpMs, now);
  else if (fetchOffset >= p.lastFetchLeaderLogEndOffset) p.lastCaughtUpMs = Math.max(p.lastCaughtUpMs, p.lastFetchMs);
  p.logEndOffset = fetchOffset;
  p.lastFetchMs = now;
  p.lastFetchLeaderLogEndOffset = leo;
  leader.followers.set(followerId, p);

  // maybeExpandIsr: back in once it reaches the HW and the current epoch's start.
  if (!leader.isr.includes(followerId) && fetchOffset >= log.highWatermark && fetchOffset >= log.latestEpochStartOffset() && !w.fenced[followerId])
    alterPartition(w, leader, [...leader.isr, followerId].sort((a, b) => a - b), "caught-up");
  maybeIncrementHighWatermark(w, leader);
  tryCompleteDelayed(w, leader);

  const respond = () =>
    reply(isLeader(leader) ? { kind: "data", batches: log.readBatches(fetchOffset, KAFKA_DEFAULTS.replicaFetchMaxRecords), highWatermark: log.highWatermark } : { kind: "error", error: "NOT_LEADER_OR_FOLLOWER" });
  if (log.logEndOffset > fetchOffset) respond();
  else park(w, leader, { fetchOffset, deadlineMs: now + KAFKA_DEFAULTS.replicaFetchWaitMaxMs, answer: respond, lost, consumer: false });
}

export type ConsumerFetchResponse =
  | { kind: "error"; error: KafkaError }
  | { kind: "diverging"; endOffset: number }
  | { kind: "data"; records: { offset: number; message: number; epoch: number }[] };

/** A consumer fetch: only records below the HW are visible (Kafka never hands out uncommitted data). */
export function handleConsumerFetch(
  w: World,
  leader: BrokerState,
  position: number,
  lastEpoch: number,
  maxRecords: number,
  reply: (r: ConsumerFetchResponse) => void,
  lost: () => void,
): void {
  if (!isLeader(leader)) return reply({ kind: "error", error: "NOT_LEADER_OR_FOLLOWER" });
  const log = leader.log!;
  if (lastEpoch >= 0) {
    const end = log.endOffsetForEpoch(lastEpoch);
    if (end.endOffset < position) return reply({ kind: "diverging", endOffset: end.endOffset });
  }
  if (position > log.logEndOffset) return reply({ kind: "error", error: "OFFSET_OUT_OF_RANGE" });
  const respond = () => {
    if (!isLeader(leader)) return reply({ kind: "error", error: "NOT_LEADER_OR_FOLLOWER" });
    const hw = log.highWatermark;
    reply({ kind: "data", records: position < hw ? log.readRecords(position, Math.min(hw, position + maxRecords)) : [] });
  };
  if (log.highWatermark > position) respond();
  else park(w, leader, { fetchOffset: position, deadlineMs: w.nowMs + KAFKA_DEFAULTS.fetchMaxWaitMs, answer: respond, lost, consumer: true });
}

/** The replica fetcher: one outstanding fetch per follower, re-sent as soon as a response lands. */
export function restartFetcher(w: World, f: BrokerState): void {
  f.fetcherGeneration++;
  followerFetch(w, f);
}

export function followerFetch(w: World, f: BrokerState): void {
  if (f.process !== "up" || f.role !== "follower" || f.leaderId === null) return;
  if (f.replicationPausedUntilMs > w.nowMs) {
    const gen = f.fetcherGeneration;
    const inc = f.incarnation;
    w.at(f.replicationPausedUntilMs, () => {
      if (f.incarnation === inc && f.fetcherGeneration === gen) followerFetch(w, f);
    });
    return;
  }
  const gen = f.fetcherGeneration;
  const inc = f.incarnation;
  const leaderId = f.leaderId;
  const log = f.log!;
  const fetchOffset = log.logEndOffset;
  const lastEpoch = log.lastBatchEpoch;
  const sentMs = w.nowMs;
  const stale = () => f.incarnation !== inc || f.fetcherGeneration !== gen || f.process !== "up";
  // A retry starts a new fetch session, so a late answer to this one is ignored.
  const again = (atMs: number) =>
    w.at(atMs, () => {
      if (stale()) return;
      f.fetcherGeneration++;
      followerFetch(w, f);
    });
  const timedOut = () => again(sentMs + KAFKA_DEFAULTS.replicaSocketTimeoutMs);
  w.send(f.id, leaderId, "other", {
    deliver: () =>
      handleFollowerFetch(
        w,
        w.brokers[leaderId]!,
        f.id,
        fetchOffset,
        lastEpoch,
        (resp) => w.send(leaderId, f.id, "other", { deliver: () => !stale() && onFetchResponse(w, f, resp), lost: timedOut }),
        timedOut,
      ),
    refused: () => again(w.nowMs + KAFKA_DEFAULTS.replicaFetchBackoffMs),
    lost: timedOut,
  });
}

function onFetchResponse(w: World, f: BrokerState, resp: FetchResponse): void {
  const log = f.log!;
  if (resp.kind === "error") {
    const gen = f.fetcherGeneration;
    w.after(KAFKA_DEFAULTS.replicaFetchBackoffMs, () => gen === f.fetcherGeneration && followerFetch(w, f));
    return;
  }
  if (resp.kind === "diverging") {
    // Truncate to where our log and the leader's agree (KIP-279): the smaller of the leader's end
    // offset for the epoch and our own end offset for that same epoch.
    const own = resp.epoch >= 0 ? log.endOffsetForEpoch(resp.epoch).endOffset : resp.endOffset;
    truncate(w, f, Math.min(resp.endOffset, own), "diverging-epoch");
    return followerFetch(w, f);
  }
  const appended: Batch[] = [];
  for (const b of resp.batches) {
    if (b.baseOffset < log.logEndOffset) continue;
    if (b.baseOffset > log.logEndOffset) break;
    appendLocal(w, f, b);
    appended.push(b);
  }
  log.highWatermark = Math.max(log.highWatermark, Math.min(resp.highWatermark, log.logEndOffset));
  if (appended.length) {
    const first = appended[0]!;
    const last = appended[appended.length - 1]!;
    w.emit({ type: "replicated", broker: f.id, messages: [first.firstMessage, last.firstMessage + last.count - 1], offsets: [first.baseOffset, last.baseOffset + last.count - 1] });
  }
  followerFetch(w, f);
}

export function truncate(w: World, b: BrokerState, offset: number, reason: string): void {
  const removed = b.log!.truncateTo(offset);
  if (removed.length === 0) return;
  const last = removed[removed.length - 1]!;
  w.emit({ type: "truncated", broker: b.id, offsets: [removed[0]!.baseOffset, last.baseOffset + last.count - 1], lost: messageRanges(removed), reason });
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

/** Role changes pushed by the controller (LeaderAndIsr / KRaft metadata) to a reachable broker. */
export function applyPartitionState(w: World, b: BrokerState): void {
  if (!b.log || b.process !== "up") return;
  const reg = w.partition;
  if (reg.leader === b.id) {
    if (b.role !== "leader" || b.leaderEpoch !== reg.leaderEpoch) becomeLeader(w, b);
    else b.isr = [...reg.isr];
    return;
  }
  if (b.role === "follower" && b.leaderEpoch === reg.leaderEpoch && b.leaderId === reg.leader) return;
  becomeFollower(w, b);
}

function becomeLeader(w: World, b: BrokerState): void {
  const reg = w.partition;
  const log = b.log!;
  b.role = "leader";
  b.leaderEpoch = reg.leaderEpoch;
  b.leaderId = b.id;
  b.isr = [...reg.isr];
  b.fetcherGeneration++;
  log.assignEpoch(reg.leaderEpoch, log.logEndOffset);
  // A new leader knows nothing of its followers yet: ISR members count as caught up from now,
  // and their LEO is learned from their next fetch (so the HW waits for them).
  b.followers = new Map();
  for (const id of reg.replicas)
    if (id !== b.id)
      b.followers.set(id, { logEndOffset: 0, lastCaughtUpMs: reg.isr.includes(id) ? w.nowMs : 0, lastFetchMs: 0, lastFetchLeaderLogEndOffset: 0 });
  maybeIncrementHighWatermark(w, b);
}

function becomeFollower(w: World, b: BrokerState): void {
  const reg = w.partition;
  const wasLeader = b.role === "leader";
  b.role = "follower";
  b.leaderEpoch = reg.leaderEpoch;
  b.leaderId = reg.leader;
  b.isr = [];
  if (wasLeader) {
    b.followers = new Map();
    const delayed = b.delayed;
    b.delayed = [];
    for (const d of delayed) d.complete("NOT_LEADER_OR_FOLLOWER");
    answerParked(w, b);
  }
  b.fetcherGeneration++;
  followerFetch(w, b);
}
