/** The whole state at one moment, as plain data (for the player, grading and Web Workers). */
import type { ConsumerState } from "./consumer";
import type { ProducerState } from "./producer";
import type { BrokerView, Snapshot } from "./types";
import type { World } from "./world";

export function takeSnapshot(w: World, producer: ProducerState, consumer: ConsumerState, done: boolean, recentWireMs = 0): Snapshot {
  const pcf = w.scenario.cluster.pageCacheFlushMs;
  const brokers: BrokerView[] = w.brokers.map((b) => {
    const log = b.log;
    // Durable data is a prefix of the log (see ReplicaLog.durableOffset).
    const durableOffset = log ? log.durableOffset(w.nowMs, pcf) : 0;
    return {
      id: b.id,
      process: b.process,
      fenced: w.fenced[b.id] ?? false,
      isolated: w.isIsolated(b.id),
      replicationPaused: b.replicationPausedUntilMs > w.nowMs,
      hostsReplica: log !== null,
      role: b.role,
      leaderEpoch: b.leaderEpoch,
      logEndOffset: log ? log.logEndOffset : 0,
      highWatermark: log ? log.highWatermark : 0,
      durableOffset,
      log: log
        ? log.batches.map((batch) => ({
            baseOffset: batch.baseOffset,
            lastOffset: batch.baseOffset + batch.count - 1,
            firstMessage: batch.firstMessage,
            lastMessage: batch.firstMessage + batch.count - 1,
            epoch: batch.epoch,
            producerId: batch.producerId,
            baseSequence: batch.baseSequence,
            durable: batch.baseOffset + batch.count <= durableOffset,
          }))
        : [],
    };
  });
  let queued = 0;
  for (const b of producer.queue) queued += b.count;
  const c = consumer;
  return {
    atMs: w.nowMs,
    done,
    network: w.wireView(recentWireMs),
    partition: { leader: w.partition.leader, leaderEpoch: w.partition.leaderEpoch, isr: [...w.partition.isr], replicas: [...w.partition.replicas] },
    brokers,
    producer: {
      nextMessage: producer.nextMessage,
      sent: producer.sent,
      acknowledged: producer.acknowledged,
      failed: producer.failed,
      queued,
      inFlight: producer.inFlight.map((r) => ({
        requestId: r.id,
        broker: r.broker,
        messages: [r.batch.firstMessage, r.batch.firstMessage + r.batch.count - 1],
        attempt: r.batch.attempts,
        sentMs: r.sentMs,
      })),
      producerId: producer.producerId >= 0 ? producer.producerId : null,
      producerEpoch: producer.producerEpoch,
      knownLeader: producer.knownLeader,
    },
    consumer: {
      state: c.phase,
      memberId: c.memberId,
      generation: c.generation,
      position: c.position,
      committed: c.group.committed,
      processed: c.processed,
      queued: c.worker.messages.length - c.worker.done,
      stalled: c.stalledUntilMs > w.nowMs,
      paused: c.frozenUntilMs > w.nowMs,
    },
  };
}
