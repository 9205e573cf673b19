import { describe, expect, it } from "vitest";
import { ReplicaLog, type Batch } from "./log";

const batch = (baseOffset: number, count: number, epoch: number, extra: Partial<Batch> = {}): Batch => ({
  baseOffset,
  count,
  firstMessage: baseOffset + 1,
  epoch,
  producerId: -1,
  producerEpoch: 0,
  baseSequence: -1,
  ...extra,
});

describe("ReplicaLog", () => {
  it("appends contiguously and refuses a gap (an invariant, not an expected failure)", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 3, 0), 0);
    expect(log.logEndOffset).toBe(3);
    expect(() => log.append(batch(5, 1, 0), 1)).toThrow(/log ends at 3/);
    expect(() => log.append(batch(3, 1, -1), 1)).toThrow(/epoch/);
  });

  it("answers OffsetsForLeaderEpoch with the end of the requested epoch", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 2, 0), 0);
    log.append(batch(2, 2, 0), 0);
    log.append(batch(4, 3, 2), 0);
    expect(log.endOffsetForEpoch(0)).toEqual({ epoch: 0, endOffset: 4 });
    // Epoch 1 never wrote here: the largest epoch at or below it is 0.
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 0, endOffset: 4 });
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, endOffset: 7 });
    expect(log.endOffsetForEpoch(9)).toEqual({ epoch: 2, endOffset: 7 });
  });

  it("records a new leader's epoch at its log end before it writes (leaderEpochStartOffset)", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 2, 0), 0);
    log.assignEpoch(3, 2);
    expect(log.latestEpochStartOffset()).toBe(2);
    expect(log.endOffsetForEpoch(0)).toEqual({ epoch: 0, endOffset: 2 });
  });

  it("truncates whole batches and rebuilds epochs, HW and flushed offset", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 2, 0), 0);
    log.append(batch(2, 2, 1), 0);
    log.highWatermark = 4;
    log.flush(0);
    const removed = log.truncateTo(3);
    expect(removed.map((b) => b.baseOffset)).toEqual([2]);
    expect(log.logEndOffset).toBe(2);
    expect(log.highWatermark).toBe(2);
    expect(log.flushedOffset).toBe(2);
    expect(log.latestEpoch).toBe(0);
  });

  it("treats data as durable after an fsync or once the OS wrote it back", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 1, 0), 0);
    log.append(batch(1, 1, 0), 10_000);
    log.append(batch(2, 1, 0), 20_000);
    expect(log.durableOffset(25_000, 30_000)).toBe(0);
    expect(log.durableOffset(30_000, 30_000)).toBe(1);
    expect(log.durableOffset(50_000, 30_000)).toBe(3);
    log.flush(25_000);
    expect(log.durableOffset(25_000, 30_000)).toBe(3);
  });

  it("dedupes an idempotent producer's retry and rejects a sequence gap", () => {
    const log = new ReplicaLog();
    const idem = (baseOffset: number, seq: number) => batch(baseOffset, 2, 0, { producerId: 7, baseSequence: seq });
    expect(log.checkSequence(idem(0, 0))).toEqual({ kind: "append" });
    log.append(idem(0, 0), 0);
    log.append(idem(2, 2), 0);
    expect(log.checkSequence({ producerId: 7, producerEpoch: 0, baseSequence: 0, count: 2 })).toEqual({ kind: "duplicate", baseOffset: 0 });
    expect(log.checkSequence({ producerId: 7, producerEpoch: 0, baseSequence: 4, count: 2 })).toEqual({ kind: "append" });
    expect(log.checkSequence({ producerId: 7, producerEpoch: 0, baseSequence: 6, count: 2 })).toEqual({ kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    // A new producer epoch restarts at sequence 0; an older epoch is fenced.
    expect(log.checkSequence({ producerId: 7, producerEpoch: 1, baseSequence: 0, count: 1 })).toEqual({ kind: "append" });
    log.append(batch(4, 1, 0, { producerId: 7, producerEpoch: 1, baseSequence: 0 }), 0);
    expect(log.checkSequence({ producerId: 7, producerEpoch: 0, baseSequence: 4, count: 2 })).toEqual({ kind: "error", error: "INVALID_PRODUCER_EPOCH" });
  });

  it("remembers only the last five batches per producer, as the broker does", () => {
    const log = new ReplicaLog();
    for (let i = 0; i < 7; i++) log.append(batch(i, 1, 0, { producerId: 1, baseSequence: i }), 0);
    expect(log.checkSequence({ producerId: 1, producerEpoch: 0, baseSequence: 2, count: 1 }).kind).toBe("duplicate");
    expect(log.checkSequence({ producerId: 1, producerEpoch: 0, baseSequence: 1, count: 1 }).kind).toBe("error");
  });

  it("forgets producer state truncated away and then accepts any sequence", () => {
    const log = new ReplicaLog();
    log.append(batch(0, 1, 0), 0);
    log.append(batch(1, 1, 0, { producerId: 3, baseSequence: 0 }), 0);
    log.truncateTo(1);
    expect(log.checkSequence({ producerId: 3, producerEpoch: 0, baseSequence: 40, count: 1 })).toEqual({ kind: "append" });
  });
});
