/**
 * Commits by repository and SHA, and by repository and first message line. SHAs: one open-addressing table in an
 * Int32Array (a slot is position + 1 and the high bits of the key's hash), no map entry per commit. The hash is
 * computed by native calls only, a SHA's last 7 characters read as one hex number, since hashing text character by
 * character in JavaScript costs the Go backend's VM about half a microsecond per character. SHAs that are not hex
 * there go to a Map per repository instead. Titles: only those reverts name, found in one pass (TitleLookup).
 */
import { Change } from '../model';
import { ListLoan } from '../typedLists';

/** A repository's map, remembered for the last repository asked (commits come grouped by repository). */
class ByRepository<V> {
  private readonly repos = new Map<string, Map<string, V>>();
  private lastRepo?: string;
  private last?: Map<string, V>;

  /** The map of `repo`; created when `create` is set, else undefined when the repository has none. */
  of(repo: string, create: boolean): Map<string, V> | undefined {
    if (repo !== this.lastRepo || this.last === undefined) {
      let map = this.repos.get(repo);
      if (map === undefined) {
        if (!create) {
          return undefined;
        }
        map = new Map();
        this.repos.set(repo, map);
      }
      this.lastRepo = repo;
      this.last = map;
    }
    return this.last;
  }
}

/**
 * Hex digits of a SHA's end read as one number. Seven (28 bits) are a small integer, which V8 does not box, and a
 * slice that short is a plain copy (24 bytes) where one of 13 characters (52 bits) took a sliced string and a boxed
 * number (48 bytes): a lookup per commit and per parent, a million commits. 28 bits still tell SHAs apart in the table
 * (whole SHAs are compared on a match of the hash).
 */
const HEX_TAIL = 7;
const TWO_32 = 4294967296;

export class CommitIndex {
  /**
   * Slot s: 0 when empty, else an entry: position + 1 in the bits of positionMask, the high bits of the key's hash
   * above them (a probe skips a slot whose bits differ without reading its commit). 4 bytes a slot where the hash and
   * the position apart took 8: a million commits (2^21 slots) take 8 MiB instead of 16.
   */
  private slots: Int32Array;
  private mask: number;
  private positionMask: number;
  private count = 0;
  /** Repositories numbered from 1, mixed into the hash. */
  private readonly repoIds = new Map<string, number>();
  private lastRepo?: string;
  private lastRepoId = 0;
  /** SHAs whose end is not hex. */
  private readonly others = new ByRepository<number>();
  /** insertAll()'s work list, kept for one borrower (see lendWorkList). */
  private workList?: Int32Array;

  /**
   * `commits` may still grow while it is indexed: the table is sized for `capacity` entries and grows past it. Its
   * lists (the table, insertAll()'s work list) are borrowed from `lists`: the caller's until it closes the loan.
   */
  constructor(
    private readonly commits: readonly Change[],
    capacity: number = commits.length,
    private readonly lists: ListLoan = new ListLoan(false)
  ) {
    const size = tableSize(capacity);
    this.slots = lists.ints(size);
    this.mask = size - 1;
    this.positionMask = positionMaskFor(capacity);
  }

  /** Position of the commit with this repo and SHA, or -1. */
  find(repo: string, sha: string): number {
    const id = this.repoId(repo, false);
    if (id === 0) {
      return -1;
    }
    const h = shaHash(sha, id);
    if (h === undefined) {
      const at = this.others.of(repo, false)?.get(sha);
      return at === undefined ? -1 : at;
    }
    const { slots, mask, positionMask, commits } = this;
    const high = h & ~positionMask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) {
        return -1;
      }
      if ((entry & ~positionMask) === high) {
        const at = (entry & positionMask) - 1;
        const c = commits[at];
        if (c.sha === sha && c.repo === repo) {
          return at;
        }
      }
    }
  }

  /** Indexes the commit at `position` unless one with its repo and SHA is indexed: then returns that one's position. */
  insert(position: number): number {
    const commit = this.commits[position];
    const h = shaHash(commit.sha, this.repoId(commit.repo, true));
    return h === undefined ? this.insertOther(position) : this.insertHashed(position, h);
  }

  /**
   * Indexes every commit of the list, as insert() would position by position, into an empty index. Returns the
   * repeats: (position, position of the earlier commit with its repo and SHA) pairs, flat, by position.
   *
   * A large table is far bigger than the processor's caches, so inserting commits in list order costs a cache miss
   * per commit. Here the hashes are computed in one pass, then the commits are inserted part by part of the table
   * (PARTS passes over the hashes, each inserting the commits whose hash starts probing in its part): each part's
   * slots stay in cache while it fills. Within a part commits keep their order, and two with the same repo and SHA
   * have the same hash, so the earlier one is found as insert() would find it. The hashes' list is kept for the commit
   * graph's walks (lendWorkList).
   */
  insertAll(): number[] {
    const commits = this.commits;
    const n = commits.length;
    const repeats: number[] = [];
    if (n < PARTITIONED_FROM || this.count > 0) {
      for (let i = 0; i < n; i++) {
        const at = this.insert(i);
        if (at >= 0) {
          repeats.push(i, at);
        }
      }
      return repeats;
    }
    if (n * 2 > this.mask + 1 || n > this.positionMask) {
      this.rebuild(n);
    }
    const mask = this.mask;
    const shift = Math.log2(mask + 1) - PART_BITS;
    const hashes = this.lists.ints(n);
    // Positions whose SHA is not hex (indexed apart, rare), ascending.
    const unhashed: number[] = [];
    for (let i = 0; i < n; i++) {
      const commit = commits[i];
      const h = shaHash(commit.sha, this.repoId(commit.repo, true));
      if (h === undefined) {
        unhashed.push(i);
        const at = this.insertOther(i);
        if (at >= 0) {
          repeats.push(i, at);
        }
        continue;
      }
      hashes[i] = h;
    }
    for (let part = 0; part < PARTS; part++) {
      for (let i = 0, skip = 0; i < n; i++) {
        if (skip < unhashed.length && unhashed[skip] === i) {
          skip++;
          continue;
        }
        const h = hashes[i];
        if ((h & mask) >>> shift === part) {
          const at = this.insertHashed(i, h);
          if (at >= 0) {
            repeats.push(i, at);
          }
        }
      }
    }
    this.workList = hashes;
    // Found part by part (rare): put back in position order.
    return repeats.length > 2 ? byPosition(repeats) : repeats;
  }

  /**
   * insertAll()'s work list (an Int32Array with one entry per commit, contents undefined), handed over once and then
   * forgotten: the commit graph marks its walks in it instead of a list of its own (typed arrays count as external
   * memory, whose growth makes V8 start a full collection). Undefined when there is none of at least `length`.
   */
  lendWorkList(length: number): Int32Array | undefined {
    const list = this.workList;
    this.workList = undefined;
    return list !== undefined && list.length >= length ? list : undefined;
  }

  private insertOther(position: number): number {
    const commit = this.commits[position];
    const shas = this.others.of(commit.repo, true)!;
    const at = shas.get(commit.sha);
    if (at !== undefined) {
      return at;
    }
    shas.set(commit.sha, position);
    return -1;
  }

  private insertHashed(position: number, h: number): number {
    if (position >= this.positionMask) {
      this.rebuild(position + 1);
    }
    const commit = this.commits[position];
    const { slots, mask, positionMask, commits } = this;
    const high = h & ~positionMask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) {
        slots[s] = high | (position + 1);
        if (++this.count * 2 > mask + 1) {
          this.rebuild(this.count);
        }
        return -1;
      }
      if ((entry & ~positionMask) === high) {
        const at = (entry & positionMask) - 1;
        const c = commits[at];
        if (c.sha === commit.sha && c.repo === commit.repo) {
          return at;
        }
      }
    }
  }

  /**
   * The table made anew for at least `entries` entries and positions below `entries` (more than it was sized for:
   * rare), each indexed commit's hash computed again since a slot keeps only its high bits.
   */
  private rebuild(entries: number): void {
    const old = this.slots;
    const oldPositions = this.positionMask;
    const size = Math.max(tableSize(entries), 2 * (this.mask + 1));
    const slots = this.lists.ints(size);
    const mask = size - 1;
    const positionMask = Math.max(positionMaskFor(entries), oldPositions);
    for (let k = 0; k < old.length; k++) {
      if (old[k] !== 0) {
        const position = (old[k] & oldPositions) - 1;
        const commit = this.commits[position];
        const h = shaHash(commit.sha, this.repoId(commit.repo, false))!;
        let s = h & mask;
        while (slots[s] !== 0) {
          s = (s + 1) & mask;
        }
        slots[s] = (h & ~positionMask) | (position + 1);
      }
    }
    this.slots = slots;
    this.mask = mask;
    this.positionMask = positionMask;
  }

  /** The repository's number (from 1); 0 for one never indexed unless `create`. */
  private repoId(repo: string, create: boolean): number {
    if (repo !== this.lastRepo) {
      let id = this.repoIds.get(repo);
      if (id === undefined) {
        if (!create) {
          return 0;
        }
        id = this.repoIds.size + 1;
        this.repoIds.set(repo, id);
      }
      this.lastRepo = repo;
      this.lastRepoId = id;
    }
    return this.lastRepoId;
  }
}

/**
 * The bits a slot gives a position + 1: all ones, enough for positions below `capacity` (the other bits of a slot
 * hold the hash's high bits, fewer as the list is longer; at most 31 bits, the sign bit staying a hash bit).
 */
function positionMaskFor(capacity: number): number {
  let mask = 15;
  while (mask < capacity + 1 && mask < 0x7fffffff) {
    mask = mask * 2 + 1;
  }
  return mask;
}

/**
 * From this many commits on, insertAll() inserts part by part: below, the table (4 bytes a slot, two slots a commit)
 * is a MiB at most and mostly in cache anyway. PARTS parts: a million commits' 8 MiB table in parts of 1 MiB.
 */
const PARTITIONED_FROM = 1 << 17;
const PART_BITS = 3;
const PARTS = 1 << PART_BITS;

/** (position, earlier position) pairs, flat, sorted by position (each position repeats at most once). */
function byPosition(pairs: number[]): number[] {
  const firsts: number[] = [];
  const earlier = new Map<number, number>();
  for (let k = 0; k < pairs.length; k += 2) {
    firsts.push(pairs[k]);
    earlier.set(pairs[k], pairs[k + 1]);
  }
  firsts.sort((a, b) => a - b);
  const out: number[] = [];
  for (const position of firsts) {
    out.push(position, earlier.get(position)!);
  }
  return out;
}

/** A power of two at least twice the entries (so probes stay short), at least 16. */
function tableSize(entries: number): number {
  let size = 16;
  while (size < entries * 2) {
    size *= 2;
  }
  return size;
}

/**
 * The hash of a SHA in repository `id`: its last HEX_TAIL characters (all of a shorter one) read natively as a
 * hex number (random in a Git SHA; where generated ids differ), mixed with the repository; undefined when they are
 * not all hex. parseInt stops at the first character that is not hex, so a value too small for its length (a
 * leading zero, or such a stop) is read again strictly.
 */
function shaHash(sha: string, id: number): number | undefined {
  const tail = sha.length > HEX_TAIL ? sha.slice(sha.length - HEX_TAIL) : sha;
  let value = parseInt(tail, 16);
  if (!(value >= SMALLEST[tail.length])) {
    value = Number('0x' + tail);
    if (value !== value) {
      return undefined;
    }
  }
  let h = (value | 0) ^ Math.imul((value / TWO_32) | 0, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return h ^ (h >>> 15);
}

/** SMALLEST[n]: the least value of n hex digits that do not start with 0 (16^(n - 1)); NaN for none, never met. */
const SMALLEST = Array.from({ length: HEX_TAIL + 1 }, (_, n) => (n === 0 ? NaN : 16 ** (n - 1)));

/** A title a revert names, in the repository of the revert. */
export interface NamedTitle {
  repo: string;
  title: string;
}

/** A commit message's first line, trimmed: what a revert names as the reverted commit's title. */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/**
 * Commits whose first message line (as `firstLine` gives it) is one of the titles reverts name, found in one pass
 * over the commits (see CommitGraph.announce): only the wanted titles are kept, never an entry per commit. A line is
 * cut from its message only when its trimmed length is one of the wanted titles' lengths.
 */
export class TitleLookup {
  /** Repository -> wanted title -> positions of its commits, ascending. */
  private readonly found = new Map<string, Map<string, number[]>>();
  private readonly lengths = new Set<number>();
  /** The titles of the last repository seen (commits come grouped by repository). */
  private lastRepo?: string;
  private titles?: Map<string, number[]>;

  /** Ready for a pass over the commits, which calls see() with each commit in order. */
  constructor(wanted: readonly NamedTitle[]) {
    for (const { repo, title } of wanted) {
      let titles = this.found.get(repo);
      if (titles === undefined) {
        titles = new Map();
        this.found.set(repo, titles);
      }
      if (!titles.has(title)) {
        titles.set(title, []);
        this.lengths.add(title.length);
      }
    }
  }

  /** Whether a pass has anything to find. */
  get wanted(): boolean {
    return this.lengths.size > 0;
  }

  /** The pass's step: the commit at `position`. */
  see(c: Change, position: number): void {
    const message = c.message;
    if (message === undefined) {
      return;
    }
    if (c.repo !== this.lastRepo) {
      this.lastRepo = c.repo;
      this.titles = this.found.get(c.repo);
    }
    if (this.titles === undefined) {
      return;
    }
    const title = wantedLine(message, this.lengths);
    if (title !== undefined) {
      this.titles.get(title)?.push(position);
    }
  }

  /** Commits of `repo` whose first message line is exactly `title`, ascending; undefined for a title not wanted. */
  find(repo: string, title: string): readonly number[] | undefined {
    return this.found.get(repo)?.get(title);
  }
}

/**
 * The message's trimmed first line when its length is one of `lengths`, else undefined. ASCII blanks are trimmed by
 * hand, without cutting; a line that then starts or ends beyond ASCII (where trim knows more blanks) is cut by
 * `firstLine` whatever its length.
 */
function wantedLine(message: string, lengths: ReadonlySet<number>): string | undefined {
  const newline = message.indexOf('\n');
  let end = newline < 0 ? message.length : newline;
  let start = 0;
  while (start < end && isAsciiBlank(message.charCodeAt(start))) {
    start++;
  }
  while (end > start && isAsciiBlank(message.charCodeAt(end - 1))) {
    end--;
  }
  if (end > start && (message.charCodeAt(start) >= 128 || message.charCodeAt(end - 1) >= 128)) {
    return firstLine(message);
  }
  return lengths.has(end - start) ? message.slice(start, end) : undefined;
}

/** Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII characters trim removes. */
function isAsciiBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
