/**
 * The player's state logic, free of React and the DOM: it owns the engine run, answers "where
 * are we" with a compact, serialisable view, and makes seeking fast. It runs in a Web Worker
 * (sim.worker.ts), or on the main thread where workers are unavailable, and in unit tests.
 *
 * Seeking is deterministic replay (docs/decisions/001): any moment is recomputed from the seed.
 * To keep backward seeks fast on long scenarios, runs are parked at evenly spaced checkpoints
 * while the player is idle; a seek continues the latest parked run at or before the target,
 * so it never replays more than one checkpoint interval. A consumed checkpoint is rebuilt later.
 */
import { createRun, type SimRun } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario";
import { messageFates, messageStory, type MessageFate } from "@/lib/sim/story";
import { WINDOW_RECORDS } from "./player-constants";
import { ROUTINE_EVENTS, type Audit, type BrokerView, type ConsumerView, type ProducerView, type SimEvent, type Snapshot, type WireView } from "@/lib/sim/types";

/** How many notable events the view carries (the narrated log shows these). */
export const RECENT_EVENTS = 8;
/** Scenarios at least this long (in messages) get checkpoints; shorter ones replay in a few ms. */
export const CHECKPOINT_MIN_MESSAGES = 2_000;
export const CHECKPOINTS = 8;
/** Timeline marks kept (the first ones; a run with more shows the first this many). */
const MAX_MARKS = 400;

export interface Segment {
  from: number;
  to: number;
  epoch: number;
  durable: boolean;
}

export type RecordMark = "none" | "highlight" | "reused";

export interface StripRecord {
  offset: number;
  message: number;
  epoch: number;
  durable: boolean;
  /** highlight: a picked message; reused: this offset once held a picked message that is gone. */
  mark: RecordMark;
}

export interface BrokerStrip extends Omit<BrokerView, "log"> {
  /** The whole log as runs of batches with one epoch and durability (the overview bar). */
  segments: Segment[];
  /** One entry per offset of the window (null where this replica has no record). */
  records: (StripRecord | null)[];
}

export type MarkKind = "election" | "unclean" | "offline" | "loss" | "isr-shrink" | "isr-expand" | "rebalance";

export interface TimelineMark {
  atMs: number;
  kind: MarkKind;
}

export interface AuditCounts {
  lostAcknowledged: number;
  unavailableAcknowledged: number;
  duplicates: number;
  outOfOrder: number;
  missedByConsumer: number;
  processedTwice: number;
  errors: Record<string, number>;
  lag: number;
  rebalances: number;
}

export interface PlayerView {
  atMs: number;
  durationMs: number;
  done: boolean;
  partition: Snapshot["partition"];
  brokers: BrokerStrip[];
  producer: ProducerView;
  consumer: ConsumerView;
  network: WireView[];
  /** Offsets shown in the strips: [from, from + WINDOW_RECORDS). */
  window: { from: number; follow: boolean };
  /** The largest log end offset, the scale of the overview bars. */
  maxLeo: number;
  notable: SimEvent[];
  marks: TimelineMark[];
  live: AuditCounts;
  /** The full audit (with message ids) once the run is over. */
  audit: Audit | null;
  highlight: { ids: number[]; offsets: number[] };
}

export interface MessageStoryView {
  id: number;
  events: SimEvent[];
  fates: MessageFate[];
}

/** Consecutive batches with one epoch and durability, as one segment of the overview bar. */
export function segmentsOf(b: Pick<BrokerView, "log">): Segment[] {
  const out: Segment[] = [];
  for (const batch of b.log) {
    const last = out[out.length - 1];
    if (last && last.epoch === batch.epoch && last.durable === batch.durable && last.to === batch.baseOffset) last.to = batch.lastOffset + 1;
    else out.push({ from: batch.baseOffset, to: batch.lastOffset + 1, epoch: batch.epoch, durable: batch.durable });
  }
  return out;
}

function markOf(e: SimEvent): MarkKind | null {
  switch (e.type) {
    case "leader-elected":
      return e.unclean ? "unclean" : e.atMs === 0 ? null : "election";
    case "partition-offline":
      return "offline";
    case "truncated":
    case "unflushed-data-lost":
      return (e.lost ?? []).length > 0 ? "loss" : null;
    case "isr-shrink":
      return "isr-shrink";
    case "isr-expand":
      return "isr-expand";
    case "member-removed":
      return "rebalance";
    default:
      return null;
  }
}

export { WINDOW_RECORDS };

export class Player {
  private run: SimRun;
  private checkpoints: (SimRun | null)[] = [];
  /** A run being advanced towards a missing checkpoint in idle time. */
  private building: { slot: number; run: SimRun } | null = null;
  private windowEnd: number | null = null;
  private highlightIds: number[] = [];
  private highlightOffsets = new Set<number>();
  private marks: TimelineMark[] = [];
  private marksFrom = 0;
  private notable: SimEvent[] = [];
  private notableFrom = 0;

  constructor(readonly scenario: Scenario) {
    this.run = createRun(scenario);
    if (scenario.producer.messages >= CHECKPOINT_MIN_MESSAGES) this.checkpoints = new Array<SimRun | null>(CHECKPOINTS).fill(null);
  }

  get nowMs(): number {
    return this.run.nowMs;
  }

  /** The time of checkpoint `slot` (slot 0 is t = 0, which a fresh run gives for free). */
  private slotTime(slot: number): number {
    return Math.floor((this.scenario.durationMs * slot) / CHECKPOINTS);
  }

  /** Moves to `atMs` by continuing the closest run at or before it: the current one, a checkpoint, or a fresh one. */
  seek(atMs: number): void {
    const target = Math.max(0, Math.min(atMs, this.scenario.durationMs));
    let best: SimRun | null = this.run.nowMs <= target ? this.run : null;
    let bestSlot = -1;
    this.checkpoints.forEach((cp, slot) => {
      if (cp && cp.nowMs <= target && (!best || cp.nowMs > best.nowMs)) {
        best = cp;
        bestSlot = slot;
      }
    });
    if (bestSlot >= 0) this.checkpoints[bestSlot] = null;
    if (!best) {
      best = createRun(this.scenario);
      this.resetDerived();
    } else if (best !== this.run) this.resetDerived();
    this.run = best;
    this.run.advanceTo(target);
  }

  step(): void {
    if (!this.run.done) this.run.step();
  }

  toEnd(): void {
    // The last checkpoint is closer to the end than wherever we are, when we are before it.
    this.seek(this.scenario.durationMs);
  }

  /** Where the strips look: a fixed window ending at `end`, or null to follow the log end. */
  setWindow(end: number | null): void {
    this.windowEnd = end;
  }

  /** Marks these messages in the strips: where they are now and the offsets they once held. */
  setHighlight(ids: number[]): void {
    this.highlightIds = [...new Set(ids)].slice(0, 1000);
    this.highlightOffsets = new Set();
    if (this.highlightIds.length === 0) return;
    const wanted = new Set(this.highlightIds);
    for (const e of this.run.events) {
      if (e.type !== "appended" || !e.messages || !e.offsets) continue;
      const [m1, m2] = e.messages;
      for (let m = m1; m <= m2; m++) if (wanted.has(m)) this.highlightOffsets.add(e.offsets[0] + (m - m1));
    }
    // Point the strips at the first of them, unless the learner has scrolled them.
    const first = Math.min(...this.highlightOffsets);
    if (Number.isFinite(first)) this.windowEnd = first + Math.ceil(WINDOW_RECORDS / 2);
  }

  story(id: number): MessageStoryView {
    return { id, events: messageStory(this.run.events, id), fates: messageFates(this.run.audit(), id) };
  }

  /** Whether idle work remains (checkpoints to build). */
  get idle(): boolean {
    return this.checkpoints.length === 0 || (this.building === null && this.checkpoints.every((cp, slot) => slot === 0 || cp !== null));
  }

  /**
   * Builds missing checkpoints for up to `budgetMs` of wall time (`clock` returns milliseconds).
   * Returns true when every checkpoint exists.
   */
  buildCheckpoints(budgetMs: number, clock: () => number): boolean {
    if (this.checkpoints.length === 0) return true;
    const start = clock();
    while (clock() - start < budgetMs) {
      if (!this.building) {
        const slot = this.checkpoints.findIndex((cp, i) => i > 0 && cp === null);
        if (slot === -1) return true;
        this.building = { slot, run: createRun(this.scenario) };
      }
      const { slot, run } = this.building;
      const goal = this.slotTime(slot);
      // Small slices so a waiting request is answered soon.
      run.advanceTo(Math.min(goal, run.nowMs + Math.max(50, Math.floor(this.scenario.durationMs / 400))));
      if (run.nowMs >= goal) {
        this.checkpoints[slot] = run;
        this.building = null;
      }
    }
    return this.idle;
  }

  private resetDerived(): void {
    this.marks = [];
    this.marksFrom = 0;
    this.notable = [];
    this.notableFrom = 0;
  }

  /** Reads new events since the last view: notable ones for the log, marks for the timeline. */
  private absorbEvents(): void {
    const events = this.run.events;
    for (let i = Math.max(this.marksFrom, this.notableFrom); i < events.length; i++) {
      const e = events[i]!;
      if (ROUTINE_EVENTS.has(e.type)) continue;
      this.notable.push(e);
      const kind = markOf(e);
      if (kind && this.marks.length < MAX_MARKS) this.marks.push({ atMs: e.atMs, kind });
    }
    if (this.notable.length > RECENT_EVENTS) this.notable = this.notable.slice(-RECENT_EVENTS);
    this.marksFrom = this.notableFrom = events.length;
  }

  view(trailMs = 0): PlayerView {
    this.absorbEvents();
    const snap = this.run.snapshot(trailMs);
    const maxLeo = Math.max(1, ...snap.brokers.map((b) => b.logEndOffset));
    const follow = this.windowEnd === null;
    const end = Math.min(this.windowEnd ?? maxLeo, maxLeo);
    const from = Math.max(0, end - WINDOW_RECORDS);
    const wanted = new Set(this.highlightIds);
    const brokers = snap.brokers.map((b): BrokerStrip => {
      const records: (StripRecord | null)[] = new Array<StripRecord | null>(WINDOW_RECORDS).fill(null);
      for (const batch of b.log) {
        if (batch.lastOffset < from || batch.baseOffset >= from + WINDOW_RECORDS) continue;
        for (let o = Math.max(from, batch.baseOffset); o <= Math.min(batch.lastOffset, from + WINDOW_RECORDS - 1); o++) {
          const message = batch.firstMessage + (o - batch.baseOffset);
          const mark: RecordMark = wanted.has(message) ? "highlight" : this.highlightOffsets.has(o) ? "reused" : "none";
          records[o - from] = { offset: o, message, epoch: batch.epoch, durable: batch.durable, mark };
        }
      }
      const { log, ...rest } = b;
      return { ...rest, segments: segmentsOf(b), records };
    });
    const audit = this.run.audit();
    return {
      atMs: snap.atMs,
      durationMs: this.scenario.durationMs,
      done: snap.done,
      partition: snap.partition,
      brokers,
      producer: snap.producer,
      consumer: snap.consumer,
      network: snap.network,
      window: { from, follow },
      maxLeo,
      notable: [...this.notable],
      marks: [...this.marks],
      live: {
        lostAcknowledged: audit.log.lostAcknowledged,
        unavailableAcknowledged: audit.log.unavailableAcknowledged,
        duplicates: audit.log.duplicates,
        outOfOrder: audit.log.outOfOrder,
        missedByConsumer: audit.consumer.missed,
        processedTwice: audit.consumer.duplicates,
        errors: audit.producer.errors,
        lag: audit.consumer.lag,
        rebalances: audit.consumer.rebalances,
      },
      audit: snap.done ? audit : null,
      highlight: { ids: [...this.highlightIds], offsets: [...this.highlightOffsets].sort((a, b) => a - b) },
    };
  }
}
