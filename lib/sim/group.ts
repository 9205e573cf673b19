/**
 * The consumer group around the one consumer: the coordinator's view (member, generation,
 * committed offset with its leader epoch), joining (JoinGroup/SyncGroup, the initial rebalance
 * delay, waiting for a dead member's session to expire), offset commits, removal after a session
 * timeout or max.poll.interval.ms, and the consumer's faults (crash, stall, pause).
 */
import { autoCommit, bind, delayWork, emptyWork, poll, resetPosition, settle, type ConsumerState } from "./consumer";
import type { KafkaError } from "./types";
import { CONSUMER_NODE, CONTROLLER_NODE, lastHeartbeatBefore, type World } from "./world";

/**
 * Coordinator side: the group's current member, generation, and committed offset with the
 * leader epoch of the record before it (stored with the commit since KIP-320).
 */
export interface Group {
  memberId: number | null;
  generation: number;
  committed: number | null;
  committedEpoch: number;
  nextMemberId: number;
  /** Joins held until a dead member is removed. */
  waiters: (() => void)[];
}

export function createGroup(w: World): Group {
  return { memberId: null, generation: 0, committed: w.scenario.consumer.initialCommittedOffset, committedEpoch: -1, nextMemberId: 1, waiters: [] };
}

/** OffsetCommit to the coordinator; `then` (commitSync) runs after the answer, null means async. */
export function commit(w: World, c: ConsumerState, offset: number, then: (() => void) | null): void {
  if (then) c.phase = "committing";
  const memberId = c.memberId;
  const generation = c.generation;
  const epoch = c.lastEpoch;
  const inc = c.incarnation;
  w.send(CONSUMER_NODE, CONTROLLER_NODE, "commit", {
    deliver: () => {
      const g = c.group;
      const error: KafkaError | null = g.memberId !== memberId || memberId === null ? "UNKNOWN_MEMBER_ID" : g.generation !== generation ? "ILLEGAL_GENERATION" : null;
      if (!error) {
        g.committed = offset;
        g.committedEpoch = epoch;
        w.emit({ type: "committed", offset, reason: then ? "commit-sync" : "commit-async" });
      } else w.emit({ type: "commit-failed", offset, error, reason: then ? "commit-sync" : "commit-async" });
      w.send(CONTROLLER_NODE, CONSUMER_NODE, "commit-response", {
        deliver: () => {
          if (c.incarnation !== inc) return;
          // CommitFailedException: the application logs it and polls again, which rejoins.
          if (error) c.needsRejoin = true;
          if (error === "UNKNOWN_MEMBER_ID" && c.memberId === memberId) c.memberId = null;
          if (then) bind(w, c, then)();
        },
      });
    },
  });
}

export function join(w: World, c: ConsumerState, prepared = false): void {
  c.phase = "joining";
  c.needsRejoin = false;
  if (!prepared && autoCommit(w) && c.memberId !== null && c.position !== null)
    // onJoinPrepare: an auto-committing consumer commits synchronously before rejoining.
    return commit(w, c, c.position, () => join(w, c, true));
  const inc = c.incarnation;
  const previous = c.memberId;
  const g = c.group;
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
    w.after(
      w.rttMs,
      bind(w, c, () => {
        if (committed === null) return resetPosition(w, c, "no-committed-offset", () => poll(w, c));
        // The committed epoch lets the first fetch detect a log truncated under it (KIP-320).
        c.position = committed;
        c.lastEpoch = committedEpoch;
        poll(w, c);
      }),
    );
  };
  w.after(w.rttMs, () => {
    if (c.incarnation !== inc) return;
    // An empty group waits group.initial.rebalance.delay.ms for more members before assigning.
    const initialDelayMs = g.memberId === null && previous === null ? w.scenario.cluster.groupInitialRebalanceDelayMs : 0;
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

/** The heartbeat thread's max.poll.interval.ms check (c.pollTimer fires it). */
export function checkPollInterval(w: World, c: ConsumerState): void {
  if (!c.alive) return;
  if (c.frozenUntilMs > w.nowMs) return c.pollTimer.arm(c.frozenUntilMs);
  const deadline = c.lastPollMs + w.scenario.consumer.maxPollIntervalMs;
  if (deadline > w.nowMs) return c.pollTimer.arm(deadline);
  // poll() has not been called in time. A member leaves the group; a consumer that is not one
  // has nothing to leave, and its next poll() re-arms the check.
  if (c.memberId !== null && c.group.memberId === c.memberId) {
    removeMember(w, c, "max-poll-interval-exceeded");
    c.memberId = null;
    c.needsRejoin = true;
  }
}

/** Removes the member once its session expires, unless it was heard from again by then. */
function expireSession(w: World, c: ConsumerState, stillSilent: () => boolean): void {
  const memberId = c.memberId;
  if (memberId === null) return;
  const { heartbeatIntervalMs, sessionTimeoutMs } = w.scenario.consumer;
  const atMs = Math.max(w.nowMs, lastHeartbeatBefore(c.heartbeatAnchorMs, heartbeatIntervalMs, w.nowMs) + sessionTimeoutMs);
  w.at(atMs, () => {
    if (c.group.memberId === memberId && stillSilent()) removeMember(w, c, "session-timeout");
  });
}

export function crashConsumer(w: World, c: ConsumerState, restartAfterMs: number | undefined): void {
  if (!c.alive) return;
  if (c.work) settle(w, c, c.work, w.nowMs);
  settle(w, c, c.worker, w.nowMs);
  const unprocessed = c.worker.messages.length - c.worker.done;
  const inc = ++c.incarnation;
  c.alive = false;
  c.phase = "crashed";
  c.pollTimer.cancel();
  w.emit({ type: "consumer-crashed", reason: unprocessed > 0 ? `unprocessed-${unprocessed}` : "crash" });
  // The dead member sends no more heartbeats, whatever a restarted process does under a new id.
  expireSession(w, c, () => true);
  c.work = null;
  c.worker = emptyWork();
  if (restartAfterMs === undefined) return;
  w.after(restartAfterMs, () => {
    if (c.incarnation !== inc) return;
    c.incarnation++;
    Object.assign(c, { alive: true, memberId: null, position: null, lastEpoch: -1, frozenUntilMs: 0, stalledUntilMs: 0, needsRejoin: false, knownLeader: w.partition.leader });
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
  // Silent means: still frozen, and no heartbeat since this pause began. A member that woke up,
  // heartbeated and froze again has a newer anchor; the later pause schedules its own check.
  const anchor = c.heartbeatAnchorMs;
  expireSession(w, c, () => c.incarnation === inc && c.frozenUntilMs > w.nowMs && c.heartbeatAnchorMs === anchor);
  w.at(until, () => {
    if (c.incarnation !== inc || c.frozenUntilMs > w.nowMs) return;
    c.heartbeatAnchorMs = w.nowMs;
    // The first heartbeat after the pause learns whether the group moved on without us.
    if (c.memberId !== null && c.group.memberId !== c.memberId) c.needsRejoin = true;
  });
}
