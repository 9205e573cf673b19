/**
 * One consumer in a group (classic protocol) reading the partition from its leader: the poll
 * loop, the five commit strategies, heartbeats and session timeout, max.poll.interval.ms, rejoin
 * from the committed offset or auto.offset.reset, and truncation detection (KIP-320).
 *
 * Processing is modelled per record (processingMs each) without an event per record: a batch's
 * progress is computed from its start time whenever a crash, stall or pause needs to know it.
 */
import { handleConsumerFetch, type ConsumerFetchResponse } from "./broker";
import { KAFKA_DEFAULTS } from "./constants";
import type { KafkaError } from "./types";
import { CONSUMER_NODE, CONTROLLER_NODE, type World } from "./world";

interface Work {
  messages: number[];
  offsets: number[];
  done: number;
  /** When the record at `done` started (or starts) processing. */
  startMs: number;
  token: number;
  then: (() => void) | null;
}

export interface ConsumerState {
  alive: boolean;
  incarnation: number;
  frozenUntilMs: number;
  stalledUntilMs: number;
  phase: "idle" | "joining" | "fetching" | "processing" | "committing" | "crashed" | "disabled";
  memberId: number | null;
  generation: number;
  needsRejoin: boolean;
  heartbeatAnchorMs: number;
  position: number | null;
  lastEpoch: number;
  lastPollMs: number;
  pollTimerAtMs: number;
  lastAutoCommitMs: number;
  knownLeader: number | null;
  work: Work | null;
  worker: Work;
  nextToken: number;
  /** Identifies the outstanding fetch; a reconnect starts a new one and the old answer is dropped. */
  fetchToken: number;
  /** Coordinator side: the group's current member, generation and committed offset. */
  /**
   * Coordinator side: the group's current member, generation, and committed offset with the
   * leader epoch of the record before it (stored with the commit since KIP-320).
   */
  group: { memberId: number | null; generation: number; committed: number | null; committedEpoch: number; nextMemberId: number; waiters: (() => void)[] };
  processedCount: Uint32Array;
  processed: number;
  rebalances: number;
}

export function createConsumer(w: World): ConsumerState {
  const enabled = w.scenario.consumer.enabled;
  return {
    alive: enabled,
    incarnation: 0,
    frozenUntilMs: 0,
    stalledUntilMs: 0,
    phase: enabled ? "idle" : "disabled",
    memberId: null,
    generation: 0,
    needsRejoin: false,
    heartbeatAnchorMs: 0,
    position: null,
    lastEpoch: -1,
    lastPollMs: 0,
    pollTimerAtMs: 0,
    lastAutoCommitMs: 0,
    knownLeader: w.partition.leader,
    work: null,
    worker: { messages: [], offsets: [], done: 0, startMs: 0, token: 0, then: null },
    nextToken: 1,
    fetchToken: 0,
    group: { memberId: null, generation: 0, committed: w.scenario.consumer.initialCommittedOffset, committedEpoch: -1, nextMemberId: 1, waiters: [] },
    processedCount: new Uint32Array(w.scenario.producer.messages + 1),
    processed: 0,
    rebalances: 0,
  };
}

export function startConsuming(w: World, c: ConsumerState): void {
  if (c.alive) w.at(0, () => poll(w, c));
}

const autoCommit = (w: World) => w.scenario.consumer.commit === "auto" || w.scenario.consumer.commit === "auto-async-processing";

/** Runs `next` in this process's current life, once it is neither frozen nor stuck. */
function resume(w: World, c: ConsumerState, next: () => void, loop = true): void {
  const inc = c.incarnation;
  const go = () => {
    if (!c.alive || c.incarnation !== inc) return;
    const until = Math.max(c.frozenUntilMs, loop ? c.stalledUntilMs : 0);
    if (until > w.nowMs) return w.at(until, go);
    next();
  };
  go();
}

function poll(w: World, c: ConsumerState): void {
  c.lastPollMs = w.nowMs;
  armPollTimer(w, c);
  if (c.memberId === null || c.needsRejoin) return join(w, c);
  if (autoCommit(w) && w.nowMs - c.lastAutoCommitMs >= w.scenario.consumer.autoCommitIntervalMs) {
    // ConsumerCoordinator.maybeAutoCommitOffsetsAsync: the position, i.e. everything earlier polls returned.
    c.lastAutoCommitMs = w.nowMs;
    commit(w, c, c.position!, null);
  }
  fetch(w, c);
}

function fetch(w: World, c: ConsumerState): void {
  c.phase = "fetching";
  const leader = c.knownLeader;
  if (leader === null) return refreshLeader(w, c, () => fetch(w, c));
  const position = c.position!;
  const inc = c.incarnation;
  const token = ++c.fetchToken;
  const back = (fn: () => void) => () => c.incarnation === inc && c.fetchToken === token && resume(w, c, fn);
  const retry = () => refreshLeader(w, c, () => fetch(w, c), KAFKA_DEFAULTS.consumerRetryBackoffMs);
  const sentMs = w.nowMs;
  const timedOut = () => w.at(sentMs + KAFKA_DEFAULTS.consumerRequestTimeoutMs, back(retry));
  w.send(CONSUMER_NODE, leader, "other", {
    deliver: () =>
      handleConsumerFetch(
        w,
        w.brokers[leader]!,
        position,
        c.lastEpoch,
        w.scenario.consumer.maxPollRecords,
        (resp) => w.send(leader, CONSUMER_NODE, "other", { deliver: back(() => onFetch(w, c, resp)), lost: timedOut }),
        timedOut,
      ),
    refused: back(retry),
    lost: timedOut,
  });
}

function refreshLeader(w: World, c: ConsumerState, then: () => void, backoffMs = 0): void {
  const inc = c.incarnation;
  w.after(backoffMs + w.rttMs, () => {
    if (c.incarnation !== inc) return;
    c.knownLeader = w.partition.leader;
    if (c.knownLeader === null) return refreshLeader(w, c, then, KAFKA_DEFAULTS.consumerRetryBackoffMs);
    resume(w, c, then);
  });
}

function onFetch(w: World, c: ConsumerState, resp: ConsumerFetchResponse): void {
  if (resp.kind === "error") {
    if (resp.error === "OFFSET_OUT_OF_RANGE") return resetPosition(w, c, "offset-out-of-range", () => poll(w, c));
    return refreshLeader(w, c, () => poll(w, c), KAFKA_DEFAULTS.consumerRetryBackoffMs);
  }
  if (resp.kind === "diverging") {
    // KIP-320: the log was truncated under us (unclean election); with a reset policy the
    // consumer moves back to the first offset that diverged.
    w.emit({ type: "consumer-truncation-detected", offset: resp.endOffset, reason: `position-${c.position}` });
    c.position = resp.endOffset;
    c.lastEpoch = -1;
    return poll(w, c);
  }
  if (resp.records.length === 0) return poll(w, c);
  const records = resp.records;
  const first = records[0]!;
  const last = records[records.length - 1]!;
  c.position = last.offset + 1;
  c.lastEpoch = last.epoch;
  w.emit({ type: "polled", offsets: [first.offset, last.offset] });
  const messages = records.map((r) => r.message);
  const offsets = records.map((r) => r.offset);
  const position = c.position;
  switch (w.scenario.consumer.commit) {
    case "auto":
      return process(w, c, messages, offsets, () => poll(w, c));
    case "sync-after-processing":
      return process(w, c, messages, offsets, () => commit(w, c, position, () => poll(w, c)));
    case "async-after-processing":
      return process(w, c, messages, offsets, () => {
        commit(w, c, position, null);
        poll(w, c);
      });
    case "before-processing":
      return commit(w, c, position, () => process(w, c, messages, offsets, () => poll(w, c)));
    case "auto-async-processing":
      // Handed to another thread; the poll loop goes straight back to poll().
      enqueueWork(w, c, c.worker, messages, offsets);
      return poll(w, c);
  }
}

function resetPosition(w: World, c: ConsumerState, reason: string, then: () => void): void {
  const leader = w.partition.leader === null ? null : w.brokers[w.partition.leader]!;
  if (!leader?.log) return refreshLeader(w, c, () => resetPosition(w, c, reason, then), KAFKA_DEFAULTS.consumerRetryBackoffMs);
  // "latest" is ListOffsets(LATEST) under read_uncommitted, which answers with the HW.
  c.position = w.scenario.consumer.autoOffsetReset === "earliest" ? 0 : leader.log.highWatermark;
  c.lastEpoch = -1;
  w.emit({ type: "offset-reset", offset: c.position, reason: `${reason}-${w.scenario.consumer.autoOffsetReset}` });
  then();
}

/** OffsetCommit to the coordinator; `then` (commitSync) runs after the answer, null means async. */
function commit(w: World, c: ConsumerState, offset: number, then: (() => void) | null): void {
  if (then) c.phase = "committing";
  const memberId = c.memberId;
  const generation = c.generation;
  const epoch = c.lastEpoch;
  const inc = c.incarnation;
  w.send(CONSUMER_NODE, CONTROLLER_NODE, "other", {
    deliver: () => {
      const g = c.group;
      const error: KafkaError | null = g.memberId !== memberId || memberId === null ? "UNKNOWN_MEMBER_ID" : g.generation !== generation ? "ILLEGAL_GENERATION" : null;
      if (!error) {
        g.committed = offset;
        g.committedEpoch = epoch;
        w.emit({ type: "committed", offset, reason: then ? "commit-sync" : "commit-async" });
      } else w.emit({ type: "commit-failed", offset, error, reason: then ? "commit-sync" : "commit-async" });
      w.send(CONTROLLER_NODE, CONSUMER_NODE, "other", {
        deliver: () => {
          if (c.incarnation !== inc) return;
          // CommitFailedException: the application logs it and polls again, which rejoins.
          if (error) c.needsRejoin = true;
          if (error === "UNKNOWN_MEMBER_ID" && c.memberId === memberId) c.memberId = null;
          if (then) resume(w, c, then);
        },
      });
    },
  });
}

function join(w: World, c: ConsumerState, prepared = false): void {
  c.phase = "joining";
  c.needsRejoin = false;
  if (!prepared && autoCommit(w) && c.memberId !== null && c.position !== null)
    // onJoinPrepare: an auto-committing consumer commits synchronously before rejoining.
    return commit(w, c, c.position, () => join(w, c, true));
  const inc = c.incarnation;
  const previous = c.memberId;
  w.after(w.rttMs, () => {
    const g = c.group;
    // An empty group waits group.initial.rebalance.delay.ms for more members before assigning.
    const initialDelayMs = g.memberId === null && previous === null ? w.scenario.cluster.groupInitialRebalanceDelayMs : 0;
    const finish = () => {
      if (c.incarnation !== inc || !c.alive) return;
      // The classic protocol waits for every known member to rejoin: a dead member holds the
      // rebalance until the coordinator removes it (session timeout).
      if (g.memberId !== null && g.memberId !== previous) return void g.waiters.push(finish);
      const id = previous !== null && g.memberId === previous ? previous : g.nextMemberId++;
      g.memberId = id;
      g.generation++;
      c.memberId = id;
      c.generation = g.generation;
      c.heartbeatAnchorMs = w.nowMs;
      c.lastAutoCommitMs = w.nowMs;
      w.emit({ type: "group-joined", offset: g.committed ?? undefined, reason: `generation-${g.generation}` });
      const committed = g.committed;
      const committedEpoch = g.committedEpoch;
      w.after(w.rttMs, () =>
        resume(w, c, () => {
          if (committed === null) return resetPosition(w, c, "no-committed-offset", () => poll(w, c));
          // The committed epoch lets the first fetch detect a log truncated under it (KIP-320).
          c.position = committed;
          c.lastEpoch = committedEpoch;
          poll(w, c);
        }),
      );
    };
    if (initialDelayMs > 0) w.after(initialDelayMs, finish);
    else finish();
  });
}

/** The coordinator removes the member: session timeout, or a LeaveGroup after max.poll.interval.ms. */
function removeMember(w: World, c: ConsumerState, reason: string): void {
  const g = c.group;
  if (g.memberId === null) return;
  g.memberId = null;
  g.generation++;
  c.rebalances++;
  w.emit({ type: "member-removed", reason });
  const waiters = g.waiters;
  g.waiters = [];
  for (const run of waiters) w.after(w.rttMs, run);
}

function armPollTimer(w: World, c: ConsumerState): void {
  const atMs = c.lastPollMs + w.scenario.consumer.maxPollIntervalMs;
  if (c.pollTimerAtMs > w.nowMs && c.pollTimerAtMs <= atMs) return;
  c.pollTimerAtMs = atMs;
  const inc = c.incarnation;
  w.at(atMs, () => {
    if (c.pollTimerAtMs !== atMs || c.incarnation !== inc || !c.alive) return;
    c.pollTimerAtMs = 0;
    if (c.frozenUntilMs > w.nowMs) return w.at(c.frozenUntilMs, () => c.incarnation === inc && armPollTimer(w, c));
    if (w.nowMs - c.lastPollMs >= w.scenario.consumer.maxPollIntervalMs && c.memberId !== null && c.group.memberId === c.memberId) {
      // The heartbeat thread sees poll() has not been called in time and leaves the group.
      removeMember(w, c, "max-poll-interval-exceeded");
      c.memberId = null;
      c.needsRejoin = true;
    } else armPollTimer(w, c);
  });
}

/** Starts processing records one after another; `then` runs when the last one is done. */
function process(w: World, c: ConsumerState, messages: number[], offsets: number[], then: () => void): void {
  c.phase = "processing";
  const work: Work = { messages, offsets, done: 0, startMs: w.nowMs, token: 0, then };
  c.work = work;
  scheduleWorkEnd(w, c, work);
}

function enqueueWork(w: World, c: ConsumerState, work: Work, messages: number[], offsets: number[]): void {
  if (work.done === work.messages.length) work.startMs = Math.max(w.nowMs, c.frozenUntilMs);
  for (let i = 0; i < messages.length; i++) {
    work.messages.push(messages[i]!);
    work.offsets.push(offsets[i]!);
  }
  scheduleWorkEnd(w, c, work);
}

function scheduleWorkEnd(w: World, c: ConsumerState, work: Work): void {
  const token = (work.token = c.nextToken++);
  const endMs = work.startMs + (work.messages.length - work.done) * w.scenario.consumer.processingMs;
  const inc = c.incarnation;
  w.at(endMs, () => {
    if (work.token !== token || c.incarnation !== inc || !c.alive) return;
    const from = work.done;
    settle(w, c, work, w.nowMs);
    if (work.done > from) w.emit({ type: "processed", offsets: [work.offsets[from]!, work.offsets[work.done - 1]!] });
    if (work === c.work) {
      c.work = null;
      const then = work.then!;
      resume(w, c, then);
    }
  });
}

/** Marks as processed every record of `work` whose processing has finished by `atMs`. */
export function settle(w: World, c: ConsumerState, work: Work, atMs: number): void {
  const perRecord = w.scenario.consumer.processingMs;
  const remaining = work.messages.length - work.done;
  const n = perRecord === 0 ? remaining : Math.max(0, Math.min(remaining, Math.floor((atMs - work.startMs) / perRecord)));
  for (let i = work.done; i < work.done + n; i++) {
    const id = work.messages[i]!;
    if (id < c.processedCount.length) c.processedCount[id]!++;
    c.processed++;
  }
  work.done += n;
  work.startMs += n * perRecord;
}

function sessionExpiry(w: World, c: ConsumerState, sinceMs: number): number {
  const interval = w.scenario.consumer.heartbeatIntervalMs;
  const lastHeartbeat = c.heartbeatAnchorMs + Math.floor((sinceMs - c.heartbeatAnchorMs) / interval) * interval;
  return Math.max(sinceMs, lastHeartbeat + w.scenario.consumer.sessionTimeoutMs);
}

function expireSessionAt(w: World, c: ConsumerState, atMs: number, stillSilent: () => boolean): void {
  const memberId = c.memberId;
  if (memberId === null) return;
  w.at(atMs, () => {
    if (c.group.memberId === memberId && stillSilent()) removeMember(w, c, "session-timeout");
  });
}

/** The network healed: a fetch that was lost on the way is sent again over the new connection. */
export function reconnectConsumer(w: World, c: ConsumerState): void {
  if (c.alive && c.phase === "fetching" && c.position !== null) resume(w, c, () => fetch(w, c));
}

export function crashConsumer(w: World, c: ConsumerState, restartAfterMs: number | undefined): void {
  if (!c.alive) return;
  if (c.work) settle(w, c, c.work, w.nowMs);
  settle(w, c, c.worker, w.nowMs);
  const inc = ++c.incarnation;
  c.alive = false;
  c.phase = "crashed";
  w.emit({ type: "consumer-crashed", reason: c.worker.messages.length > c.worker.done ? `unprocessed-${c.worker.messages.length - c.worker.done}` : "crash" });
  // The dead member sends no more heartbeats, whatever a restarted process does under a new id.
  expireSessionAt(w, c, sessionExpiry(w, c, w.nowMs), () => true);
  c.work = null;
  c.worker = { messages: [], offsets: [], done: 0, startMs: 0, token: 0, then: null };
  if (restartAfterMs === undefined) return;
  w.after(restartAfterMs, () => {
    if (c.incarnation !== inc) return;
    c.incarnation++;
    c.alive = true;
    c.memberId = null;
    c.position = null;
    c.lastEpoch = -1;
    c.frozenUntilMs = 0;
    c.stalledUntilMs = 0;
    c.knownLeader = w.partition.leader;
    w.emit({ type: "consumer-restarted" });
    poll(w, c);
  });
}

/** The poll loop is stuck (slow processing, a blocking call); the heartbeat thread keeps going. */
export function stallConsumer(w: World, c: ConsumerState, durationMs: number): void {
  if (!c.alive) return;
  c.stalledUntilMs = Math.max(c.stalledUntilMs, w.nowMs + durationMs);
  if (c.work) delayWork(w, c, c.work, durationMs);
}

/** The whole process freezes (e.g. a long GC pause): no polling, processing or heartbeats. */
export function pauseConsumer(w: World, c: ConsumerState, durationMs: number): void {
  if (!c.alive) return;
  const inc = c.incarnation;
  const until = w.nowMs + durationMs;
  c.frozenUntilMs = Math.max(c.frozenUntilMs, until);
  if (c.work) delayWork(w, c, c.work, durationMs);
  if (c.worker.done < c.worker.messages.length) delayWork(w, c, c.worker, durationMs);
  expireSessionAt(w, c, sessionExpiry(w, c, w.nowMs), () => c.incarnation === inc && c.frozenUntilMs > w.nowMs);
  w.at(until, () => {
    if (c.incarnation !== inc || c.frozenUntilMs > w.nowMs) return;
    c.heartbeatAnchorMs = w.nowMs;
    // The first heartbeat after the pause learns whether the group moved on without us.
    if (c.memberId !== null && c.group.memberId !== c.memberId) c.needsRejoin = true;
  });
}

function delayWork(w: World, c: ConsumerState, work: Work, durationMs: number): void {
  settle(w, c, work, w.nowMs);
  // A record in progress finishes durationMs later; one not yet started waits for the pause to end.
  work.startMs = work.startMs <= w.nowMs ? work.startMs + durationMs : Math.max(work.startMs, w.nowMs + durationMs);
  scheduleWorkEnd(w, c, work);
}
