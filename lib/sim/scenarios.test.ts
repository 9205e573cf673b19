/**
 * Golden scenarios: each teaches one way Kafka loses (or keeps) messages, and each asserts the
 * audit that a Kafka engineer would expect, with the configuration change that prevents it.
 */
import { describe, expect, it } from "vitest";
import { runScenario, type ScenarioInput, type SimOutput } from "./index";

function run(input: ScenarioInput): SimOutput {
  const result = runScenario(input);
  if (!result.ok) throw new Error(result.error);
  return result.output;
}

const types = (out: SimOutput) => out.events.map((e) => e.type);

describe("acks and a leader that dies before its followers catch up", () => {
  // Followers stop fetching at 2 s; the leader crashes at 5 s, while the followers are still in
  // the ISR (less than replicaLagTimeMaxMs behind), so the election is clean.
  const faults: ScenarioInput["faults"] = [
    { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 20_000 },
    { atMs: 5000, type: "crash-broker", broker: "leader" },
  ];

  it("acks=1 loses writes the old leader acknowledged alone", () => {
    const out = run({ producer: { acks: "1" }, faults });
    const election = out.events.find((e) => e.type === "leader-elected" && e.reason === "leader-fenced");
    expect(election).toMatchObject({ broker: 1, unclean: false });
    expect(out.log.lostAcknowledged).toBeGreaterThan(100);
    // Every lost message was acknowledged by broker 0 with no follower holding it.
    const lost = new Set(out.messages.lostAcknowledged);
    const acks = out.events.filter((e) => e.type === "acknowledged" && e.messages && lost.has(e.messages[0]));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.replicas).toEqual([0]);
    // Broker 0 stays down and is out of the ISR, so nothing can bring those records back.
    expect(out.cluster.leader).toBe(1);
    expect(out.log.unavailableAcknowledged).toBe(0);
  });

  it("acks=all loses nothing: unreplicated writes are never acknowledged", () => {
    const out = run({ producer: { acks: "all" }, faults });
    expect(out.log.lostAcknowledged).toBe(0);
    expect(out.producer.acknowledged).toBe(out.producer.sent);
    expect(out.log.committed).toBe(out.producer.sent);
    expect(out.log.duplicates).toBe(0);
  });
});

describe("ISR shrinking to the leader alone", () => {
  // Followers stop fetching at 1 s; the ISR check (every 15 s) drops them once they are more than
  // 30 s behind, at 45 s; the leader keeps acknowledging alone and crashes at 47 s.
  const base: ScenarioInput = {
    durationMs: 90_000,
    producer: { acks: "all", messages: 6000 },
    faults: [
      { atMs: 1000, type: "pause-replication", broker: "followers", durationMs: 58_000 },
      { atMs: 47_000, type: "crash-broker", broker: "leader" },
    ],
  };

  it("shrinks the ISR after replicaLagTimeMaxMs and an unclean election then loses acknowledged data", () => {
    const out = run({ ...base, cluster: { uncleanLeaderElection: true } });
    const shrink = out.events.find((e) => e.type === "isr-shrink" && e.reason === "lagging");
    expect(shrink).toMatchObject({ atMs: 45_000, isr: [0] });
    expect(out.events.find((e) => e.type === "leader-elected" && e.unclean)).toMatchObject({ broker: 1 });
    expect(out.log.lostAcknowledged).toBeGreaterThan(1000);
    // The consumer had read records that the truncation then removed from the log.
    expect(types(out)).toContain("consumer-truncation-detected");
  });

  it("with unclean election off the partition goes offline instead: unavailable, not lost", () => {
    const out = run({ ...base, cluster: { uncleanLeaderElection: false } });
    expect(types(out)).toContain("partition-offline");
    expect(out.cluster.leader).toBeNull();
    expect(out.cluster.offlineMs).toBeGreaterThan(30_000);
    expect(out.log.lostAcknowledged).toBe(0);
    expect(out.log.unavailableAcknowledged).toBe(out.producer.acknowledged);
  });
});

describe("min.insync.replicas", () => {
  const followersDown: ScenarioInput["faults"] = [{ atMs: 2000, type: "crash-broker", broker: "followers" }];

  it("minISR=2 rejects writes with NOT_ENOUGH_REPLICAS once the ISR is the leader alone", () => {
    const out = run({ durationMs: 200_000, producer: { acks: "all" }, cluster: { minInsyncReplicas: 2 }, faults: followersDown });
    expect(out.producer.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0);
    expect(out.producer.failed).toBeGreaterThan(0);
    expect(out.producer.acknowledged).toBeLessThan(out.producer.sent);
    expect(out.log.lostAcknowledged).toBe(0);
  });

  it("minISR=1 keeps acknowledging on the leader alone", () => {
    const out = run({ durationMs: 200_000, producer: { acks: "all" }, cluster: { minInsyncReplicas: 1 }, faults: followersDown });
    expect(out.producer.errors.NOT_ENOUGH_REPLICAS).toBeUndefined();
    expect(out.producer.acknowledged).toBe(out.producer.sent);
    expect(out.cluster.isr).toEqual([0]);
  });

  it("since 3.7 the HW stays put below minISR, so a pending write times out; before 3.7 it failed AFTER_APPEND", () => {
    const faults: ScenarioInput["faults"] = [
      { atMs: 2000, type: "pause-replication", broker: 2, durationMs: 60_000 },
      { atMs: 3000, type: "crash-broker", broker: 1 },
    ];
    const modern = run({ producer: { acks: "all" }, cluster: { minInsyncReplicas: 2 }, faults });
    expect(modern.producer.errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND).toBeUndefined();
    expect(modern.producer.errors.REQUEST_TIMED_OUT).toBeGreaterThan(0);
    expect(modern.cluster.highWatermark).toBeLessThan(modern.cluster.logEndOffsets["0"]!);
    const old = run({ producer: { acks: "all" }, cluster: { minInsyncReplicas: 2, freezeHighWatermarkBelowMinIsr: false }, faults });
    expect(old.producer.errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND).toBeGreaterThan(0);
    expect(old.producer.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0);
  });
});

describe("power loss and the page cache", () => {
  const faults: ScenarioInput["faults"] = [{ atMs: 9000, type: "power-loss", brokers: "all", restartAfterMs: 5000 }];

  it("loses acknowledged writes that were only in the page cache of every replica", () => {
    const out = run({ producer: { acks: "all" }, cluster: { minInsyncReplicas: 2 }, faults });
    expect(out.log.lostAcknowledged).toBeGreaterThan(800);
    expect(out.events.filter((e) => e.type === "unflushed-data-lost")).toHaveLength(3);
  });

  it("keeps them when every message is flushed (flush.messages=1)", () => {
    const out = run({ producer: { acks: "all" }, cluster: { minInsyncReplicas: 2, flushIntervalMessages: 1 }, faults });
    expect(out.log.lostAcknowledged).toBe(0);
    expect(types(out)).not.toContain("unflushed-data-lost");
  });

  it("keeps data the OS already wrote back (older than pageCacheFlushMs)", () => {
    const out = run({ producer: { acks: "all" }, cluster: { pageCacheFlushMs: 1000 }, faults });
    // Only the last second or so before the outage was still in memory.
    expect(out.log.lostAcknowledged).toBeGreaterThan(0);
    expect(out.log.lostAcknowledged).toBeLessThan(150);
  });

  it("a process crash keeps the page cache: nothing is lost", () => {
    const out = run({ producer: { acks: "all" }, faults: [{ atMs: 9000, type: "crash-broker", broker: "leader", restartAfterMs: 2000 }] });
    expect(out.log.lostAcknowledged).toBe(0);
  });
});

describe("retries, duplicates and ordering", () => {
  const lostResponses: ScenarioInput["faults"] = [{ atMs: 3000, type: "drop-responses", durationMs: 2000 }];
  const lostRequest: ScenarioInput["faults"] = [{ atMs: 3000, type: "drop-requests", durationMs: 15 }];

  it("lost responses + retries write duplicates without idempotence", () => {
    const out = run({ producer: { acks: "all", enableIdempotence: false }, faults: lostResponses });
    expect(out.log.duplicates).toBeGreaterThan(0);
    expect(out.producer.errors.REQUEST_TIMED_OUT).toBeGreaterThan(0);
    expect(out.consumer.duplicates).toBe(out.log.duplicates);
  });

  it("the idempotent producer's retries are deduplicated by the broker", () => {
    const out = run({ producer: { acks: "all", enableIdempotence: true }, faults: lostResponses });
    expect(out.producer.retries).toBeGreaterThan(0);
    expect(out.log.duplicates).toBe(0);
    expect(types(out)).toContain("duplicate-ignored");
  });

  it("a retried batch lands after later pipelined batches without idempotence", () => {
    const out = run({ producer: { acks: "1", maxInFlight: 5 }, faults: lostRequest });
    expect(out.scenario.producer.enableIdempotence).toBe(false);
    expect(out.log.outOfOrder).toBeGreaterThan(0);
  });

  it("order holds with maxInFlight 1, or with idempotence at maxInFlight 5", () => {
    const one = run({ producer: { acks: "1", maxInFlight: 1 }, faults: lostRequest });
    expect(one.log.outOfOrder).toBe(0);
    expect(one.producer.retries).toBeGreaterThan(0);
    const idem = run({ producer: { acks: "all", maxInFlight: 5 }, faults: lostRequest });
    expect(idem.scenario.producer.enableIdempotence).toBe(true);
    expect(idem.log.outOfOrder).toBe(0);
    expect(idem.producer.errors.OUT_OF_ORDER_SEQUENCE_NUMBER).toBeGreaterThan(0);
  });

  it("acks=0 counts a record as sent once written to the socket, so a dead leader swallows it", () => {
    const out = run({ producer: { acks: "0" }, faults: [{ atMs: 5000, type: "power-loss", brokers: [0] }] });
    expect(out.producer.retries).toBe(0);
    expect(out.log.lostAcknowledged).toBeGreaterThan(0);
  });
});

describe("consumer commit strategies when the consumer crashes", () => {
  // Processing (20 ms a record) is slower than arrival (10 ms), so work is always outstanding.
  const crash = (commit: string) =>
    run({
      consumer: { commit: commit as never, processingMs: 20 },
      faults: [{ atMs: 9003, type: "crash-consumer", restartAfterMs: 1000 }],
    });

  it("auto-commit in a synchronous poll loop is at-least-once: duplicates, nothing missed", () => {
    const out = crash("auto");
    expect(out.consumer.missed).toBe(0);
    expect(out.consumer.duplicates).toBeGreaterThan(0);
    expect(out.consumer.rebalances).toBe(1);
  });

  it("auto-commit with processing handed to another thread skips records it never processed", () => {
    const out = crash("auto-async-processing");
    expect(out.consumer.missed).toBeGreaterThan(0);
    expect(out.consumer.duplicates).toBe(0);
  });

  it("commitSync after processing is at-least-once", () => {
    const out = crash("sync-after-processing");
    expect(out.consumer.missed).toBe(0);
    expect(out.consumer.duplicates).toBeGreaterThan(0);
  });

  it("commitAsync after processing is at-least-once too", () => {
    const out = crash("async-after-processing");
    expect(out.consumer.missed).toBe(0);
    expect(out.consumer.duplicates).toBeGreaterThan(0);
  });

  it("committing before processing is at-most-once: the batch in hand is skipped", () => {
    const out = crash("before-processing");
    expect(out.consumer.missed).toBeGreaterThan(0);
    expect(out.consumer.duplicates).toBe(0);
  });

  it("a restarted consumer waits for the dead member's session to expire (classic protocol)", () => {
    const out = crash("sync-after-processing");
    const removed = out.events.find((e) => e.type === "member-removed")!;
    expect(removed.reason).toBe("session-timeout");
    // Crash at ~9 s; last heartbeat 3 s before at the earliest; 45 s session timeout.
    expect(removed.atMs).toBeGreaterThanOrEqual(9003 - 3000 + 45_000);
    expect(removed.atMs).toBeLessThanOrEqual(9003 + 45_000);
  });
});

describe("rebalances", () => {
  it("a stall longer than max.poll.interval.ms removes the member; its commit fails and records are redelivered", () => {
    const out = run({
      consumer: { commit: "sync-after-processing", maxPollIntervalMs: 10_000 },
      faults: [{ atMs: 8000, type: "stall-consumer", durationMs: 15_000 }],
    });
    const removed = out.events.find((e) => e.type === "member-removed");
    expect(removed).toMatchObject({ reason: "max-poll-interval-exceeded" });
    expect(out.events.find((e) => e.type === "commit-failed")).toMatchObject({ error: "UNKNOWN_MEMBER_ID" });
    expect(out.consumer.rebalances).toBe(1);
    expect(out.consumer.duplicates).toBeGreaterThan(0);
    expect(out.consumer.missed).toBe(0);
  });

  it("a stall shorter than max.poll.interval.ms causes no rebalance", () => {
    const out = run({ consumer: { commit: "sync-after-processing" }, faults: [{ atMs: 8000, type: "stall-consumer", durationMs: 15_000 }] });
    expect(out.consumer.rebalances).toBe(0);
    expect(out.consumer.duplicates).toBe(0);
  });

  it("a process pause longer than session.timeout.ms (no heartbeats) removes the member", () => {
    const out = run({
      consumer: { commit: "sync-after-processing", sessionTimeoutMs: 6000, heartbeatIntervalMs: 2000 },
      faults: [{ atMs: 8000, type: "pause-consumer", durationMs: 8000 }],
    });
    expect(out.events.find((e) => e.type === "member-removed")).toMatchObject({ reason: "session-timeout" });
    expect(out.consumer.rebalances).toBe(1);
    const same = run({ consumer: { commit: "sync-after-processing" }, faults: [{ atMs: 8000, type: "pause-consumer", durationMs: 8000 }] });
    expect(same.consumer.rebalances).toBe(0);
  });
});

describe("leader epochs and truncation (KIP-101)", () => {
  it("a returning old leader truncates the records it wrote alone, by leader epoch", () => {
    const out = run({
      producer: { acks: "1" },
      faults: [
        { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 5000 },
        { atMs: 4000, type: "crash-broker", broker: "leader", restartAfterMs: 15_000 },
      ],
    });
    const truncated = out.events.find((e) => e.type === "truncated" && e.broker === 0);
    expect(truncated).toBeDefined();
    expect(truncated!.reason).toBe("diverging-epoch");
    // After truncation every replica holds the same log.
    const leos = Object.values(out.cluster.logEndOffsets);
    expect(new Set(leos).size).toBe(1);
    expect(out.log.lostAcknowledged).toBeGreaterThan(0);
  });
});

describe("details a Kafka engineer would check", () => {
  it("a consumer restarting from a commit into a truncated range detects it through the committed epoch (KIP-320)", () => {
    const out = run({
      durationMs: 120_000,
      producer: { acks: "all", messages: 6000 },
      cluster: { uncleanLeaderElection: true },
      consumer: { commit: "sync-after-processing" },
      faults: [
        { atMs: 1000, type: "pause-replication", broker: "followers", durationMs: 58_000 },
        { atMs: 46_000, type: "crash-consumer", restartAfterMs: 15_000 },
        { atMs: 47_000, type: "crash-broker", broker: "leader" },
      ],
    });
    expect(out.events.find((e) => e.type === "consumer-truncation-detected")).toBeDefined();
    // Records the new leader wrote after the divergence point are read, not skipped.
    expect(out.consumer.missed).toBe(0);
  });

  it("min.insync.replicas above the replica count is capped at it (Partition.effectiveMinIsr)", () => {
    const out = run({ cluster: { brokers: 1, replicationFactor: 1, minInsyncReplicas: 2 }, producer: { acks: "all" } });
    expect(out.producer.errors).toEqual({});
    expect(out.log.committed).toBe(out.producer.sent);
  });

  it("a broker that restarts while cut off is fenced when it re-registers, and leadership moves", () => {
    const out = run({
      durationMs: 30_000,
      producer: { acks: "1" },
      faults: [
        { atMs: 5000, type: "crash-broker", broker: "leader", restartAfterMs: 2000 },
        { atMs: 5001, type: "isolate-broker", broker: 0, durationMs: 3000 },
      ],
    });
    const fenced = out.events.find((e) => e.type === "broker-fenced" && e.broker === 0)!;
    expect(fenced.atMs).toBeGreaterThanOrEqual(8001);
    expect(out.events.find((e) => e.type === "leader-elected" && e.reason === "leader-fenced")).toMatchObject({ broker: 1 });
  });

  it("a follower that stopped fetching an idle partition stays in the ISR while it has everything (Replica.isCaughtUp)", () => {
    const out = run({ durationMs: 90_000, producer: { messages: 100 }, faults: [{ atMs: 5000, type: "pause-replication", broker: "followers", durationMs: 60_000 }] });
    expect(out.events.filter((e) => e.type === "isr-shrink")).toEqual([]);
    expect(out.cluster.isr).toEqual([0, 1, 2]);
  });

  it("retries back off exponentially up to retryBackoffMaxMs (KIP-580)", () => {
    const out = run({ durationMs: 90_000, cluster: { minInsyncReplicas: 2 }, producer: { acks: "all", enableIdempotence: false, maxInFlight: 1 }, faults: [{ atMs: 1000, type: "crash-broker", broker: "followers" }] });
    const errors = out.events.filter((e) => e.type === "produce-error" && e.error === "NOT_ENOUGH_REPLICAS" && e.messages?.[0] === out.events.find((x) => x.type === "produce-error" && x.error === "NOT_ENOUGH_REPLICAS")!.messages![0]);
    const gaps = errors.slice(1).map((e, i) => e.atMs - errors[i]!.atMs);
    expect(gaps.length).toBeGreaterThan(8);
    // The first retry here is already the second attempt (the first timed out): 200 ms ± 20 %.
    expect(gaps[0]!).toBeLessThan(300);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    for (const gap of gaps.slice(6)) {
      expect(gap).toBeGreaterThan(750);
      expect(gap).toBeLessThan(1250);
    }
  });

  it("a brand-new group with auto.offset.reset=latest skips what was written before its first assignment", () => {
    const latest = run({ consumer: { initialCommittedOffset: null, autoOffsetReset: "latest" } });
    const join = latest.events.find((e) => e.type === "group-joined")!;
    // group.initial.rebalance.delay.ms holds the first assignment for 3 s.
    expect(join.atMs).toBeGreaterThanOrEqual(3000);
    expect(latest.consumer.missed).toBeGreaterThan(250);
    const earliest = run({ consumer: { initialCommittedOffset: null, autoOffsetReset: "earliest" } });
    expect(earliest.consumer.missed).toBe(0);
    expect(earliest.consumer.unique).toBe(earliest.producer.sent);
  });
});
