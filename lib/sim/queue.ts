/**
 * The one ordered event queue of the simulation: a binary min-heap keyed by (time, insertion
 * sequence). Ties at the same millisecond run in the order they were scheduled, which is what makes
 * a run deterministic: nothing depends on object identity, hash order or the host's timers.
 */
export interface QueueItem {
  atMs: number;
  seq: number;
  run: () => void;
}

export class EventQueue {
  private heap: QueueItem[] = [];
  private nextSeq = 0;

  push(atMs: number, run: () => void): void {
    const item: QueueItem = { atMs, seq: this.nextSeq++, run };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.atMs;
  }

  pop(): QueueItem | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: QueueItem, b: QueueItem): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}
