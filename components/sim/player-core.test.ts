import { describe, expect, it } from "vitest";
import { createRun, parseScenario } from "@/lib/sim";
import { CHECKPOINTS, Player, segmentsOf, WINDOW_RECORDS } from "./player-core";
import { handleRequest } from "./player-protocol";

function scenario(input: unknown) {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

const acks1 = scenario({
  producer: { acks: "1" },
  faults: [
    { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 20000 },
    { atMs: 5000, type: "crash-broker", broker: "leader" },
  ],
});

describe("the player's state logic (player-core)", () => {
  it("a seek shows the same state as a fresh run advanced to that moment, forwards or backwards", () => {
    const p = new Player(acks1);
    for (const t of [12_000, 3_000, 30_000, 3_000, 0]) {
      p.seek(t);
      const reference = createRun(acks1);
      reference.advanceTo(t);
      const snap = reference.snapshot();
      const v = p.view();
      expect(v.atMs).toBe(t);
      expect(v.partition).toEqual(snap.partition);
      expect(v.brokers.map((b) => [b.logEndOffset, b.highWatermark])).toEqual(snap.brokers.map((b) => [b.logEndOffset, b.highWatermark]));
      expect(v.producer).toEqual(snap.producer);
    }
  });

  it("checkpoints make a backward seek continue a parked run, with identical results", () => {
    const long = scenario({ durationMs: 40_000, producer: { messages: 3_000, acks: "1" }, faults: acks1.faults });
    const p = new Player(long);
    expect(p.idle).toBe(false);
    let clock = 0;
    while (!p.buildCheckpoints(5, () => clock++)) {}
    expect(p.idle).toBe(true);
    p.toEnd();
    const t = Math.floor((long.durationMs * (CHECKPOINTS - 1)) / CHECKPOINTS) + 1234;
    p.seek(t);
    // Using a checkpoint consumed it: the player has idle work again.
    expect(p.idle).toBe(false);
    const reference = createRun(long);
    reference.advanceTo(t);
    expect(p.view().brokers.map((b) => b.segments)).toEqual(reference.snapshot().brokers.map((b) => segmentsOf(b)));
    expect(p.view().live.lostAcknowledged).toBe(reference.audit().log.lostAcknowledged);
  });

  it("short scenarios need no checkpoints", () => {
    const p = new Player(acks1);
    expect(p.idle).toBe(true);
    expect(p.buildCheckpoints(5, () => 0)).toBe(true);
  });

  it("the strips show a window of records aligned across brokers, following the log end", () => {
    const p = new Player(acks1);
    p.seek(4_000);
    const v = p.view();
    expect(v.window.follow).toBe(true);
    expect(v.window.from).toBe(Math.max(0, v.maxLeo - WINDOW_RECORDS));
    for (const b of v.brokers) {
      expect(b.records).toHaveLength(WINDOW_RECORDS);
      b.records.forEach((r, i) => r && expect(r.offset).toBe(v.window.from + i));
    }
    // The followers stopped fetching at 2 s: the leader's newest records are missing on them.
    const [leader, f1] = v.brokers;
    expect(leader!.records.at(-1)).not.toBeNull();
    expect(f1!.records.at(-1)).toBeNull();
    p.setWindow(10);
    expect(p.view().window).toEqual({ from: 0, follow: false });
  });

  it("highlighting lost messages marks the offsets they held, now reused by other messages", () => {
    const p = new Player(acks1);
    p.toEnd();
    const lost = p.view().audit!.messages.lostAcknowledged;
    expect(lost.length).toBeGreaterThan(0);
    p.setHighlight(lost);
    const v = p.view();
    expect(v.highlight.ids).toEqual(lost);
    expect(v.highlight.offsets.length).toBeGreaterThanOrEqual(lost.length);
    // The window moved to them; the new leader reused those offsets for other messages.
    const cells = v.brokers.flatMap((b) => b.records).filter((r) => r !== null);
    expect(cells.some((r) => r!.mark === "reused")).toBe(true);
    expect(cells.every((r) => !lost.includes(r!.message) || r!.mark === "highlight")).toBe(true);
  });

  it("timeline marks: the election after the crash, and the view's notable events are the latest few", () => {
    const p = new Player(acks1);
    p.toEnd();
    const v = p.view();
    expect(v.marks.some((m) => m.kind === "election" && m.atMs > 5_000)).toBe(true);
    expect(v.marks.every((m, i) => i === 0 || m.atMs >= v.marks[i - 1]!.atMs)).toBe(true);
    expect(v.notable.length).toBeLessThanOrEqual(8);
    expect(v.audit).not.toBeNull();
    // Seeking back recomputes the marks for that moment.
    p.seek(1_000);
    expect(p.view().marks.filter((m) => m.atMs > 1_000)).toEqual([]);
    expect(p.view().audit).toBeNull();
  });

  it("a message's story comes from the run's event log", () => {
    const p = new Player(acks1);
    p.toEnd();
    const id = p.view().audit!.messages.lostAcknowledged[0]!;
    const story = p.story(id);
    expect(story.fates).toContain("lost-acknowledged");
    expect(story.events.map((e) => e.type)).toContain("acknowledged");
  });

  it("the view is plain data (it crosses the worker boundary)", () => {
    const p = new Player(acks1);
    p.toEnd();
    const v = p.view(100);
    expect(structuredClone(v)).toEqual(v);
  });
});

describe("the worker protocol", () => {
  it("answers each request with its sequence number; errors are values", () => {
    const state = { player: null };
    expect(handleRequest(state, { seq: 1, type: "seek", atMs: 5, trailMs: 0 }, () => 0)).toEqual({ seq: 1, type: "error", message: "no scenario loaded" });
    const loaded = handleRequest(state, { seq: 2, type: "load", scenario: acks1, atMs: 3_000 }, () => 0);
    expect(loaded.type === "view" && loaded.view.atMs).toBe(3_000);
    const stepped = handleRequest(state, { seq: 3, type: "step", trailMs: 0 }, () => 0);
    expect(stepped.seq).toBe(3);
    expect(stepped.type === "view" && stepped.view.atMs).toBeGreaterThanOrEqual(3_000);
    const story = handleRequest(state, { seq: 4, type: "story", id: 1 }, () => 0);
    expect(story.type === "story" && story.story.id).toBe(1);
  });
});

