/**
 * Lookups by SHA prefix, announced before they are asked and answered together in one pass over the commits.
 * Attribution knows every such question once ancestry is traced (incident causes, reverts that name a commit): a
 * few thousand against a million commits, so one read of each commit's first six digits, checked against a small
 * bit filter, costs about half of ordering every commit by them. A reference not announced gets such a pass of its
 * own (see CommitGraph.findByReference). Revert titles are announced too (TitleLookup in commitIndex.ts): a pass
 * that keeps only the matches holds far less than an index of every first line.
 */
/** Shortest SHA prefix accepted from people (incident causes, revert messages). */
export const MIN_SHA_PREFIX = 7;

export class AnnouncedReferences {
  /** Lowercased prefix -> commits (any repository) whose SHA starts with it, in graph order. */
  private readonly prefixes = new Map<string, number[]>();
  /** The announced prefixes' first six digits (hexKey), as bits (none without references), and by key. */
  private readonly bits: Uint32Array;
  private readonly byKey = new Map<number, string[]>();

  /** Ready for a pass over the commits (see CommitGraph.announce), which calls see() with each commit in order. */
  constructor(references: readonly string[]) {
    this.bits = new Uint32Array(references.length > 0 ? FILTER_WORDS : 0);
    for (const reference of references) {
      const prefix = shaPrefix(reference);
      if (prefix !== undefined && !this.prefixes.has(prefix)) {
        this.prefixes.set(prefix, []);
        const key = hexKey(prefix);
        setBit(this.bits, key);
        const same = this.byKey.get(key);
        if (same) {
          same.push(prefix);
        } else {
          this.byKey.set(key, [prefix]);
        }
      }
    }
  }

  /** Whether a pass has anything to find: some reference can name a commit. */
  get wanted(): boolean {
    return this.prefixes.size > 0;
  }

  /** The pass's step: the commit at `position`, with this SHA. */
  see(sha: string, position: number): void {
    const key = hexKey(sha);
    if (key >= 0 && hasBit(this.bits, key)) {
      for (const prefix of this.byKey.get(key) ?? []) {
        if (sha.slice(0, prefix.length).toLowerCase() === prefix) {
          this.prefixes.get(prefix)!.push(position);
        }
      }
    }
  }

  /** Commits whose SHA starts with the reference, or undefined when it was not announced (or is no SHA prefix). */
  withPrefix(reference: string): readonly number[] | undefined {
    const prefix = shaPrefix(reference);
    return prefix === undefined ? undefined : this.prefixes.get(prefix);
  }
}

/** The lowercased reference when it can name a commit (>= 7 hex characters), else undefined. */
export function shaPrefix(reference: string): string | undefined {
  const prefix = reference.trim().toLowerCase();
  return prefix.length >= MIN_SHA_PREFIX && /^[0-9a-f]+$/.test(prefix) ? prefix : undefined;
}

const KEY_DIGITS = 6;

/** The first six hex digits of a SHA as a number (case-insensitive), or -1 when they are not all hex. */
function hexKey(sha: string): number {
  if (sha.length < KEY_DIGITS) {
    return -1;
  }
  let key = 0;
  for (let k = 0; k < KEY_DIGITS; k++) {
    const code = sha.charCodeAt(k);
    const digit =
      code >= 48 && code <= 57
        ? code - 48
        : code >= 97 && code <= 102
          ? code - 87
          : code >= 65 && code <= 70
            ? code - 55
            : -1;
    if (digit < 0) {
      return -1;
    }
    key = key * 16 + digit;
  }
  return key;
}

/** A 2^20-bit filter: a few thousand announced keys leave almost every other key out. */
const FILTER_BITS = 20;
const FILTER_WORDS = 1 << (FILTER_BITS - 5);
const FILTER_MASK = (1 << FILTER_BITS) - 1;

function setBit(bits: Uint32Array, key: number): void {
  const b = key & FILTER_MASK;
  bits[b >>> 5] |= 1 << (b & 31);
}

function hasBit(bits: Uint32Array, key: number): boolean {
  const b = key & FILTER_MASK;
  return (bits[b >>> 5] & (1 << (b & 31))) !== 0;
}
