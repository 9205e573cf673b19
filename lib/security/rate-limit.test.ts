import { describe, expect, it } from "vitest";
import { hitAll, SlidingWindowLimiter } from "./rate-limit";

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe("SlidingWindowLimiter", () => {
  it("allows `limit` events in a window, refuses the next with the time until the oldest expires", () => {
    const c = clock();
    const l = new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect(l.hit("a")).toEqual({ ok: true, remaining: 2 });
    c.t += 10_000;
    l.hit("a");
    c.t += 10_000;
    expect(l.hit("a")).toEqual({ ok: true, remaining: 0 });
    c.t += 5_000;
    // The first event was 25 s ago: it leaves the window in 35 s.
    expect(l.hit("a")).toEqual({ ok: false, retryAfterMs: 35_000 });
    expect(l.check("b").ok).toBe(true);
  });

  it("slides: once the oldest event is a window old, one more is allowed (refused events were not counted)", () => {
    const c = clock();
    const l = new SlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: c.now });
    l.hit("k");
    c.t += 400;
    l.hit("k");
    for (let i = 0; i < 50; i++) expect(l.hit("k").ok).toBe(false);
    c.t += 600;
    expect(l.hit("k")).toEqual({ ok: true, remaining: 0 });
    expect(l.hit("k")).toEqual({ ok: false, retryAfterMs: 400 });
  });

  it("undo gives back the last event and reset forgets the key", () => {
    const l = new SlidingWindowLimiter({ limit: 2, windowMs: 1_000, now: clock().now });
    l.hit("k");
    l.hit("k");
    expect(l.check("k").ok).toBe(false);
    l.undo("k");
    expect(l.check("k")).toEqual({ ok: true, remaining: 1 });
    l.hit("k");
    l.reset("k");
    expect(l.check("k")).toEqual({ ok: true, remaining: 2 });
    expect(l.size).toBe(0);
  });

  it("holds at most maxKeys keys, dropping expired keys first and then the least recently used", () => {
    const c = clock();
    const l = new SlidingWindowLimiter({ limit: 1, windowMs: 1_000, maxKeys: 100, now: c.now });
    for (let i = 0; i < 99; i++) l.hit(`old-${i}`);
    c.t += 2_000; // every key so far has expired
    l.hit("recent");
    l.hit("new-0"); // the table is full: the sweep drops the 99 expired keys only
    expect(l.size).toBe(2);
    expect(l.check("recent").ok).toBe(false);
    for (let i = 1; i < 5_000; i++) {
      l.hit(`new-${i}`);
      expect(l.size).toBeLessThanOrEqual(100);
    }
    expect(l.size).toBeGreaterThan(80);
    // Live keys were dropped oldest first; the newest are still counted.
    expect(l.check("recent").ok).toBe(true);
    expect(l.check("new-4999").ok).toBe(false);
  });

  it("rejects nonsense limits", () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1 })).toThrow(/limit/);
    expect(() => new SlidingWindowLimiter({ limit: 1, windowMs: 0 })).toThrow(/windowMs/);
  });
});

describe("hitAll", () => {
  it("counts an event against every key only when all allow it, and reports the longest wait", () => {
    const c = clock();
    const ip = new SlidingWindowLimiter({ limit: 10, windowMs: 60_000, now: c.now });
    const account = new SlidingWindowLimiter({ limit: 1, windowMs: 30_000, now: c.now });
    expect(hitAll([[ip, "1.2.3.4"], [account, "a@x"]]).ok).toBe(true);
    expect(hitAll([[ip, "1.2.3.4"], [account, "a@x"]])).toEqual({ ok: false, retryAfterMs: 30_000 });
    // The refused attempt did not use up the address's allowance.
    expect(ip.check("1.2.3.4")).toEqual({ ok: true, remaining: 9 });
  });
});
