/**
 * A follower's side: the replica fetcher (one outstanding fetch, re-sent as soon as an answer
 * lands), truncation to where its log and the leader's agree (KIP-101/KIP-279), and the role
 * changes the controller pushes (become leader, become follower).
 */
import { answerParked, appendLocal, logRemoved, maybeIncrementHighWatermark } from "./broker";
import { KAFKA_DEFAULTS } from "./constants";
import { handleFollowerFetch, type FetchResponse } from "./fetch";
import type { Batch } from "./log";
import type { BrokerState, World } from "./world";

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
  w.send(f.id, leaderId, "fetch", {
    deliver: () =>
      handleFollowerFetch(
        w,
        w.brokers[leaderId]!,
        f.id,
        fetchOffset,
        lastEpoch,
        (resp) => w.send(leaderId, f.id, "fetch-response", { deliver: () => !stale() && onFetchResponse(w, f, resp), lost: timedOut }),
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
  logRemoved(w, b, b.log!.truncateTo(offset), "truncated", reason);
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
