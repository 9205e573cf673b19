/**
 * One consumer in a group (classic protocol) reading the partition from its leader: the poll
 * loop, the five commit strategies, record processing, and truncation detection (KIP-320).
 * Group membership, commits and the consumer's faults are in group.ts.
 *
 * Processing is modelled per record (processingMs each) without an event per record: a batch's
 * progress is computed from its start time whenever a crash, stall or pause needs to know it.
 */
import { KAFKA_DEFAULTS } from "./constants";
import { handleConsumerFetch, type ConsumerFetchResponse } from "./fetch";
import { commit, createGroup, join, type Group } from "./group";
import { CONSUMER_NODE, LazyTimer, type World } from "./world";

export interface Work {
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
  /** max.poll.interval.ms, checked by the heartbeat thread. */
  pollTimer: LazyTimer;
  lastAutoCommitMs: number;
  knownLeader: number | null;
  work: Work | null;
  worker: Work;
  nextToken: number;
  /** Identifies the outstanding fetch; a reconnect starts a new one and the old answer is dropped. */
  fetchToken: number;
  /** True when the outstanding fetch or its answer was lost on the network. */
  fetchLost: boolean;
  group: Group;
  processedCount: Uint32Array;
  processed: number;
  rebalances: number;
}

export function emptyWork(): Work {
  return { messages: [], offsets: [], done: 0, startMs: 0, token: 0, then: null };
}

export function createConsumer(w: World, checkPollInterval: (c: ConsumerState) => void): ConsumerState {
  const enabled = w.scenario.consumer.enabled;
  const c: ConsumerState = {
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
    pollTimer: new LazyTimer(w, () => checkPollInterval(c)),
    lastAutoCommitMs: 0,
    knownLeader: w.partition.leader,
    work: null,
    worker: emptyWork(),
    nextToken: 1,
    fetchToken: 0,
    fetchLost: false,
    group: createGroup(w),
    processedCount: new Uint32Array(w.scenario.producer.messages + 1),
    processed: 0,
    rebalances: 0,
  };
  return c;
}

export function startConsuming(w: World, c: ConsumerState): void {
  if (c.alive) w.at(0, () => poll(w, c));
}

export const autoCommit = (w: World) => w.scenario.consumer.commit === "auto" || w.scenario.consumer.commit === "auto-async-processing";

/**
 * A continuation of the poll loop bound to this process's life (and optionally to a condition):
 * it is dropped after a crash, and waits while the process is frozen or the loop is stuck.
 */
export function bind(w: World, c: ConsumerState, next: () => void, still: () => boolean = () => true): () => void {
  const inc = c.incarnation;
  const go = () => {
    if (!c.alive || c.incarnation !== inc || !still()) return;
    const until = Math.max(c.frozenUntilMs, c.stalledUntilMs);
    if (until > w.nowMs) return void w.at(until, go);
    next();
  };
  return go;
}

export function poll(w: World, c: ConsumerState): void {
  c.lastPollMs = w.nowMs;
  c.pollTimer.arm(c.lastPollMs + w.scenario.consumer.maxPollIntervalMs);
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
  const token = ++c.fetchToken;
  c.fetchLost = false;
  const current = () => c.fetchToken === token;
  const retry = bind(w, c, () => refreshLeader(w, c, () => fetch(w, c), KAFKA_DEFAULTS.consumerRetryBackoffMs), current);
  const sentMs = w.nowMs;
  const lost = () => {
    c.fetchLost = true;
    w.at(sentMs + KAFKA_DEFAULTS.consumerRequestTimeoutMs, retry);
  };
  w.send(CONSUMER_NODE, leader, "consumer-fetch", {
    deliver: () =>
      handleConsumerFetch(
        w,
        w.brokers[leader]!,
        position,
        c.lastEpoch,
        w.scenario.consumer.maxPollRecords,
        (resp) => w.send(leader, CONSUMER_NODE, "consumer-fetch-response", { deliver: bind(w, c, () => onFetch(w, c, resp), current), lost }),
        lost,
      ),
    refused: retry,
    lost,
  });
}

/** The network healed: a fetch that was lost on the way is sent again over the new connection. */
export function reconnectConsumer(w: World, c: ConsumerState): void {
  if (c.alive && c.phase === "fetching" && c.fetchLost && c.position !== null) bind(w, c, () => fetch(w, c))();
}

export function refreshLeader(w: World, c: ConsumerState, then: () => void, backoffMs = 0): void {
  const inc = c.incarnation;
  w.after(backoffMs + w.rttMs, () => {
    if (c.incarnation !== inc) return;
    c.knownLeader = w.partition.leader;
    if (c.knownLeader === null) return refreshLeader(w, c, then, KAFKA_DEFAULTS.consumerRetryBackoffMs);
    bind(w, c, then)();
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

export function resetPosition(w: World, c: ConsumerState, reason: string, then: () => void): void {
  const leader = w.partition.leader === null ? null : w.brokers[w.partition.leader]!;
  if (!leader?.log) return refreshLeader(w, c, () => resetPosition(w, c, reason, then), KAFKA_DEFAULTS.consumerRetryBackoffMs);
  // "latest" is ListOffsets(LATEST) under read_uncommitted, which answers with the HW.
  c.position = w.scenario.consumer.autoOffsetReset === "earliest" ? 0 : leader.log.highWatermark;
  c.lastEpoch = -1;
  w.emit({ type: "offset-reset", offset: c.position, reason: `${reason}-${w.scenario.consumer.autoOffsetReset}` });
  then();
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

export function scheduleWorkEnd(w: World, c: ConsumerState, work: Work): void {
  const token = (work.token = c.nextToken++);
  const endMs = work.startMs + (work.messages.length - work.done) * w.scenario.consumer.processingMs;
  const inc = c.incarnation;
  w.at(endMs, () => {
    if (work.token !== token || c.incarnation !== inc || !c.alive) return;
    settle(w, c, work, w.nowMs);
    if (work === c.work) {
      c.work = null;
      bind(w, c, work.then!)();
    }
  });
}

/** Marks as processed (and logs) every record of `work` whose processing has finished by `atMs`. */
export function settle(w: World, c: ConsumerState, work: Work, atMs: number): void {
  const perRecord = w.scenario.consumer.processingMs;
  const remaining = work.messages.length - work.done;
  const n = perRecord === 0 ? remaining : Math.max(0, Math.min(remaining, Math.floor((atMs - work.startMs) / perRecord)));
  if (n === 0) return;
  for (let i = work.done; i < work.done + n; i++) {
    const id = work.messages[i]!;
    if (id < c.processedCount.length) c.processedCount[id]!++;
    c.processed++;
  }
  w.emit({ type: "processed", offsets: [work.offsets[work.done]!, work.offsets[work.done + n - 1]!] });
  work.done += n;
  work.startMs += n * perRecord;
}

/** Pushes unfinished work back by `durationMs` (the loop or the whole process stood still). */
export function delayWork(w: World, c: ConsumerState, work: Work, durationMs: number): void {
  settle(w, c, work, w.nowMs);
  // A record in progress finishes durationMs later; one not yet started waits for the pause to end.
  work.startMs = work.startMs <= w.nowMs ? work.startMs + durationMs : Math.max(work.startMs, w.nowMs + durationMs);
  scheduleWorkEnd(w, c, work);
}
