import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/sim";
import { KAFKA_CONFIGS } from "./configs";

describe("the Kafka facts table agrees with the simulation engine's defaults", () => {
  const r = parseScenario({});
  if (!r.ok) throw new Error(r.error);
  const { cluster, producer, consumer } = r.scenario;
  it.each([
    ["acks", producer.acks],
    ["enable.idempotence", String(producer.enableIdempotence)],
    ["retries", String(producer.retries)],
    ["delivery.timeout.ms", String(producer.deliveryTimeoutMs)],
    ["request.timeout.ms", String(producer.requestTimeoutMs)],
    ["max.in.flight.requests.per.connection", String(producer.maxInFlight)],
    ["linger.ms", String(producer.lingerMs)],
    ["min.insync.replicas", String(cluster.minInsyncReplicas)],
    ["replica.lag.time.max.ms", String(cluster.replicaLagTimeMaxMs)],
    ["unclean.leader.election.enable", String(cluster.uncleanLeaderElection)],
    ["session.timeout.ms", String(consumer.sessionTimeoutMs)],
    ["heartbeat.interval.ms", String(consumer.heartbeatIntervalMs)],
    ["max.poll.interval.ms", String(consumer.maxPollIntervalMs)],
    ["max.poll.records", String(consumer.maxPollRecords)],
    ["auto.commit.interval.ms", String(consumer.autoCommitIntervalMs)],
    ["broker.session.timeout.ms", String(cluster.brokerSessionTimeoutMs)],
    ["retry.backoff.ms", String(producer.retryBackoffMs)],
    ["retry.backoff.max.ms", String(producer.retryBackoffMaxMs)],
    ["group.initial.rebalance.delay.ms", String(cluster.groupInitialRebalanceDelayMs)],
  ])("%s = %s", (name, engineDefault) => {
    expect(KAFKA_CONFIGS[name]!.default).toBe(engineDefault);
  });
});
