/**
 * A small deterministic pseudo-random generator (mulberry32) and the draws the synthetic corpus needs.
 * No Math.random, no clock: the same seed always gives the same sequence.
 */

/** 32-bit integer hash of several integers (for deriving per-report seeds from a corpus seed). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = mixSeed(seed) | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index drawn with the given non-negative weights (uniform when they are all zero). */
  weighted(weights: readonly number[]): number {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum <= 0) return Math.floor(this.next() * weights.length);
    let x = this.next() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** k distinct items in random order (k clipped to the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /**
   * A count with a long tail: zero with probability `zero`, otherwise roughly log-uniform up to `max`
   * (so most counts are small and a few are large).
   */
  count(max: number, zero = 0): number {
    if (max <= 0 || this.chance(zero)) return 0;
    const v = Math.floor(Math.exp(this.next() * Math.log(max + 1)));
    return Math.min(max, Math.max(0, v - (this.chance(0.3) ? 1 : 0)));
  }

  /** Splits n into weights.length non-negative integers summing to n, roughly in proportion to the weights. */
  split(n: number, weights: readonly number[]): number[] {
    const out = new Array<number>(weights.length).fill(0);
    if (n <= 0 || !weights.length) return out;
    const sum = weights.reduce((a, b) => a + b, 0);
    if (n <= 40 || sum <= 0) {
      for (let i = 0; i < n; i++) out[this.weighted(weights)]! += 1;
      return out;
    }
    // Large n: jittered proportional shares, the rest unit by unit.
    let left = n;
    for (let i = 0; i < weights.length; i++) {
      const share = Math.floor(((n * weights[i]!) / sum) * (0.85 + 0.15 * this.next()));
      out[i] = Math.min(share, left);
      left -= out[i]!;
    }
    for (let i = 0; i < left; i++) out[this.weighted(weights)]! += 1;
    return out;
  }
}
