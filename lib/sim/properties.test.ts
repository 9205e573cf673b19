/**
 * Many-seeds property tests: random configurations and fault schedules, with invariants that
 * must hold for every one of them. fast-check shrinks a failure to a minimal scenario and prints
 * it, so a failing property is a reproducible bug report.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRun, parseScenario, runScenario, COMMIT_STRATEGIES, type ScenarioInput } from "./index";

const DURATION_MS = 40_000;
const brokerRef = fc.constantFrom<0 | 1 | 2 | "leader" | "followers" | "last-crashed">(0, 1, 2, "leader", "followers", "last-crashed");
const atMs = fc.integer({ min: 0, max: 30_000 });
const durationMs = fc.integer({ min: 50, max: 40_000 });
const restartAfterMs = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined });

const faultArb = (withPowerLoss: boolean) =>
  fc.oneof(
    fc.record({ atMs, type: fc.constant("crash-broker" as const), broker: brokerRef, restartAfterMs }, { requiredKeys: ["atMs", "type", "broker"] }),
    fc.record({ atMs, type: fc.constant("restart-broker" as const), broker: brokerRef }),
    fc.record({ atMs, type: fc.constant("pause-replication" as const), broker: brokerRef, durationMs }),
    fc.record({ atMs, type: fc.constant("isolate-broker" as const), broker: brokerRef, durationMs }),
    fc.record({ atMs, type: fc.constant("drop-requests" as const), durationMs }),
    fc.record({ atMs, type: fc.constant("drop-responses" as const), durationMs }),
    fc.record({ atMs, type: fc.constant("crash-consumer" as const), restartAfterMs }, { requiredKeys: ["atMs", "type"] }),
    fc.record({ atMs, type: fc.constant("stall-consumer" as const), durationMs }),
    fc.record({ atMs, type: fc.constant("pause-consumer" as const), durationMs }),
    ...(withPowerLoss
      ? [fc.record({ atMs, type: fc.constant("power-loss" as const), brokers: fc.constantFrom<"all" | (0 | 1 | 2 | "leader")[]>("all", [0], ["leader"], [1, 2]), restartAfterMs }, { requiredKeys: ["atMs", "type", "brokers"] })]
      : []),
  );

/**
 * Loss needs faults that line up (followers behind, then the leader gone), which independent
 * random faults rarely do; these pairs make such schedules common so the properties bite.
 */
const lagThenLeaderLoss = fc
  .record({ t: fc.integer({ min: 0, max: 25_000 }), lagMs: fc.integer({ min: 100, max: 35_000 }), gapMs: fc.integer({ min: 0, max: 34_000 }), lagBy: fc.constantFrom("pause-replication", "crash-broker", "isolate-broker"), restart: restartAfterMs })
  .map(({ t, lagMs, gapMs, lagBy, restart }) => [
    lagBy === "crash-broker"
      ? { atMs: t, type: "crash-broker" as const, broker: "followers" as const, restartAfterMs: lagMs }
      : { atMs: t, type: lagBy as "pause-replication" | "isolate-broker", broker: "followers" as const, durationMs: lagMs },
    { atMs: Math.min(t + Math.min(gapMs, lagMs), 30_000), type: "crash-broker" as const, broker: "leader" as const, ...(restart !== undefined ? { restartAfterMs: restart } : {}) },
  ]);

const faultsArb = (withPowerLoss: boolean) =>
  fc
    .tuple(fc.array(faultArb(withPowerLoss), { maxLength: 6 }), fc.array(lagThenLeaderLoss, { maxLength: 2 }))
    .map(([single, pairs]) => [...single, ...pairs.flat()].sort((a, b) => a.atMs - b.atMs));

const anyScenario = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  durationMs: fc.constant(DURATION_MS),
  eventLog: fc.constant("key" as const),
  cluster: fc.record({
    minInsyncReplicas: fc.integer({ min: 1, max: 3 }),
    uncleanLeaderElection: fc.boolean(),
    flushIntervalMessages: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    pageCacheFlushMs: fc.integer({ min: 0, max: 40_000 }),
    freezeHighWatermarkBelowMinIsr: fc.boolean(),
  }),
  producer: fc.record({
    acks: fc.constantFrom("all", "1", "0"),
    maxInFlight: fc.integer({ min: 1, max: 5 }),
    messages: fc.integer({ min: 0, max: 400 }),
    intervalMs: fc.integer({ min: 0, max: 40 }),
    retries: fc.constantFrom(0, 3, 2_147_483_647),
  }),
  consumer: fc.record({
    commit: fc.constantFrom(...COMMIT_STRATEGIES),
    processingMs: fc.integer({ min: 0, max: 30 }),
    maxPollRecords: fc.integer({ min: 1, max: 500 }),
    autoOffsetReset: fc.constantFrom("latest", "earliest"),
  }),
  faults: faultsArb(true),
});

function parse(input: ScenarioInput) {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

describe("invariants over random fault schedules", () => {
  it("the leader's high watermark never exceeds the log end offset of any ISR member", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), faultsArb(false), (seed, minIsr, unclean, faults) => {
        const run = createRun(parse({ seed, durationMs: DURATION_MS, eventLog: "none", cluster: { minInsyncReplicas: minIsr, uncleanLeaderElection: unclean }, producer: { messages: 1000, intervalMs: 30 }, faults }));
        for (let t = 0; t <= DURATION_MS; t += 250) {
          run.advanceTo(t);
          const snap = run.snapshot();
          const leader = snap.partition.leader;
          if (leader === null || snap.brokers[leader]!.role !== "leader") continue;
          const hw = snap.brokers[leader]!.highWatermark;
          for (const id of snap.partition.isr) expect(hw, `t=${t} broker ${id}`).toBeLessThanOrEqual(snap.brokers[id]!.logEndOffset);
          expect(hw).toBeLessThanOrEqual(snap.brokers[leader]!.logEndOffset);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("acks=all + minISR≥2 + unclean election off loses no acknowledged message without power loss", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 5 }), faultsArb(false), (seed, minIsr, maxInFlight, faults) => {
        const r = runScenario({ seed, durationMs: DURATION_MS, eventLog: "none", cluster: { minInsyncReplicas: minIsr }, producer: { acks: "all", maxInFlight, messages: 1000, intervalMs: 30 }, faults });
        if (!r.ok) throw new Error(r.error);
        expect(r.output.messages.lostAcknowledged).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it("the idempotent producer never writes a duplicate or reorders within one producer epoch", () => {
    // Short timeouts make batches expire, which forces epoch bumps: the one case where a batch whose
    // earlier attempt may have been written is renumbered and can be written again.
    const timeouts = fc.constantFrom({}, { requestTimeoutMs: 300, deliveryTimeoutMs: 1500, retryBackoffMs: 200 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 5 }), timeouts, faultsArb(false), (seed, maxInFlight, extra, faults) => {
        const r = runScenario({ seed, durationMs: DURATION_MS, eventLog: "key", cluster: { minInsyncReplicas: 2 }, producer: { acks: "all", maxInFlight, messages: 1000, intervalMs: 30, ...extra }, faults });
        if (!r.ok) throw new Error(r.error);
        if (r.output.events.some((e) => e.type === "producer-epoch-bumped")) return;
        expect(r.output.messages.duplicates).toEqual([]);
        expect(r.output.messages.outOfOrder).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("any scenario runs to the end with a consistent audit, and the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const a = runScenario(input);
        if (!a.ok) return; // e.g. retries 0 with idempotence unset is valid; other combinations are rejected by design
        const { producer, log, consumer, cluster } = a.output;
        expect(producer.acknowledged + producer.failed + producer.pending).toBe(producer.sent);
        expect(log.committed).toBe(cluster.highWatermark);
        expect(log.lostAcknowledged + log.unavailableAcknowledged).toBeLessThanOrEqual(producer.acknowledged);
        expect(consumer.unique).toBeLessThanOrEqual(consumer.processed);
        expect(consumer.unique).toBeLessThanOrEqual(producer.sent);
        for (const leo of Object.values(cluster.logEndOffsets)) expect(leo).toBeGreaterThanOrEqual(0);
        if (cluster.leader !== null) expect(cluster.highWatermark).toBeLessThanOrEqual(cluster.logEndOffsets[String(cluster.leader)]!);
        const b = runScenario(input);
        expect(b.ok && JSON.stringify(b.output)).toBe(JSON.stringify(a.output));
      }),
      { numRuns: 150 },
    );
  });
});
