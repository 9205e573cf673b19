/**
 * The simulation's shared state: simulated clock, the one event queue, the seeded PRNG, the
 * event log, and the network between nodes. Components (brokers, controller, producer, consumer)
 * keep their own state here and talk only through `send`, so every interaction has a latency,
 * can be lost by a fault, and happens in a deterministic order.
 */
import type { ReplicaLog } from "./log";
import { createPrng, type Prng } from "./prng";
import { EventQueue } from "./queue";
import type { Scenario } from "./scenario";
import { ROUTINE_EVENTS, type BrokerProcess, type SimEvent, type WireKind, type WireView } from "./types";

export const PRODUCER_NODE = 1000;
export const CONSUMER_NODE = 1001;
/** The KRaft controller quorum and the group coordinator: modelled as always reachable. */
export const CONTROLLER_NODE = 1002;

export type MessageKind = WireKind;

/** Recently delivered messages kept for the player's traffic trails (a bounded ring). */
const RECENT_WIRE = 256;

export interface FollowerProgress {
  /** The follower's log end offset as the leader last learned it from a fetch. */
  logEndOffset: number;
  lastCaughtUpMs: number;
  lastFetchMs: number;
  lastFetchLeaderLogEndOffset: number;
}

export interface ParkedFetch {
  fetchOffset: number;
  deadlineMs: number;
  /** Answer the fetch now (with whatever the log holds). */
  answer: () => void;
  /** The broker vanished without a reset (power loss): the requester must time out. */
  lost: () => void;
  /** True for a consumer fetch, which reads up to the HW instead of the LEO. */
  consumer: boolean;
}

export interface DelayedProduce {
  requiredOffset: number;
  deadlineMs: number;
  complete: (error: "NOT_ENOUGH_REPLICAS_AFTER_APPEND" | "REQUEST_TIMED_OUT" | "NOT_LEADER_OR_FOLLOWER" | null) => void;
}

export interface BrokerState {
  id: number;
  process: BrokerProcess;
  /** Bumped on every restart, so callbacks scheduled for an earlier life are ignored. */
  incarnation: number;
  isolatedUntilMs: number;
  replicationPausedUntilMs: number;
  /** Null when this broker holds no replica of the partition. */
  log: ReplicaLog | null;
  role: "leader" | "follower" | "none";
  leaderEpoch: number;
  leaderId: number | null;
  /** The leader's view of the ISR (kept in step with the controller while they can talk). */
  isr: number[];
  followers: Map<number, FollowerProgress>;
  parked: ParkedFetch[];
  /** Answers held fetches when their wait runs out. */
  parkTimer: LazyTimer;
  delayed: DelayedProduce[];
  /** Expires waiting acks=all requests at their deadline. */
  delayedTimer: LazyTimer;
  /** Follower fetcher: bumped to cancel an outstanding fetch when leadership changes. */
  fetcherGeneration: number;
  /** When the controller last heard from this broker (registration or resumed heartbeats). */
  registeredAtMs: number;
  /** The incarnation the controller knows; a restarted broker differs until it re-registers. */
  registeredIncarnation: number;
}

export interface PartitionRegistration {
  replicas: number[];
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
}

/**
 * A timer that fires no later than the earliest time it was armed for, with one pending queue
 * item at most. Components use it instead of one event per request or fetch; `cancel` (on a
 * crash or restart) makes a pending firing a no-op and lets the timer be armed again at once.
 */
export class LazyTimer {
  private pendingAtMs = Infinity;
  private token = 0;

  constructor(
    private readonly w: World,
    private readonly fire: () => void,
  ) {}

  arm(atMs: number): void {
    if (this.pendingAtMs <= atMs) return;
    this.pendingAtMs = atMs;
    const token = ++this.token;
    this.w.at(atMs, () => {
      if (token !== this.token) return;
      this.pendingAtMs = Infinity;
      this.fire();
    });
  }

  cancel(): void {
    this.token++;
    this.pendingAtMs = Infinity;
  }
}

/** The last heartbeat at or before `atMs`, for heartbeats every `intervalMs` from `anchorMs`. */
export function lastHeartbeatBefore(anchorMs: number, intervalMs: number, atMs: number): number {
  return anchorMs + Math.floor((atMs - anchorMs) / intervalMs) * intervalMs;
}

export class World {
  nowMs = 0;
  readonly queue = new EventQueue();
  readonly rng: Prng;
  readonly events: SimEvent[] = [];
  readonly brokers: BrokerState[] = [];
  readonly fenced: boolean[] = [];
  partition: PartitionRegistration = { replicas: [], leader: null, leaderEpoch: 0, isr: [] };
  offlineSinceMs: number | null = null;
  offlineMs = 0;
  dropRequestsUntilMs = 0;
  dropResponsesUntilMs = 0;
  lastCrashedBroker: number | null = null;
  private readonly linkArrival = new Map<number, number>();
  /** Messages on the wire now, and the last RECENT_WIRE that arrived (for the player only). */
  private readonly wire = new Map<number, WireView>();
  private readonly recentWire: WireView[] = [];
  private nextWireId = 0;

  constructor(readonly scenario: Scenario) {
    this.rng = createPrng(scenario.seed);
  }

  at(atMs: number, run: () => void): void {
    this.queue.push(Math.max(atMs, this.nowMs), run);
  }

  after(delayMs: number, run: () => void): void {
    this.queue.push(this.nowMs + delayMs, run);
  }

  emit(event: Omit<SimEvent, "atMs">): void {
    const mode = this.scenario.eventLog;
    if (mode === "none" || (mode === "key" && ROUTINE_EVENTS.has(event.type))) return;
    this.events.push({ atMs: this.nowMs, ...event });
  }

  isIsolated(node: number): boolean {
    const b = this.brokers[node];
    return b !== undefined && b.isolatedUntilMs > this.nowMs;
  }

  /** One-way latency with a little seeded jitter; TCP keeps each link's messages in order. */
  private arrivalTime(from: number, to: number): number {
    const base = this.scenario.cluster.networkDelayMs;
    const jitter = this.rng.int(Math.ceil(base / 2) + 1);
    const key = from * 4096 + to;
    const arrival = Math.max(this.nowMs + base + jitter, this.linkArrival.get(key) ?? 0);
    this.linkArrival.set(key, arrival);
    return arrival;
  }

  /**
   * Sends a message. `deliver` runs on arrival; `refused` runs back at the sender when the target
   * broker's process is down (its OS answers with a reset); `lost` runs when the message silently
   * disappears (isolation, power loss, dropped packets), so the sender can arm its timeout.
   */
  send(
    from: number,
    to: number,
    kind: MessageKind,
    handlers: { deliver: () => void; refused?: () => void; lost?: () => void },
  ): void {
    if (this.isIsolated(from) || this.isIsolated(to) || this.dropped(kind)) {
      handlers.lost?.();
      return;
    }
    const arrival = this.arrivalTime(from, to);
    const wireId = this.nextWireId++;
    const onWire: WireView = { id: wireId, from, to, kind, sentMs: this.nowMs, arriveMs: arrival };
    this.wire.set(wireId, onWire);
    this.at(arrival, () => {
      this.wire.delete(wireId);
      this.recentWire[wireId % RECENT_WIRE] = onWire;
      const target = this.brokers[to];
      if (this.isIsolated(from) || this.isIsolated(to) || (target && target.process === "powered-off")) {
        handlers.lost?.();
        return;
      }
      if (target && target.process === "crashed") {
        if (handlers.refused) {
          const back = handlers.refused;
          this.after(this.scenario.cluster.networkDelayMs, back);
        }
        return;
      }
      handlers.deliver();
    });
  }

  /** Messages in flight now plus those that arrived within the last `recentMs`, oldest first. */
  wireView(recentMs: number): WireView[] {
    const out = [...this.wire.values()];
    for (const m of this.recentWire) if (m && m.arriveMs > this.nowMs - recentMs) out.push(m);
    return out.sort((a, b) => a.id - b.id);
  }

  private dropped(kind: MessageKind): boolean {
    return (kind === "produce" && this.dropRequestsUntilMs > this.nowMs) || (kind === "produce-response" && this.dropResponsesUntilMs > this.nowMs);
  }

  /** Round trip to the controller or coordinator (never faulted in this model). */
  get rttMs(): number {
    return 2 * this.scenario.cluster.networkDelayMs;
  }
}
