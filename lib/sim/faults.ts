/**
 * Fault injection and broker lifecycle: crash (the process dies, the page cache survives),
 * power loss (unflushed data is gone), restart and re-registration, network isolation, paused
 * replication, dropped produce requests or responses, and the consumer's faults.
 */
import { answerParked, logRemoved } from "./broker";
import { restartFetcher } from "./replica";
import { reconnectConsumer, type ConsumerState } from "./consumer";
import { crashConsumer, pauseConsumer, stallConsumer } from "./group";
import { fenceBroker, fenceDeadline, registerBroker, silentSince } from "./controller";
import { connectionReset, type ProducerState } from "./producer";
import type { BrokerRef, Fault } from "./scenario";
import type { BrokerState, World } from "./world";

export interface Clients {
  producer: ProducerState;
  consumer: ConsumerState;
}

/** Resolves "leader", "followers" and "last-crashed" against the cluster at this moment. */
function resolve(w: World, ref: BrokerRef): number[] {
  if (typeof ref === "number") return [ref];
  const leader = w.partition.leader;
  if (ref === "leader") return leader === null ? [] : [leader];
  if (ref === "followers") return w.partition.replicas.filter((id) => id !== leader);
  return w.lastCrashedBroker === null ? [] : [w.lastCrashedBroker];
}

export function scheduleFault(w: World, clients: Clients, fault: Fault): void {
  w.at(fault.atMs, () => applyFault(w, clients, fault));
}

function applyFault(w: World, clients: Clients, f: Fault): void {
  const { consumer } = clients;
  const emit = (broker?: number, reason?: string) => w.emit({ type: "fault", fault: f.type, ...(broker !== undefined ? { broker } : {}), ...(reason ? { reason } : {}) });
  const targets = (ref: BrokerRef, what: string) => {
    const ids = resolve(w, ref);
    if (ids.length === 0) emit(undefined, `no-${what}`);
    return ids;
  };
  switch (f.type) {
    case "crash-broker":
      for (const id of targets(f.broker, String(f.broker))) {
        emit(id);
        stopBroker(w, clients, w.brokers[id]!, "crashed", f.restartAfterMs);
      }
      return;
    case "power-loss": {
      const ids = f.brokers === "all" ? w.brokers.map((b) => b.id) : [...new Set(f.brokers.flatMap((r) => resolve(w, r)))];
      for (const id of ids) {
        emit(id);
        stopBroker(w, clients, w.brokers[id]!, "powered-off", f.restartAfterMs);
      }
      return;
    }
    case "restart-broker":
      for (const id of targets(f.broker, String(f.broker))) {
        emit(id, w.brokers[id]!.process === "up" ? "already-running" : undefined);
        startBroker(w, w.brokers[id]!);
      }
      return;
    case "pause-replication":
      for (const id of targets(f.broker, String(f.broker))) {
        const b = w.brokers[id]!;
        emit(id, b.role === "leader" ? "leader-does-not-fetch" : undefined);
        b.replicationPausedUntilMs = Math.max(b.replicationPausedUntilMs, w.nowMs + f.durationMs);
      }
      return;
    case "isolate-broker":
      for (const id of targets(f.broker, String(f.broker))) {
        emit(id);
        isolate(w, clients, w.brokers[id]!, f.durationMs);
      }
      return;
    case "drop-requests":
      emit();
      w.dropRequestsUntilMs = Math.max(w.dropRequestsUntilMs, w.nowMs + f.durationMs);
      return;
    case "drop-responses":
      emit();
      w.dropResponsesUntilMs = Math.max(w.dropResponsesUntilMs, w.nowMs + f.durationMs);
      return;
    case "crash-consumer":
      emit();
      return crashConsumer(w, consumer, f.restartAfterMs);
    case "stall-consumer":
      emit();
      return stallConsumer(w, consumer, f.durationMs);
    case "pause-consumer":
      emit();
      return pauseConsumer(w, consumer, f.durationMs);
  }
}

/** A broker stops: its process dies ("crashed") or its machine loses power ("powered-off"). */
function stopBroker(w: World, clients: Clients, b: BrokerState, how: "crashed" | "powered-off", restartAfterMs?: number): void {
  if (b.process === "powered-off" || (b.process === how && how === "crashed")) return;
  const wasUp = b.process === "up";
  b.process = how;
  b.incarnation++;
  w.emit({ type: how === "crashed" ? "broker-crashed" : "broker-powered-off", broker: b.id });
  if (how === "powered-off" && b.log) {
    // Only what the OS wrote back (after pageCacheFlushMs) or an fsync made durable survives.
    logRemoved(w, b, b.log.truncateTo(b.log.durableOffset(w.nowMs, w.scenario.cluster.pageCacheFlushMs)), "unflushed-data-lost");
  }
  if (wasUp) {
    b.role = "none";
    b.leaderId = null;
    b.fetcherGeneration++;
    b.delayed = [];
    b.delayedTimer.cancel();
    b.parkTimer.cancel();
    // A pause of replication belongs to the process that was paused, not to the next one.
    b.replicationPausedUntilMs = 0;
    b.followers = new Map();
    // A dead process's OS resets its connections (held fetches fail at once); a machine without
    // power just goes silent and everyone waiting on it times out.
    if (how === "crashed") {
      answerParked(w, b);
      connectionReset(w, clients.producer, b.id);
    } else for (const p of b.parked) p.lost();
    b.parked = [];
    const stoppedMs = w.nowMs;
    w.at(fenceDeadline(w, b, stoppedMs), () => silentSince(w, b, stoppedMs) && fenceBroker(w, b.id, "session-timeout"));
  }
  w.lastCrashedBroker = b.id;
  if (restartAfterMs !== undefined) {
    const inc = b.incarnation;
    w.after(restartAfterMs, () => b.incarnation === inc && startBroker(w, b));
  }
}

/** The broker process starts again, recovers its log and registers with the controller. */
function startBroker(w: World, b: BrokerState): void {
  if (b.process === "up") return;
  b.process = "up";
  b.incarnation++;
  if (b.log) b.log.highWatermark = Math.min(b.log.highWatermark, b.log.logEndOffset);
  w.emit({ type: "broker-restarted", broker: b.id });
  const inc = b.incarnation;
  // Registration takes a round trip; a broker that is cut off registers when the network heals.
  w.after(w.rttMs, () => b.incarnation === inc && !w.isIsolated(b.id) && registerBroker(w, b));
}

function isolate(w: World, clients: Clients, b: BrokerState, durationMs: number): void {
  const until = w.nowMs + durationMs;
  b.isolatedUntilMs = Math.max(b.isolatedUntilMs, until);
  const since = w.nowMs;
  if (b.process === "up") w.at(fenceDeadline(w, b, since), () => silentSince(w, b, since) && fenceBroker(w, b.id, "session-timeout"));
  w.at(until, () => {
    if (w.isIsolated(b.id)) return;
    // Heartbeats (or a pending registration) get through again: the controller unfences the
    // broker, which catches up on metadata; connections are re-established and fetches resume.
    if (b.process === "up") registerBroker(w, b);
    for (const other of w.brokers) if (other.process === "up" && other.role === "follower") restartFetcher(w, other);
    reconnectConsumer(w, clients.consumer);
  });
}
