/**
 * An in-process sliding-window limiter: at most `limit` events per key in any `windowMs`.
 *
 * Each key keeps the times of its recent events (never more than `limit` of them: an event over
 * the limit is refused, not recorded), and the number of keys is capped at `maxKeys`, so memory
 * stays bounded whatever an attacker sends. When the table is full, expired keys are dropped
 * first, then the least recently used ones. State lives in this process only: with several app
 * processes each counts on its own (docs/decisions/014-security-headers-and-rate-limits.md).
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  /** The clock, injectable for tests (milliseconds since the epoch). */
  now?: () => number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly now: () => number;
  /** Event times per key, oldest first; Map order doubles as least-recently-used order. */
  private readonly events = new Map<string, number[]>();

  constructor(opts: RateLimitOptions) {
    if (!(opts.limit >= 1) || !(opts.windowMs > 0)) throw new Error("a rate limit needs limit >= 1 and windowMs > 0");
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
    this.maxKeys = opts.maxKeys ?? 20_000;
    this.now = opts.now ?? Date.now;
  }

  /** Would one more event for `key` be allowed now? Records nothing. */
  check(key: string): RateLimitResult {
    const times = this.live(key, this.now());
    if (times.length < this.limit) return { ok: true, remaining: this.limit - times.length };
    return { ok: false, retryAfterMs: Math.max(1, times[0]! + this.windowMs - this.now()) };
  }

  /** Records one event for `key` if allowed; a refused event is not recorded. */
  hit(key: string): RateLimitResult {
    const result = this.check(key);
    if (!result.ok) return result;
    const times = this.events.get(key) ?? [];
    times.push(this.now());
    this.touch(key, times);
    return { ok: true, remaining: this.limit - times.length };
  }

  /** Takes back the most recent event for `key` (an attempt that turned out to be legitimate). */
  undo(key: string): void {
    const times = this.events.get(key);
    if (!times) return;
    times.pop();
    if (times.length === 0) this.events.delete(key);
  }

  /** Forgets every event for `key`. */
  reset(key: string): void {
    this.events.delete(key);
  }

  /** How many keys are held (for tests and diagnostics). */
  get size(): number {
    return this.events.size;
  }

  /** The key's events still inside the window, with expired ones removed. */
  private live(key: string, now: number): number[] {
    const times = this.events.get(key);
    if (!times) return [];
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= cutoff) drop++;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) this.events.delete(key);
    return times;
  }

  private touch(key: string, times: number[]): void {
    this.events.delete(key);
    if (this.events.size >= this.maxKeys) this.evict();
    this.events.set(key, times);
  }

  /**
   * Makes room: expired keys go first; if the table is still full, the least recently used tenth
   * goes, so a flood of new keys pays for one sweep per tenth of the table, not one per key.
   */
  private evict(): void {
    const now = this.now();
    for (const key of [...this.events.keys()]) this.live(key, now);
    if (this.events.size < this.maxKeys) return;
    let drop = Math.max(1, Math.floor(this.maxKeys / 10));
    for (const key of this.events.keys()) {
      if (drop-- <= 0) break;
      this.events.delete(key);
    }
  }
}

/** One limited action checked against several keys (an IP and an account): all must allow it. */
export function hitAll(checks: ReadonlyArray<readonly [SlidingWindowLimiter, string]>): RateLimitResult {
  let worst = 0;
  for (const [limiter, key] of checks) {
    const r = limiter.check(key);
    if (!r.ok) worst = Math.max(worst, r.retryAfterMs);
  }
  if (worst > 0) return { ok: false, retryAfterMs: worst };
  let remaining = Infinity;
  for (const [limiter, key] of checks) {
    const r = limiter.hit(key);
    if (r.ok) remaining = Math.min(remaining, r.remaining);
  }
  return { ok: true, remaining };
}
