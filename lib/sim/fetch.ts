/**
 * The leader answering fetches: a follower's (divergence check by leader epoch, follower
 * progress, ISR expansion, HW) and a consumer's (only records below the HW; truncation detection
 * by leader epoch, KIP-320). A fetch with nothing to return is held up to the fetch wait.
 */
import { isLeader, maybeIncrementHighWatermark, park, tryCompleteDelayed } from "./broker";
import { KAFKA_DEFAULTS } from "./constants";
import { alterPartition } from "./controller";
import type { Batch } from "./log";
import type { KafkaError } from "./types";
import type { BrokerState, World } from "./world";

export type FetchResponse =
  | { kind: "error"; error: KafkaError }
  | { kind: "diverging"; epoch: number; endOffset: number }
  | { kind: "data"; batches: Batch[]; highWatermark: number };

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
  else park(leader, { fetchOffset, deadlineMs: now + KAFKA_DEFAULTS.replicaFetchWaitMaxMs, answer: respond, lost, consumer: false });
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
  else park(leader, { fetchOffset: position, deadlineMs: w.nowMs + KAFKA_DEFAULTS.fetchMaxWaitMs, answer: respond, lost, consumer: true });
}
