import { describe, expect, it } from "vitest";
import { parseScenario, SCHEMA_FAULT_TYPES } from "./scenario";
import { FAULT_TYPES } from "./scenario-names";
import { newFault } from "../../components/sim/new-fault";

describe("the scenario's names, kept apart from the validator for pages", () => {
  it("lists exactly the fault types the schema accepts, in its order", () => {
    expect([...FAULT_TYPES]).toEqual(SCHEMA_FAULT_TYPES);
    // Each one, as the Lab's editor first drafts it, is a valid fault.
    for (const type of FAULT_TYPES) expect(parseScenario({ faults: [newFault(type, 1000)] }), type).toMatchObject({ ok: true });
  });
});

describe("parseScenario defaults", () => {
  it("fills every default with current Kafka values", () => {
    const r = parseScenario({});
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario).toMatchObject({
      seed: 1,
      durationMs: 60_000,
      cluster: { brokers: 3, replicationFactor: 3, minInsyncReplicas: 1, uncleanLeaderElection: false, replicaLagTimeMaxMs: 30_000, brokerSessionTimeoutMs: 9_000, flushIntervalMessages: null, flushIntervalMs: null, pageCacheFlushMs: 30_000, freezeHighWatermarkBelowMinIsr: true, groupInitialRebalanceDelayMs: 3_000 },
      producer: { acks: "all", enableIdempotence: true, retries: 2_147_483_647, maxInFlight: 5, requestTimeoutMs: 30_000, deliveryTimeoutMs: 120_000, retryBackoffMs: 100, retryBackoffMaxMs: 1_000, lingerMs: 5 },
      consumer: { enabled: true, commit: "auto", autoCommitIntervalMs: 5_000, maxPollRecords: 500, autoOffsetReset: "latest", sessionTimeoutMs: 45_000, heartbeatIntervalMs: 3_000, maxPollIntervalMs: 300_000, initialCommittedOffset: 0 },
      faults: [],
    });
  });

  it("turns idempotence off when it was left unset and acks or retries conflict (Kafka 3.x)", () => {
    for (const producer of [{ acks: "1" }, { acks: "0" }, { retries: 0 }] as const) {
      const r = parseScenario({ producer });
      expect(r.ok && r.scenario.producer.enableIdempotence).toBe(false);
    }
  });

  it("raises an unset delivery timeout to requestTimeoutMs + lingerMs, as KafkaProducer does", () => {
    const r = parseScenario({ producer: { requestTimeoutMs: 200_000 } });
    expect(r.ok && r.scenario.producer.deliveryTimeoutMs).toBe(200_005);
  });

  it("accepts Kafka's other spellings of acks", () => {
    for (const [input, acks] of [["-1", "all"], [-1, "all"], [1, "1"], [0, "0"]] as const) {
      const r = parseScenario({ producer: { acks: input } });
      expect(r.ok && r.scenario.producer.acks).toBe(acks);
    }
  });

  it("is a fixed point: the normalised scenario parses to itself", () => {
    const first = parseScenario({ producer: { acks: "1" }, faults: [{ atMs: 10, type: "power-loss", broker: "leader" }] });
    if (!first.ok) throw new Error(first.error);
    const second = parseScenario(JSON.parse(JSON.stringify(first.scenario)));
    expect(second).toEqual(first);
    expect(first.scenario.faults[0]).toEqual({ atMs: 10, type: "power-loss", brokers: ["leader"] });
  });
});

describe("parseScenario errors name the field", () => {
  // [input, path the message starts with, a fragment of the explanation]
  const cases: [unknown, string, string][] = [
    ["not an object", "scenario", "expected object"],
    [null, "scenario", "expected object"],
    [[], "scenario", "expected object"],
    [{ speed: 2 }, "scenario", 'unknown field "speed"'],
    [{ cluster: { brokerz: 3 } }, "cluster", 'unknown field "brokerz"'],
    [{ seed: "x" }, "seed", "expected number"],
    [{ seed: 1.5 }, "seed", "whole number"],
    [{ durationMs: -1 }, "durationMs", ">=1"],
    [{ durationMs: 0 }, "durationMs", ">=1"],
    [{ eventLog: "some" }, "eventLog", "expected one of"],
    [{ cluster: { brokers: 0 } }, "cluster.brokers", ">=1"],
    [{ cluster: { replicationFactor: 4 } }, "cluster.replicationFactor", "more than the 3 brokers"],
    [{ cluster: { networkDelayMs: -5 } }, "cluster.networkDelayMs", ">=1"],
    [{ cluster: { networkDelayMs: 0 } }, "cluster.networkDelayMs", ">=1"],
    [{ cluster: { pageCacheFlushMs: -1 } }, "cluster.pageCacheFlushMs", ">=0"],
    [{ cluster: { flushIntervalMessages: 0 } }, "cluster.flushIntervalMessages", ">=1"],
    [{ cluster: { uncleanLeaderElection: "yes" } }, "cluster.uncleanLeaderElection", "expected boolean"],
    [{ producer: { acks: "2" } }, "producer.acks", 'expected "all", "1" or "0"'],
    [{ producer: { acks: "1", enableIdempotence: true } }, "producer.enableIdempotence", "requires acks"],
    [{ producer: { retries: 0, enableIdempotence: true } }, "producer.enableIdempotence", "requires retries"],
    [{ producer: { maxInFlight: 6 } }, "producer.maxInFlight", "above 5"],
    [{ producer: { maxInFlight: 6, enableIdempotence: true } }, "producer.maxInFlight", "above 5"],
    [{ producer: { deliveryTimeoutMs: 1000 } }, "producer.deliveryTimeoutMs", "at least requestTimeoutMs + lingerMs"],
    [{ producer: { messages: -1 } }, "producer.messages", ">=0"],
    [{ producer: { intervalMs: "10" } }, "producer.intervalMs", "expected number"],
    [{ producer: { retryBackoffMs: -100 } }, "producer.retryBackoffMs", ">=0"],
    [{ consumer: { commit: "never" } }, "consumer.commit", "expected one of"],
    [{ consumer: { autoOffsetReset: "none" } }, "consumer.autoOffsetReset", "expected one of"],
    [{ consumer: { heartbeatIntervalMs: 45_000 } }, "consumer.heartbeatIntervalMs", "lower than sessionTimeoutMs"],
    [{ consumer: { sessionTimeoutMs: 5000, heartbeatIntervalMs: 1000 } }, "consumer.sessionTimeoutMs", "INVALID_SESSION_TIMEOUT"],
    [{ consumer: { processingMs: -1 } }, "consumer.processingMs", ">=0"],
    [{ faults: {} }, "faults", "expected array"],
    [{ faults: [{ atMs: 1, type: "meteor" }] }, "faults.0.type", "unknown fault type"],
    [{ faults: [{ atMs: 1 }] }, "faults.0.type", "unknown fault type"],
    [{ faults: [{ type: "crash-broker", broker: 0 }] }, "faults.0.atMs", "is required"],
    [{ faults: [{ atMs: -1, type: "crash-broker", broker: 0 }] }, "faults.0.atMs", ">=0"],
    [{ faults: [{ atMs: 70_000, type: "crash-broker", broker: 0 }] }, "faults.0.atMs", "after the end of the run"],
    [{ faults: [{ atMs: 1, type: "crash-broker" }] }, "faults.0.broker", "is required"],
    [{ faults: [{ atMs: 1, type: "crash-broker", broker: "primary" }] }, "faults.0.broker", "expected a broker id"],
    [{ faults: [{ atMs: 1, type: "crash-broker", broker: 7 }] }, "faults.0.broker", "broker 7 does not exist"],
    [{ faults: [{ atMs: 1, type: "isolate-broker", broker: 0 }] }, "faults.0.durationMs", "is required"],
    [{ faults: [{ atMs: 1, type: "drop-requests", durationMs: 0 }] }, "faults.0.durationMs", ">=1"],
    [{ faults: [{ atMs: 1, type: "crash-consumer", broker: 0 }] }, "faults.0", 'unknown field "broker"'],
    [{ faults: [{ atMs: 1, type: "power-loss", broker: 0, brokers: [1] }] }, "faults.0", "either"],
    [{ faults: [{ atMs: 1, type: "power-loss", brokers: [] }] }, "faults.0.brokers", ">=1"],
  ];

  it.each(cases)("%j → %s", (input, path, fragment) => {
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.startsWith(`${path}: `)).toBe(true);
    expect(r.error).toContain(fragment);
    expect(r.error).not.toContain("\n");
  });
});
