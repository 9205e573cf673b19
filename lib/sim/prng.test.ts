import { describe, expect, it } from "vitest";
import { createPrng } from "./prng";
import { EventQueue } from "./queue";

describe("createPrng", () => {
  it("replays the same sequence for the same seed and differs across seeds", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("int stays in range and covers it", () => {
    const r = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(3));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});

describe("EventQueue", () => {
  it("pops by time, and in scheduling order within the same millisecond", () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(5, () => order.push("b"));
    q.push(1, () => order.push("a"));
    q.push(5, () => order.push("c"));
    q.push(3, () => order.push("x"));
    for (let item = q.pop(); item; item = q.pop()) item.run();
    expect(order).toEqual(["a", "x", "b", "c"]);
  });

  it("stays ordered over many random pushes", () => {
    const q = new EventQueue();
    const r = createPrng(1);
    for (let i = 0; i < 5000; i++) q.push(r.int(1000), () => {});
    let last = -1;
    let lastSeq = -1;
    for (let item = q.pop(); item; item = q.pop()) {
      expect(item.atMs > last || (item.atMs === last && item.seq > lastSeq)).toBe(true);
      last = item.atMs;
      lastSeq = item.seq;
    }
  });
});
