/**
 * Commits by repository and SHA in one open-addressing hash table over a typed array: a million commits take
 * one Int32Array (16 MiB, outside the JavaScript heap) instead of a Map entry each (about 40 bytes, plus the
 * garbage of every rehash), which matters most in the Go backend's VM, where every allocation costs many times
 * more. A slot holds the key's hash and position + 1 (0 is empty), side by side: a probe reads the commit only
 * when the hashes match, and equal keys are confirmed by comparing the commits themselves.
 */
import { Change } from '../model';

export class CommitIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly repoHashes = new RepoHashes();

  /** `commits` may still grow (up to `capacity` entries) while it is indexed. */
  constructor(
    private readonly commits: readonly Change[],
    capacity: number
  ) {
    const size = tableSize(capacity);
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
  }

  /** Position of the commit with this repo and SHA, or -1. */
  find(repo: string, sha: string): number {
    const { slots, mask, commits } = this;
    const h = this.hash(repo, sha);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[2 * s + 1];
      if (entry === 0) {
        return -1;
      }
      if (slots[2 * s] === h) {
        const c = commits[entry - 1];
        if (c.sha === sha && c.repo === repo) {
          return entry - 1;
        }
      }
    }
  }

  /** Indexes the commit at `position` unless one with its repo and SHA is indexed: then returns that one's position. */
  insert(position: number): number {
    const { slots, mask, commits } = this;
    const commit = commits[position];
    const h = this.hash(commit.repo, commit.sha);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[2 * s + 1];
      if (entry === 0) {
        slots[2 * s] = h;
        slots[2 * s + 1] = position + 1;
        return -1;
      }
      if (slots[2 * s] === h) {
        const c = commits[entry - 1];
        if (c.sha === commit.sha && c.repo === commit.repo) {
          return entry - 1;
        }
      }
    }
  }

  private hash(repo: string, sha: string): number {
    return sampledHash(sha) ^ this.repoHashes.of(repo);
  }
}

/** A power of two at least twice the entries (so probes stay short), at least 16. */
export function tableSize(entries: number): number {
  let size = 16;
  while (size < entries * 2) {
    size *= 2;
  }
  return size;
}

/** 32-bit FNV-1a over the UTF-16 code units text[from, to), finished with a final mix. */
export function textHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  }
  return mix(h);
}

/**
 * A SHA's hash from at most its first and last eight characters and its length: random hex needs no more, and
 * ids that share a prefix (generated ones) still differ at the end. Sixteen characters at most, whatever the
 * length, keeps a million keys cheap in an interpreted VM.
 */
function sampledHash(sha: string): number {
  const n = sha.length;
  if (n <= 16) {
    return textHash(sha, 0, n);
  }
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  for (let k = 0; k < 8; k++) {
    h = Math.imul(h ^ sha.charCodeAt(k), 0x01000193);
  }
  for (let k = n - 8; k < n; k++) {
    h = Math.imul(h ^ sha.charCodeAt(k), 0x01000193);
  }
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/**
 * Commits by repository and first message line (trimmed, as firstLine() gives it), for reverts named by title.
 * The same kind of table, holding every commit with a message (equal titles take neighbouring slots); the first
 * line is hashed in place, so no string is cut out of a message except to confirm a candidate.
 */
export class TitleIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly repoHashes = new RepoHashes();

  constructor(
    private readonly commits: readonly Change[],
    private readonly firstLine: (message: string) => string
  ) {
    // Sized for every commit (sources nearly always give messages): counting them first would read a million
    // commits once more just to size the table.
    this.slots = new Int32Array(tableSize(commits.length));
    this.mask = this.slots.length - 1;
    for (let i = 0; i < commits.length; i++) {
      const c = commits[i];
      if (c.message !== undefined) {
        let s = this.firstLineHash(c.repo, c.message) & this.mask;
        while (this.slots[s] !== 0) {
          s = (s + 1) & this.mask;
        }
        this.slots[s] = i + 1;
      }
    }
  }

  /** Positions of the commits of `repo` whose first message line is exactly `title`, ascending. */
  find(repo: string, title: string): number[] {
    const { slots, mask, commits } = this;
    const found: number[] = [];
    for (let s = (textHash(title, 0, title.length) ^ this.repoHashes.of(repo)) & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) {
        return found.sort((a, b) => a - b);
      }
      const c = commits[entry - 1];
      if (c.repo === repo && this.firstLine(c.message!) === title) {
        found.push(entry - 1);
      }
    }
  }

  private firstLineHash(repo: string, message: string): number {
    const newline = message.indexOf('\n');
    let end = newline < 0 ? message.length : newline;
    let start = 0;
    while (start < end && isTrimmed(message.charCodeAt(start))) {
      start++;
    }
    while (end > start && isTrimmed(message.charCodeAt(end - 1))) {
      end--;
    }
    return textHash(message, start, end) ^ this.repoHashes.of(repo);
  }
}

/** A repository's hash, remembered for the last repository asked (commits come grouped by repository). */
class RepoHashes {
  private last = '';
  private lastHash = textHash('', 0, 0);

  of(repo: string): number {
    if (repo !== this.last) {
      this.last = repo;
      this.lastHash = textHash(repo, 0, repo.length);
    }
    return this.lastHash;
  }
}

/** What String.prototype.trim removes: white space and line terminators. */
function isTrimmed(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
