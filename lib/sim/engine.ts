/**
 * Creating and driving a run. The engine is a pure step function over one ordered queue: no
 * wall clock, no Math.random, no I/O. Determinism contract: the same normalised scenario (seed
 * included) produces the same sequence of events, snapshots and audit, on any JavaScript host.
 */
import { answerParked, checkIsrExpiration, tryCompleteDelayed } from "./broker";
import { computeAudit } from "./audit";
import { createConsumer, settle, startConsuming, type ConsumerState } from "./consumer";
import { checkPollInterval } from "./group";
import { initPartition } from "./controller";
import { scheduleFault } from "./faults";
import { ReplicaLog } from "./log";
import { createProducer, startProducing, type ProducerState } from "./producer";
import { parseScenario, type Scenario } from "./scenario";
import { takeSnapshot } from "./snapshot";
import type { Audit, SimEvent, SimOutput, Snapshot } from "./types";
import { LazyTimer, World, type BrokerState } from "./world";

export interface SimRun {
  readonly scenario: Scenario;
  /** Simulated time of the last processed event (ms). */
  readonly nowMs: number;
  /** True once nothing is left to happen before scenario.durationMs. */
  readonly done: boolean;
  /** How many queue items (internal steps, logged or not) have run: the engine's unit of work. */
  readonly steps: number;
  /** The event log so far (shared, append-only: do not mutate). */
  readonly events: readonly SimEvent[];
  /** Runs until at least one new event is logged, or the run ends; returns the new events. */
  step(): SimEvent[];
  /** Runs every event up to and including `atMs` (capped at durationMs); returns the new events. */
  advanceTo(atMs: number): SimEvent[];
  runToEnd(): void;
  /** The state now; `recentWireMs` > 0 also lists messages that arrived that recently (traffic trails). */
  snapshot(recentWireMs?: number): Snapshot;
  audit(): Audit;
  /** The CLI's output: normalised scenario, audit and events. */
  output(): SimOutput;
}

/** Creates a run from a scenario that already went through parseScenario. */
export function createRun(scenario: Scenario): SimRun {
  const w = new World(scenario);
  const { cluster } = scenario;
  for (let id = 0; id < cluster.brokers; id++) w.brokers.push(newBroker(w, id, id < cluster.replicationFactor));
  for (let id = 0; id < cluster.brokers; id++) w.fenced.push(false);
  initPartition(w);
  const producer = createProducer(w);
  const consumer = createConsumer(w, (c) => checkPollInterval(w, c));
  startProducing(w, producer);
  startConsuming(w, consumer);
  for (const fault of scenario.faults) scheduleFault(w, { producer, consumer }, fault);
  schedulePeriodicTasks(w);
  return new Run(w, producer, consumer);
}

/** Parses, runs to the end and returns the output, or the validation error. */
export function runScenario(input: unknown): { ok: true; output: SimOutput } | { ok: false; error: string } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return parsed;
  const run = createRun(parsed.scenario);
  run.runToEnd();
  return { ok: true, output: run.output() };
}

function newBroker(w: World, id: number, hostsReplica: boolean): BrokerState {
  const b: BrokerState = {
    id,
    process: "up",
    incarnation: 0,
    isolatedUntilMs: 0,
    replicationPausedUntilMs: 0,
    log: hostsReplica ? new ReplicaLog() : null,
    role: "none",
    leaderEpoch: -1,
    leaderId: null,
    isr: [],
    followers: new Map(),
    parked: [],
    parkTimer: new LazyTimer(w, () => answerParked(w, b)),
    delayed: [],
    delayedTimer: new LazyTimer(w, () => tryCompleteDelayed(w, b)),
    fetcherGeneration: 0,
    registeredAtMs: 0,
    registeredIncarnation: 0,
  };
  return b;
}

/** The ISR expiration task (every replicaLagTimeMaxMs / 2) and the time-based flusher. */
function schedulePeriodicTasks(w: World): void {
  const { replicaLagTimeMaxMs, flushIntervalMs } = w.scenario.cluster;
  const isrEvery = Math.max(1, Math.floor(replicaLagTimeMaxMs / 2));
  const isrTask = () => {
    for (const b of w.brokers) if (b.role === "leader" && b.process === "up") checkIsrExpiration(w, b);
    w.after(isrEvery, isrTask);
  };
  w.at(isrEvery, isrTask);
  if (flushIntervalMs !== null) {
    const flushTask = () => {
      for (const b of w.brokers)
        if (b.process === "up" && b.log && b.log.logEndOffset > b.log.flushedOffset && w.nowMs - b.log.lastFlushMs >= flushIntervalMs) b.log.flush(w.nowMs);
      w.after(flushIntervalMs, flushTask);
    };
    w.at(flushIntervalMs, flushTask);
  }
}

/** More steps than this at one simulated millisecond means time has stopped advancing (a bug). */
const MAX_STEPS_AT_ONE_MS = 2_000_000;

class Run implements SimRun {
  private finished = false;
  steps = 0;
  private stepsAtThisMs = 0;

  constructor(
    private readonly w: World,
    private readonly producer: ProducerState,
    private readonly consumer: ConsumerState,
  ) {}

  get scenario(): Scenario {
    return this.w.scenario;
  }
  get nowMs(): number {
    return this.w.nowMs;
  }
  get done(): boolean {
    return this.finished;
  }
  get events(): readonly SimEvent[] {
    return this.w.events;
  }

  step(): SimEvent[] {
    const from = this.w.events.length;
    while (!this.finished && this.w.events.length === from) this.processNext(this.w.scenario.durationMs);
    return this.w.events.slice(from);
  }

  advanceTo(atMs: number): SimEvent[] {
    const from = this.w.events.length;
    const target = Math.min(atMs, this.w.scenario.durationMs);
    while (!this.finished && (this.w.queue.peekTime() ?? Infinity) <= target) this.processNext(target);
    if (!this.finished && target > this.w.nowMs) this.w.nowMs = target;
    if (target >= this.w.scenario.durationMs) this.finish();
    return this.w.events.slice(from);
  }

  runToEnd(): void {
    this.advanceTo(this.w.scenario.durationMs);
  }

  private processNext(limit: number): void {
    const next = this.w.queue.peekTime();
    if (next === undefined || next > this.w.scenario.durationMs) return this.finish();
    if (next > limit) return;
    const item = this.w.queue.pop()!;
    this.steps++;
    this.stepsAtThisMs = item.atMs === this.w.nowMs ? this.stepsAtThisMs + 1 : 0;
    if (this.stepsAtThisMs > MAX_STEPS_AT_ONE_MS) throw new Error(`simulated time stopped advancing at ${item.atMs} ms`);
    this.w.nowMs = item.atMs;
    item.run();
  }

  /** Ends the run at durationMs; records still being processed count up to that moment. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.w.nowMs = this.w.scenario.durationMs;
    const c = this.consumer;
    if (c.alive) {
      if (c.work) settle(this.w, c, c.work, this.w.nowMs);
      settle(this.w, c, c.worker, this.w.nowMs);
    }
  }

  snapshot(recentWireMs = 0): Snapshot {
    return takeSnapshot(this.w, this.producer, this.consumer, this.finished, recentWireMs);
  }

  audit(): Audit {
    return computeAudit(this.w, this.producer, this.consumer);
  }

  output(): SimOutput {
    const { messages, ...audit } = this.audit();
    return { scenario: this.w.scenario, ...audit, messages, events: this.w.events };
  }
}
