import { describe, expect, it } from "vitest";
import { createRun, parseScenario, runScenario, type ScenarioInput } from "./index";

function scenario(input: ScenarioInput) {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

const faulty: ScenarioInput = {
  producer: { acks: "1", messages: 300 },
  durationMs: 30_000,
  faults: [
    { atMs: 1000, type: "pause-replication", broker: "followers", durationMs: 3000 },
    { atMs: 2000, type: "crash-broker", broker: "leader", restartAfterMs: 12_000 },
  ],
};

describe("the stepping API", () => {
  it("step() returns the next logged events in order and ends at durationMs", () => {
    const run = createRun(scenario(faulty));
    // Creating the run already logs the initial election.
    const seen = [...run.events];
    expect(seen.map((e) => e.type)).toEqual(["leader-elected"]);
    let guard = 0;
    while (!run.done && guard++ < 100_000) {
      const events = run.step();
      for (const e of events) expect(e.atMs).toBeLessThanOrEqual(run.nowMs);
      seen.push(...events);
    }
    expect(run.done).toBe(true);
    expect(run.nowMs).toBe(30_000);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.atMs).toBeGreaterThanOrEqual(seen[i - 1]!.atMs);
    const batch = runScenario(faulty);
    if (!batch.ok) throw new Error(batch.error);
    expect(seen).toEqual(batch.output.events);
    expect(run.audit().log).toEqual(batch.output.log);
  });

  it("advanceTo() stops at the requested moment, and the snapshot shows that moment", () => {
    const run = createRun(scenario(faulty));
    run.advanceTo(1500);
    const before = run.snapshot();
    expect(before.atMs).toBe(1500);
    expect(before.partition.leader).toBe(0);
    expect(before.brokers[0]!.role).toBe("leader");
    expect(before.brokers[1]!.replicationPaused).toBe(true);
    // The leader is ahead of its paused followers, and its HW waits for them.
    expect(before.brokers[0]!.logEndOffset).toBeGreaterThan(before.brokers[1]!.logEndOffset);
    expect(before.brokers[0]!.highWatermark).toBeLessThanOrEqual(before.brokers[1]!.logEndOffset);

    run.advanceTo(2500);
    const crashed = run.snapshot();
    expect(crashed.brokers[0]!.process).toBe("crashed");
    expect(crashed.partition.leader).toBe(0); // not fenced yet: 9 s session timeout

    run.advanceTo(12_000);
    const after = run.snapshot();
    expect(after.partition.leader).toBe(1);
    expect(after.brokers[0]!.fenced).toBe(true);
    expect(after.partition.leaderEpoch).toBeGreaterThan(0);
  });

  it("the snapshot shows the messages on the wire: requests, acks, follower and consumer fetches", () => {
    // The consumer joins after the 3 s initial rebalance delay and auto-commits every 5 s.
    const run = createRun(scenario({ producer: { messages: 1000 }, durationMs: 12_000, cluster: { networkDelayMs: 5 } }));
    const kinds = new Set<string>();
    for (let t = 100; t < 11_000; t += 3) {
      run.advanceTo(t);
      const { network, atMs } = run.snapshot();
      for (const m of network) {
        // In flight: sent already, not arrived yet, between real nodes.
        expect(m.sentMs).toBeLessThanOrEqual(atMs);
        expect(m.arriveMs).toBeGreaterThan(atMs);
        expect(m.from).not.toBe(m.to);
        kinds.add(m.kind);
      }
    }
    expect([...kinds].sort()).toEqual(["commit", "commit-response", "consumer-fetch", "consumer-fetch-response", "fetch", "fetch-response", "produce", "produce-response"]);
    // With a trail window, messages that arrived within it are listed too, and nothing older.
    const busy = createRun(run.scenario);
    busy.advanceTo(2_000);
    const withTrail = busy.snapshot(50).network;
    expect(withTrail.length).toBeGreaterThan(busy.snapshot().network.length);
    for (const m of withTrail) expect(m.arriveMs).toBeGreaterThan(busy.nowMs - 50);
  });

  it("isolated brokers send nothing: no message to or from them is on the wire", () => {
    const run = createRun(scenario({ producer: { messages: 300 }, durationMs: 5_000, faults: [{ atMs: 1000, type: "isolate-broker", broker: 2, durationMs: 2000 }] }));
    for (let t = 1100; t < 2900; t += 13) {
      run.advanceTo(t);
      for (const m of run.snapshot().network) expect(m.from === 2 || m.to === 2).toBe(false);
    }
  });

  it("snapshots are plain data that survive structuredClone and JSON", () => {
    const run = createRun(scenario(faulty));
    run.advanceTo(3000);
    const snap = run.snapshot();
    expect(structuredClone(snap)).toEqual(snap);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const log = snap.brokers[0]!.log;
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ baseOffset: 0, firstMessage: 1, epoch: 0 });
    // Nothing has reached disk yet: 3 s < pageCacheFlushMs, no fsync configured.
    expect(log.every((b) => !b.durable)).toBe(true);
  });

  it("the event log setting filters routine events without changing the outcome", () => {
    const all = runScenario(faulty);
    const key = runScenario({ ...faulty, eventLog: "key" });
    const none = runScenario({ ...faulty, eventLog: "none" });
    if (!all.ok || !key.ok || !none.ok) throw new Error("invalid");
    expect(key.output.log).toEqual(all.output.log);
    expect(none.output.consumer).toEqual(all.output.consumer);
    expect(none.output.events).toEqual([]);
    expect(key.output.events.some((e) => e.type === "appended")).toBe(false);
    expect(key.output.events.some((e) => e.type === "leader-elected")).toBe(true);
    expect(key.output.events.length).toBeLessThan(all.output.events.length);
  });

  it("the seed changes the network jitter, and so the run", () => {
    const a = runScenario({ ...faulty, seed: 1 });
    const b = runScenario({ ...faulty, seed: 2 });
    if (!a.ok || !b.ok) throw new Error("invalid");
    expect(JSON.stringify(a.output.events)).not.toEqual(JSON.stringify(b.output.events));
  });

  it("a disabled consumer reads nothing and reports no lag", () => {
    const r = runScenario({ consumer: { enabled: false }, producer: { messages: 50 } });
    if (!r.ok) throw new Error(r.error);
    expect(r.output.consumer).toEqual({ processed: 0, unique: 0, duplicates: 0, missed: 0, lag: 0, rebalances: 0 });
    expect(r.output.log.committed).toBe(50);
  });
});

describe("engine robustness (regressions found in review)", () => {
  const out = (input: ScenarioInput) => {
    const r = runScenario(input);
    if (!r.ok) throw new Error(r.error);
    return r.output;
  };

  it("a short max.poll.interval.ms while the consumer is still joining does not stop the clock", () => {
    expect(() => out({ consumer: { maxPollIntervalMs: 1000 } })).not.toThrow();
    expect(() => out({ durationMs: 600_000, faults: [{ atMs: 20_000, type: "stall-consumer", durationMs: 400_000 }, { atMs: 25_000, type: "pause-consumer", durationMs: 60_000 }] })).not.toThrow();
  });

  it("timers work again after a restart: a restarted consumer that stalls is still removed", () => {
    const o = out({
      durationMs: 600_000,
      faults: [
        { atMs: 10_000, type: "crash-consumer", restartAfterMs: 1000 },
        { atMs: 70_000, type: "stall-consumer", durationMs: 400_000 },
      ],
    });
    expect(o.events.filter((e) => e.type === "member-removed").map((e) => e.reason)).toContain("max-poll-interval-exceeded");
  });

  it("a single broker that restarts keeps serving its consumer", () => {
    const o = out({ durationMs: 600_000, cluster: { brokers: 1, replicationFactor: 1 }, producer: { messages: 10 }, faults: [{ atMs: 20_000, type: "crash-broker", broker: 0, restartAfterMs: 10 }] });
    expect(o.consumer.unique).toBe(10);
    expect(o.events.some((e) => e.type === "member-removed")).toBe(false);
  });

  it("a healed isolation never starts a second poll loop: polls read consecutive offsets", () => {
    const o = out({
      durationMs: 120_000,
      cluster: { brokerSessionTimeoutMs: 1000 },
      producer: { intervalMs: 100 },
      consumer: { processingMs: 10 },
      faults: [
        { atMs: 63_263, type: "pause-consumer", durationMs: 8742 },
        { atMs: 60_570, type: "isolate-broker", broker: 2, durationMs: 5389 },
      ],
    });
    const polls = o.events.filter((e) => e.type === "polled");
    for (let i = 1; i < polls.length; i++) expect(polls[i]!.offsets![0]).toBe(polls[i - 1]!.offsets![1] + 1);
    expect(o.consumer.duplicates).toBe(0);
  });

  it("a join started before a crash does not complete in the restarted process's life", () => {
    const o = out({
      durationMs: 130_000,
      cluster: { networkDelayMs: 10 },
      faults: [
        { atMs: 3030, type: "crash-consumer", restartAfterMs: 0 },
        { atMs: 60_000, type: "pause-consumer", durationMs: 60_000 },
      ],
    });
    const joinedWhileFrozen = o.events.filter((e) => e.type === "group-joined" && e.atMs > 60_000 && e.atMs < 120_000);
    expect(joinedWhileFrozen).toEqual([]);
  });

  it("two GC pauses shorter than the session, with heartbeats between them, remove no member", () => {
    // 8 s pauses at 20 s and 32 s with a 15 s session: the member heartbeats from 28 s to 32 s.
    const faults = [
      { atMs: 20_000, type: "pause-consumer", durationMs: 8_000 },
      { atMs: 32_000, type: "pause-consumer", durationMs: 8_000 },
    ] as const;
    const ok = runScenario({ durationMs: 60_000, consumer: { sessionTimeoutMs: 15_000 }, faults: [...faults] });
    expect(ok.ok && ok.output.consumer.rebalances).toBe(0);
    // One pause longer than the session still removes it.
    const long = runScenario({ durationMs: 60_000, consumer: { sessionTimeoutMs: 15_000 }, faults: [{ atMs: 20_000, type: "pause-consumer", durationMs: 20_000 }] });
    expect(long.ok && long.output.consumer.rebalances).toBe(1);
  });

  it("every processed record appears in a processed event", () => {
    const o = out({ consumer: { processingMs: 20 }, faults: [{ atMs: 20_000, type: "pause-consumer", durationMs: 1000 }] });
    const logged = o.events.filter((e) => e.type === "processed").reduce((n, e) => n + e.offsets![1] - e.offsets![0] + 1, 0);
    expect(logged).toBe(o.consumer.processed);
  });

  it("an offline partition with nothing to send costs little work", () => {
    const parsed = parseScenario({ durationMs: 600_000, eventLog: "none", cluster: { brokers: 1, replicationFactor: 1 }, faults: [{ atMs: 5000, type: "crash-broker", broker: 0 }] });
    if (!parsed.ok) throw new Error(parsed.error);
    const run = createRun(parsed.scenario);
    run.runToEnd();
    expect(run.steps).toBeLessThan(60_000);
  });
});
