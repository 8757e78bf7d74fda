/**
 * A small seeded random source (mulberry32), so every run of the benchmark, at any scale, on any machine,
 * generates the same organisation. Not for cryptography.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const HEX_CODES = '0123456789abcdef'.split('').map((c) => c.charCodeAt(0));
const shaCodes: number[] = new Array(40);

/**
 * A 40-hex-digit, SHA-1-shaped id derived from a number (distinct numbers give distinct ids: the first eight
 * digits are a bijection of n). Built in one piece: a string grown by `+=` would be a rope of 40 nodes.
 */
export function fakeSha(n: number, salt: number): string {
  let h = (n ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  for (let word = 0; word < 5; word++) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    for (let digit = 0; digit < 8; digit++) {
      shaCodes[word * 8 + digit] = HEX_CODES[(h >>> (28 - 4 * digit)) & 15];
    }
    h = (h + n + word + 1) >>> 0;
  }
  return String.fromCharCode.apply(null, shaCodes);
}
