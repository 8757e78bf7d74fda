/**
 * The commit graph, indexed once: commit i's parents are parentIndex[parentStart[i] .. parentStart[i + 1]),
 * only parents that were fetched (the history's edge is where fetching stopped). Lookups by SHA prefix,
 * pull request and message are built on first use, since most queries never need them.
 */
import { Change } from '../model';
import { AnnouncedReferences, hexKey, shaPrefix } from './announced';
import { CommitIndex, TitleIndex } from './commitIndex';

export const NO_COMMIT = -1;

export class CommitGraph {
  readonly commits: Change[];
  readonly parentStart: Int32Array;
  readonly parentIndex: Int32Array;
  private readonly index: CommitIndex;
  private generations?: Int32Array;
  private scratch?: { seen: Int32Array; mark: number; stack: Int32Array };
  private prefixIndex?: PrefixIndex;
  private pullRequests?: Map<number, number[]>;
  /** Commits by repository and first message line, built when a revert names a title. */
  private titles?: TitleIndex;
  private announced?: AnnouncedReferences;

  /**
   * Commits must be unique by repo and SHA (see duplicates.ts), which also hands over its index of them so a
   * million commits are indexed once.
   */
  constructor(commits: Change[], index?: CommitIndex) {
    this.commits = commits;
    this.index = index ?? indexCommits(commits);
    const n = commits.length;
    this.parentStart = new Int32Array(n + 1);
    let listed = 0;
    for (let i = 0; i < n; i++) {
      listed += commits[i].parents.length;
    }
    const parents = new Int32Array(listed);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = commits[i];
      this.parentStart[i] = count;
      const shas = c.parents;
      for (let k = 0; k < shas.length; k++) {
        const p = neighbourAt(commits, i, c.repo, shas[k]) ?? this.index.find(c.repo, shas[k]);
        if (p >= 0 && p !== i) {
          parents[count++] = p;
        }
      }
    }
    this.parentStart[n] = count;
    this.parentIndex = count === listed ? parents : parents.slice(0, count);
  }

  get size(): number {
    return this.commits.length;
  }

  indexOf(repo: string, sha: string): number {
    const i = this.index.find(repo, sha);
    return i < 0 ? NO_COMMIT : i;
  }

  /**
   * Commits whose SHA starts with a (case-insensitive, >= 7 characters) reference, in one repo or any, in graph
   * order. A binary search over the SHAs' first six hex digits finds the few candidates; each is then checked.
   */
  findByReference(reference: string, repo?: string): number[] {
    const announced = this.announced?.withPrefix(reference);
    if (announced) {
      return this.inRepo(announced, repo);
    }
    const prefix = shaPrefix(reference);
    if (prefix === undefined) {
      return [];
    }
    const { keys, commits } = this.shaPrefixIndex();
    const key = hexKey(prefix);
    const found: number[] = [];
    for (let k = lowerBound(keys, key); k < keys.length && keys[k] === key; k++) {
      const commit = commits[k];
      const c = this.commits[commit];
      if (c.sha.slice(0, prefix.length).toLowerCase() === prefix && (repo === undefined || c.repo === repo)) {
        found.push(commit);
      }
    }
    return found.sort((a, b) => a - b);
  }

  /** Commits that belong to pull request `number` (in one repo or any). */
  commitsOfPullRequest(number: number, repo?: string): number[] {
    if (!this.pullRequests) {
      this.pullRequests = new Map();
      this.commits.forEach((c, i) => {
        if (c.pullRequest) {
          pushTo(this.pullRequests!, c.pullRequest.number, i);
        }
      });
    }
    const all = this.pullRequests.get(number) ?? [];
    return repo === undefined ? all : all.filter((i) => this.commits[i].repo === repo);
  }

  /** Commits of a repo whose first message line is exactly `title`. */
  commitsWithMessage(repo: string, title: string): number[] {
    if (!this.titles) {
      this.titles = new TitleIndex(this.commits, firstLine);
    }
    return this.titles.find(repo, title);
  }

  /**
   * The SHA references attribution is about to look up: answered together in one pass over the commits (see
   * announced.ts) instead of through an index of every commit. Replaces earlier ones.
   */
  announce(references: readonly string[]): void {
    this.announced = new AnnouncedReferences(this.commits, references);
  }

  private inRepo(commits: readonly number[], repo: string | undefined): number[] {
    const out: number[] = [];
    for (let k = 0; k < commits.length; k++) {
      if (repo === undefined || this.commits[commits[k]].repo === repo) {
        out.push(commits[k]);
      }
    }
    return out;
  }

  /**
   * Whether `ancestor` is reachable from `descendant` (or is it). Generation numbers prune the walk; or `rank`, when
   * given: any numbering in which no commit ranks below one of its ancestors (attribution uses the position of the
   * deployment that first shipped it), which spares numbering the whole graph first.
   */
  isAncestor(ancestor: number, descendant: number, rank?: (commit: number) => number): boolean {
    if (ancestor === descendant) {
      return true;
    }
    // With generations a proper ancestor ranks strictly lower; with a rank, possibly equal.
    const gen = rank ? undefined : this.generation();
    const floor = gen ? gen[ancestor] + 1 : rank!(ancestor);
    if (floor > (gen ? gen[descendant] : rank!(descendant))) {
      return false;
    }
    const scratch = this.scratchSpace();
    const mark = ++scratch.mark;
    const { seen, stack } = scratch;
    let top = 0;
    stack[top++] = descendant;
    seen[descendant] = mark;
    while (top > 0) {
      const c = stack[--top];
      for (let k = this.parentStart[c]; k < this.parentStart[c + 1]; k++) {
        const p = this.parentIndex[k];
        if (p === ancestor) {
          return true;
        }
        if (seen[p] !== mark && (gen ? gen[p] : rank!(p)) >= floor) {
          seen[p] = mark;
          stack[top++] = p;
        }
      }
    }
    return false;
  }

  /**
   * 1 + the longest path to a root: a proper ancestor always has a smaller generation. Iterative post-order
   * walk; an edge back into the commit being expanded (a cycle, i.e. broken data) is ignored, so it ends.
   */
  private generation(): Int32Array {
    if (this.generations) {
      return this.generations;
    }
    const n = this.size;
    const gen = new Int32Array(n);
    const state = new Uint8Array(n); // 0 new, 1 open, 2 done
    const next = new Int32Array(n);
    const stack = new Int32Array(n);
    for (let root = 0; root < n; root++) {
      if (state[root] !== 0) {
        continue;
      }
      let top = 0;
      stack[top++] = root;
      state[root] = 1;
      next[root] = this.parentStart[root];
      while (top > 0) {
        const c = stack[top - 1];
        if (next[c] < this.parentStart[c + 1]) {
          const p = this.parentIndex[next[c]++];
          if (state[p] === 0) {
            state[p] = 1;
            next[p] = this.parentStart[p];
            stack[top++] = p;
          }
          continue;
        }
        let g = 1;
        for (let k = this.parentStart[c]; k < this.parentStart[c + 1]; k++) {
          const p = this.parentIndex[k];
          if (state[p] === 2 && gen[p] >= g) {
            g = gen[p] + 1;
          }
        }
        gen[c] = g;
        state[c] = 2;
        top--;
      }
    }
    this.generations = gen;
    return gen;
  }

  private scratchSpace(): { seen: Int32Array; mark: number; stack: Int32Array } {
    if (!this.scratch) {
      this.scratch = { seen: new Int32Array(this.size), mark: 0, stack: new Int32Array(this.size) };
    }
    return this.scratch;
  }

  /**
   * The commits whose SHA starts with six hex digits, ordered by those digits (as a number, the key) and then by
   * position: two stable counting-sort passes over the key's low and high twelve bits, linear where a comparison
   * sort of a million keys is not. SHAs that do not start with six hex digits cannot match a hex reference and
   * are left out.
   */
  private shaPrefixIndex(): PrefixIndex {
    if (!this.prefixIndex) {
      const n = this.commits.length;
      const keyOf = new Int32Array(n);
      const low = new Int32Array(RADIX + 1);
      const high = new Int32Array(RADIX + 1);
      let listed = 0;
      for (let i = 0; i < n; i++) {
        const key = hexKey(this.commits[i].sha);
        keyOf[i] = key;
        if (key >= 0) {
          listed++;
          low[(key & RADIX_MASK) + 1]++;
          high[(key >>> RADIX_BITS) + 1]++;
        }
      }
      for (let r = 0; r < RADIX; r++) {
        low[r + 1] += low[r];
        high[r + 1] += high[r];
      }
      const byLow = new Int32Array(listed);
      for (let i = 0; i < n; i++) {
        if (keyOf[i] >= 0) {
          byLow[low[keyOf[i] & RADIX_MASK]++] = i;
        }
      }
      const commits = new Int32Array(listed);
      const keys = new Int32Array(listed);
      for (let k = 0; k < listed; k++) {
        const i = byLow[k];
        const at = high[keyOf[i] >>> RADIX_BITS]++;
        commits[at] = i;
        keys[at] = keyOf[i];
      }
      this.prefixIndex = { keys, commits };
    }
    return this.prefixIndex;
  }
}

/**
 * A parent listed right next to its child (histories arrive in commit order, newest or oldest first): found by
 * comparing the two neighbours instead of hashing the SHA and probing the index far away in memory. Commits are
 * unique by repo and SHA, so a neighbour with both is the one the index would find.
 */
function neighbourAt(commits: Change[], i: number, repo: string, sha: string): number | undefined {
  const before = i > 0 ? commits[i - 1] : undefined;
  if (before !== undefined && before.sha === sha && before.repo === repo) {
    return i - 1;
  }
  const after = i + 1 < commits.length ? commits[i + 1] : undefined;
  if (after !== undefined && after.sha === sha && after.repo === repo) {
    return i + 1;
  }
  return undefined;
}

function indexCommits(commits: Change[]): CommitIndex {
  const index = new CommitIndex(commits, commits.length);
  for (let i = 0; i < commits.length; i++) {
    index.insert(i);
  }
  return index;
}

export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/** Commits with a hex SHA by its first six digits: commits[k] has key keys[k]; keys ascending, then positions. */
interface PrefixIndex {
  keys: Int32Array;
  commits: Int32Array;
}

/** A key's 24 bits sorted in two passes of 12. */
const RADIX_BITS = 12;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

/** First position in a sorted array whose value is >= target. */
function lowerBound(sorted: Int32Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
