/**
 * A small seeded pseudo-random generator (mulberry32).
 *
 * The engine must never call Math.random: a seed plus a scenario has to replay a run byte for
 * byte, in the browser and on the server alike. mulberry32 is tiny, fast, and its 32-bit integer
 * arithmetic gives identical results on every JavaScript engine.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

export function createPrng(seed: number): Prng {
  // Mix the seed once so that small neighbouring seeds (1, 2, 3…) start far apart.
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 0x6d2b79f5;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
  };
}
