/**
 * The KRaft controller's part: broker liveness (fencing after brokerSessionTimeoutMs without a
 * heartbeat), leader election (clean from the ISR; unclean from any live replica when enabled;
 * otherwise offline), and ISR changes requested by the leader (AlterPartition).
 *
 * The controller quorum itself is modelled as always available and its metadata reaches every
 * reachable broker immediately: see docs/sim.md, "What the model simplifies".
 */
import { maybeIncrementHighWatermark, tryCompleteDelayed } from "./broker";
import { applyPartitionState } from "./replica";
import { KAFKA_DEFAULTS } from "./constants";
import { lastHeartbeatBefore, type BrokerState, type World } from "./world";

export function initPartition(w: World): void {
  const replicas = Array.from({ length: w.scenario.cluster.replicationFactor }, (_, i) => i);
  w.partition = { replicas, leader: replicas[0]!, leaderEpoch: 0, isr: [...replicas] };
  w.emit({ type: "leader-elected", broker: replicas[0], epoch: 0, isr: [...replicas], reason: "initial", unclean: false });
  pushMetadata(w);
}

/** Metadata reaches every broker that is running and not cut off. */
export function pushMetadata(w: World): void {
  for (const b of w.brokers) if (b.log && b.process === "up" && !w.isIsolated(b.id)) applyPartitionState(w, b);
}

function setLeader(w: World, leader: number | null): void {
  const p = w.partition;
  if (p.leader === null && leader !== null && w.offlineSinceMs !== null) {
    w.offlineMs += w.nowMs - w.offlineSinceMs;
    w.offlineSinceMs = null;
  }
  if (leader === null && w.offlineSinceMs === null) w.offlineSinceMs = w.nowMs;
  p.leader = leader;
  p.leaderEpoch++;
}

/** Picks a new leader after the current one is gone. */
function elect(w: World, reason: string): void {
  const p = w.partition;
  const alive = (id: number) => !w.fenced[id];
  const clean = p.replicas.find((id) => p.isr.includes(id) && alive(id));
  if (clean !== undefined) {
    setLeader(w, clean);
    w.emit({ type: "leader-elected", broker: clean, epoch: p.leaderEpoch, isr: [...p.isr], reason, unclean: false });
    return;
  }
  const unclean = w.scenario.cluster.uncleanLeaderElection ? p.replicas.find(alive) : undefined;
  if (unclean !== undefined) {
    setLeader(w, unclean);
    p.isr = [unclean];
    w.emit({ type: "leader-elected", broker: unclean, epoch: p.leaderEpoch, isr: [unclean], reason, unclean: true });
    return;
  }
  if (p.leader !== null) {
    setLeader(w, null);
    w.emit({ type: "partition-offline", epoch: p.leaderEpoch, isr: [...p.isr], reason });
  }
}

/** A broker missed its heartbeats (or re-registered after a restart): fence it. */
export function fenceBroker(w: World, id: number, reason: string): void {
  if (w.fenced[id]) return;
  w.fenced[id] = true;
  w.emit({ type: "broker-fenced", broker: id, reason });
  const p = w.partition;
  if (!p.replicas.includes(id)) return;
  // KRaft drops a fenced broker from the ISR, except the last member, which stays so that a
  // clean election remains possible when it comes back.
  if (p.isr.includes(id) && p.isr.length > 1) {
    p.isr = p.isr.filter((r) => r !== id);
    w.emit({ type: "isr-shrink", broker: id, isr: [...p.isr], reason: "broker-fenced" });
  }
  if (p.leader === id) elect(w, "leader-fenced");
  pushMetadata(w);
  const leader = p.leader === null ? undefined : w.brokers[p.leader];
  if (leader) {
    tryCompleteDelayed(w, leader);
    maybeIncrementHighWatermark(w, leader);
  }
}

export function unfenceBroker(w: World, id: number): void {
  if (!w.fenced[id]) return;
  w.fenced[id] = false;
  w.emit({ type: "broker-unfenced", broker: id });
  if (w.partition.leader === null && w.partition.replicas.includes(id)) elect(w, "broker-returned");
  pushMetadata(w);
}

/**
 * AlterPartition from the leader. Rejected when the leader cannot reach the controller or is no
 * longer the leader of the current epoch (its view is stale); expansion only to unfenced brokers.
 */
export function alterPartition(w: World, leader: BrokerState, isr: number[], reason: string): void {
  const p = w.partition;
  if (w.isIsolated(leader.id) || p.leader !== leader.id || p.leaderEpoch !== leader.leaderEpoch) return;
  if (isr.some((id) => w.fenced[id])) return;
  const before = p.isr;
  p.isr = [...isr];
  leader.isr = [...isr];
  // One event per broker that left or joined, so each can be narrated on its own.
  for (const id of before) if (!isr.includes(id)) w.emit({ type: "isr-shrink", broker: id, isr: [...isr], reason });
  for (const id of isr) if (!before.includes(id)) w.emit({ type: "isr-expand", broker: id, isr: [...isr], reason });
  maybeIncrementHighWatermark(w, leader);
  tryCompleteDelayed(w, leader);
}

/**
 * A (re)starting or reconnecting broker reaches the controller. A new incarnation first has its
 * old registration fenced (leadership moves away), then it is unfenced and catches up on metadata.
 */
export function registerBroker(w: World, b: BrokerState): void {
  if (b.registeredIncarnation !== b.incarnation) {
    fenceBroker(w, b.id, "re-registered");
    b.registeredIncarnation = b.incarnation;
  }
  b.registeredAtMs = w.nowMs;
  unfenceBroker(w, b.id);
  applyPartitionState(w, b);
}

/** True while the controller has not heard from `b` since `sinceMs` (it crashed, lost power, or is cut off). */
export function silentSince(w: World, b: BrokerState, sinceMs: number): boolean {
  return b.registeredAtMs <= sinceMs && (b.process !== "up" || w.isIsolated(b.id) || b.registeredIncarnation !== b.incarnation);
}

/**
 * When the controller will notice a broker that stopped heartbeating at `sinceMs`: its last
 * heartbeat plus brokerSessionTimeoutMs (KRaft: broker.session.timeout.ms).
 */
export function fenceDeadline(w: World, b: BrokerState, sinceMs: number): number {
  const lastHeartbeat = lastHeartbeatBefore(b.registeredAtMs, KAFKA_DEFAULTS.brokerHeartbeatIntervalMs, sinceMs);
  return Math.max(sinceMs, lastHeartbeat + w.scenario.cluster.brokerSessionTimeoutMs);
}
