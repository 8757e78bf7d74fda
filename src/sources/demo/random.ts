/**
 * A seeded pseudo-random generator (mulberry32): the demo must produce the same events for the same seed,
 * in the browser and in a server-side JS VM alike, so Math.random is never used.
 */
const BYTE_HEX: string[] = [];
for (let b = 0; b < 256; b++) {
  BYTE_HEX.push((b < 16 ? '0' : '') + b.toString(16));
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one part of the demo, so adding draws elsewhere does not shift it. */
  static derive(seed: number, label: string): Random {
    let hash = seed >>> 0;
    for (let i = 0; i < label.length; i++) {
      hash = Math.imul(hash ^ label.charCodeAt(i), 0x5bd1e995) >>> 0;
      hash ^= hash >>> 13;
    }
    return new Random(hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Log-uniform in [min, max]: durations are skewed (many short, a few long), as real lead times are.
   * The median is sqrt(min * max).
   */
  skewed(min: number, max: number): number {
    return min * Math.pow(max / min, this.next());
  }

  /** Poisson-distributed count with the given mean (Knuth's method; the means here are small). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.next();
    let count = 0;
    while (product > limit) {
      product *= this.next();
      count++;
    }
    return count;
  }

  /** A git-like SHA: 40 lower-case hex digits. */
  sha(): string {
    let out = '';
    for (let i = 0; i < 5; i++) {
      const word = Math.floor(this.next() * 4294967296);
      out +=
        BYTE_HEX[word >>> 24] + BYTE_HEX[(word >>> 16) & 0xff] + BYTE_HEX[(word >>> 8) & 0xff] + BYTE_HEX[word & 0xff];
    }
    return out;
  }
}
