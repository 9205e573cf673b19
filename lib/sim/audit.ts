/**
 * The audit: what happened to every message, computed from the final state alone.
 *
 * Definitions (docs/sim.md): committed = records below the final leader's HW; an acknowledged
 * message is lost when no replica that could serve it still has it, unavailable when it exists
 * but cannot be read (no leader, or above the HW); duplicates and out-of-order are counted over
 * the committed records; missed = committed records below the group's committed offset that no
 * consumer ever processed.
 */
import type { ConsumerState } from "./consumer";
import { Outcome, type ProducerState } from "./producer";
import type { Audit } from "./types";
import type { World } from "./world";

export function computeAudit(w: World, producer: ProducerState, consumer: ConsumerState): Audit {
  const messages = w.scenario.producer.messages;
  const leaderId = w.partition.leader;
  const leaderLog = leaderId === null ? null : w.brokers[leaderId]!.log;
  const hw = leaderLog ? leaderLog.highWatermark : 0;
  const committedRecords = leaderLog ? leaderLog.readRecords(0, hw) : [];

  // Where each message still exists: committed, or present somewhere it could come back from.
  const committedCount = new Uint32Array(messages + 1);
  const duplicates: number[] = [];
  const outOfOrder: number[] = [];
  let highest = 0;
  for (const r of committedRecords) {
    if (committedCount[r.message]! > 0) duplicates.push(r.message);
    else if (r.message < highest) outOfOrder.push(r.message);
    committedCount[r.message]!++;
    highest = Math.max(highest, r.message);
  }
  const stored = new Uint8Array(messages + 1);
  const holders = leaderLog ? [leaderLog] : w.partition.isr.map((id) => w.brokers[id]!.log!);
  for (const log of holders) for (const b of log.batches) for (let i = 0; i < b.count; i++) stored[b.firstMessage + i] = 1;

  const lostAcknowledged: number[] = [];
  const unavailableAcknowledged: number[] = [];
  const failed: number[] = [];
  for (let id = 1; id <= messages; id++) {
    const outcome = producer.outcome[id];
    if (outcome === Outcome.Failed) failed.push(id);
    if (outcome !== Outcome.Acknowledged || committedCount[id]! > 0) continue;
    (stored[id] ? unavailableAcknowledged : lostAcknowledged).push(id);
  }

  const groupCommitted = consumer.group.committed;
  // Records a live consumer still holds (being processed, or queued for a worker) are in
  // progress, not missed.
  const inProgress = new Set<number>();
  if (consumer.alive)
    for (const work of [consumer.work, consumer.worker]) if (work) for (let i = work.done; i < work.messages.length; i++) inProgress.add(work.messages[i]!);
  const missedByConsumer: number[] = [];
  const limit = Math.min(groupCommitted ?? 0, hw);
  for (const r of committedRecords) {
    if (r.offset >= limit) break;
    if (consumer.processedCount[r.message] === 0 && !inProgress.has(r.message)) missedByConsumer.push(r.message);
  }
  const processedTwice: number[] = [];
  let unique = 0;
  for (let id = 1; id <= messages; id++) {
    const n = consumer.processedCount[id]!;
    if (n > 0) unique++;
    if (n > 1) processedTwice.push(id);
  }

  const errors: Record<string, number> = {};
  for (const k of Object.keys(producer.errors).sort()) errors[k] = producer.errors[k]!;
  const logEndOffsets: Record<string, number> = {};
  for (const b of w.brokers) if (b.log) logEndOffsets[String(b.id)] = b.log.logEndOffset;
  const consumerOn = w.scenario.consumer.enabled;

  return {
    producer: {
      sent: producer.sent,
      acknowledged: producer.acknowledged,
      failed: producer.failed,
      pending: producer.sent - producer.acknowledged - producer.failed,
      retries: producer.retries,
      errors,
    },
    log: {
      committed: committedRecords.length,
      lostAcknowledged: lostAcknowledged.length,
      unavailableAcknowledged: unavailableAcknowledged.length,
      duplicates: duplicates.length,
      outOfOrder: outOfOrder.length,
    },
    consumer: {
      processed: consumer.processed,
      unique,
      duplicates: consumer.processed - unique,
      missed: missedByConsumer.length,
      lag: consumerOn ? Math.max(0, hw - (groupCommitted ?? 0)) : 0,
      rebalances: consumer.rebalances,
    },
    cluster: {
      leader: leaderId,
      isr: [...w.partition.isr],
      highWatermark: hw,
      logEndOffsets,
      offlineMs: w.offlineMs + (w.offlineSinceMs === null ? 0 : w.nowMs - w.offlineSinceMs),
    },
    messages: { lostAcknowledged, unavailableAcknowledged, duplicates, outOfOrder, missedByConsumer, processedTwice, failed },
  };
}
