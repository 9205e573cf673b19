/**
 * One replica's log of the partition: batches, leader-epoch cache, high watermark, page cache vs
 * durable data, and the idempotent-producer state the broker rebuilds from the log.
 *
 * Batches are immutable and shared between replicas: a follower appends the very object the
 * leader wrote, at the same offset, so a record is identified by (offset, message id) everywhere.
 * Invariants (asserted on append): batches are contiguous from offset 0, each batch's epoch is ≥
 * the previous one's, and append times never decrease. Truncation keeps HW ≤ LEO.
 */
import { KAFKA_DEFAULTS } from "./constants";

export interface Batch {
  readonly baseOffset: number;
  readonly count: number;
  readonly firstMessage: number;
  readonly epoch: number;
  /** Idempotent producer id, or -1 for a non-idempotent producer. */
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
}

interface ProducerEntry {
  epoch: number;
  /** The last few batches (oldest first): [baseSequence, lastSequence, baseOffset]. */
  recent: [number, number, number][];
}

export type SequenceCheck =
  | { kind: "append" }
  | { kind: "duplicate"; baseOffset: number }
  | { kind: "error"; error: "OUT_OF_ORDER_SEQUENCE_NUMBER" | "INVALID_PRODUCER_EPOCH" };

export class ReplicaLog {
  readonly batches: Batch[] = [];
  /** Time each batch reached this replica's page cache, parallel to `batches`. */
  private readonly appendMs: number[] = [];
  /** Leader epoch cache: (epoch, start offset), ascending. */
  private epochs: { epoch: number; startOffset: number }[] = [];
  private producers = new Map<number, ProducerEntry>();
  /** Everything below this offset has been fsynced explicitly. */
  flushedOffset = 0;
  lastFlushMs = 0;
  highWatermark = 0;

  get logEndOffset(): number {
    const last = this.batches[this.batches.length - 1];
    return last ? last.baseOffset + last.count : 0;
  }

  get latestEpoch(): number {
    return this.epochs.length ? this.epochs[this.epochs.length - 1]!.epoch : -1;
  }

  get lastBatchEpoch(): number {
    const last = this.batches[this.batches.length - 1];
    return last ? last.epoch : -1;
  }

  append(batch: Batch, nowMs: number): void {
    if (batch.baseOffset !== this.logEndOffset)
      throw new Error(`append at ${batch.baseOffset} but the log ends at ${this.logEndOffset}`);
    if (batch.epoch < this.lastBatchEpoch) throw new Error(`batch epoch ${batch.epoch} after epoch ${this.lastBatchEpoch}`);
    // durableOffset's binary search relies on append times never decreasing.
    const lastAppend = this.appendMs[this.appendMs.length - 1];
    if (lastAppend !== undefined && nowMs < lastAppend) throw new Error(`append at ${nowMs} ms after one at ${lastAppend} ms`);
    this.batches.push(batch);
    this.appendMs.push(nowMs);
    this.assignEpoch(batch.epoch, batch.baseOffset);
    this.recordProducerBatch(batch);
  }

  /** A new leader starts its epoch at its current log end, even before it writes anything. */
  assignEpoch(epoch: number, startOffset: number): void {
    const latest = this.epochs[this.epochs.length - 1];
    if (latest && latest.epoch >= epoch) return;
    this.epochs.push({ epoch, startOffset });
  }

  /**
   * OffsetsForLeaderEpoch as the leader answers it (KIP-101/KIP-279): the largest epoch ≤ the
   * requested one and the offset where that epoch ends in this log (the start of the next epoch,
   * or the log end for the latest epoch).
   */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    let idx = -1;
    for (let i = this.epochs.length - 1; i >= 0; i--)
      if (this.epochs[i]!.epoch <= epoch) {
        idx = i;
        break;
      }
    if (idx === -1) return { epoch: -1, endOffset: this.epochs[0]?.startOffset ?? this.logEndOffset };
    const next = this.epochs[idx + 1];
    return { epoch: this.epochs[idx]!.epoch, endOffset: next ? next.startOffset : this.logEndOffset };
  }

  /** Start offset of the latest epoch (Kafka's leaderEpochStartOffset when this replica leads). */
  latestEpochStartOffset(): number {
    return this.epochs.length ? this.epochs[this.epochs.length - 1]!.startOffset : 0;
  }

  /**
   * Removes every batch at or above `offset` (rounded down to a batch boundary) and returns the
   * removed batches. Epoch cache and producer state are rebuilt from what remains, as Kafka does.
   */
  truncateTo(offset: number): Batch[] {
    const idx = this.indexAtOrAfter(offset);
    if (idx >= this.batches.length) return [];
    const removed = this.batches.splice(idx);
    this.appendMs.splice(idx);
    const end = this.logEndOffset;
    this.epochs = this.epochs.filter((e) => e.startOffset < end);
    this.flushedOffset = Math.min(this.flushedOffset, end);
    this.highWatermark = Math.min(this.highWatermark, end);
    this.rebuildProducerState();
    return removed;
  }

  /** The offset below which data survives a power loss at `nowMs`. */
  durableOffset(nowMs: number, pageCacheFlushMs: number): number {
    // Append times never decrease, so written-back batches form a prefix: binary search it.
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.appendMs[mid]! + pageCacheFlushMs <= nowMs) lo = mid + 1;
      else hi = mid;
    }
    const writtenBack = lo < this.batches.length ? this.batches[lo]!.baseOffset : this.logEndOffset;
    return Math.max(writtenBack, this.flushedOffset);
  }

  flush(nowMs: number): void {
    this.flushedOffset = this.logEndOffset;
    this.lastFlushMs = nowMs;
  }

  /** Index of the batch containing `offset`, or of the first batch after it. */
  indexAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.batches[mid]!;
      if (b.baseOffset + b.count <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Batches starting exactly at `offset`, up to `maxRecords` records (at least one batch). */
  readBatches(offset: number, maxRecords: number): Batch[] {
    const out: Batch[] = [];
    let records = 0;
    for (let i = this.indexAtOrAfter(offset); i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (out.length > 0 && records + b.count > maxRecords) break;
      out.push(b);
      records += b.count;
    }
    return out;
  }

  /** Message id and epoch of each record in [from, to). */
  readRecords(from: number, to: number): { offset: number; message: number; epoch: number }[] {
    const out: { offset: number; message: number; epoch: number }[] = [];
    for (let i = this.indexAtOrAfter(from); i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (b.baseOffset >= to) break;
      const start = Math.max(from, b.baseOffset);
      const end = Math.min(to, b.baseOffset + b.count);
      for (let o = start; o < end; o++) out.push({ offset: o, message: b.firstMessage + (o - b.baseOffset), epoch: b.epoch });
    }
    return out;
  }

  /** Broker-side idempotence check (ProducerStateManager): dedupe, sequence and epoch rules. */
  checkSequence(batch: Pick<Batch, "producerId" | "producerEpoch" | "baseSequence" | "count">): SequenceCheck {
    if (batch.producerId < 0) return { kind: "append" };
    const entry = this.producers.get(batch.producerId);
    // No state for this producer (new, or its batches were truncated away): Kafka accepts any sequence.
    if (!entry) return { kind: "append" };
    if (batch.producerEpoch < entry.epoch) return { kind: "error", error: "INVALID_PRODUCER_EPOCH" };
    if (batch.producerEpoch > entry.epoch) return batch.baseSequence === 0 ? { kind: "append" } : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
    const lastSeq = batch.baseSequence + batch.count - 1;
    for (const [first, last, baseOffset] of entry.recent)
      if (first === batch.baseSequence && last === lastSeq) return { kind: "duplicate", baseOffset };
    const expected = entry.recent.length ? entry.recent[entry.recent.length - 1]![1] + 1 : 0;
    return batch.baseSequence === expected ? { kind: "append" } : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  }

  private recordProducerBatch(b: Batch): void {
    if (b.producerId < 0) return;
    let entry = this.producers.get(b.producerId);
    if (!entry || b.producerEpoch > entry.epoch) {
      entry = { epoch: b.producerEpoch, recent: [] };
      this.producers.set(b.producerId, entry);
    }
    entry.recent.push([b.baseSequence, b.baseSequence + b.count - 1, b.baseOffset]);
    if (entry.recent.length > KAFKA_DEFAULTS.producerBatchesRetained) entry.recent.shift();
  }

  private rebuildProducerState(): void {
    this.producers = new Map();
    for (const b of this.batches) this.recordProducerBatch(b);
  }
}
