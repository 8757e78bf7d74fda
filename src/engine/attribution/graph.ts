/**
 * The commit graph, indexed once: commit i's parents are parentIndex[parentStart[i] .. parentStart[i + 1]),
 * only parents that were fetched (the history's edge is where fetching stopped). The lookup by pull request is
 * built on first use, since most queries never need it; SHA prefixes (announced.ts) and revert titles are announced.
 */
import { Change } from '../model';
import { AnnouncedReferences } from './announced';
import { CommitIndex, NamedTitle, TitleLookup } from './commitIndex';
import { grown, ListLoan } from '../typedLists';

export const NO_COMMIT = -1;

/**
 * Scratch space for one walk over the graph at a time: a walk takes the next mark and marks what it reached in seen;
 * stack holds what is left to visit, grown as needed (growStack). Shared by ancestry's tracing and isAncestor, so a
 * million commits cost one list of marks once (typed arrays count as external memory, whose growth makes V8 start a
 * full collection).
 */
export interface WalkScratch {
  seen: Int32Array;
  mark: number;
  stack: Int32Array;
}

/**
 * The stack a walk starts with. It holds the commits reached but not visited yet: about one per merge whose other
 * side is still to walk, so it rarely grows (up to the merges of a repository when a first walk covers its history).
 */
const INITIAL_STACK = 1024;

/** The scratch's stack twice as long, its entries kept: a walk calls it when the stack is full. */
export function growStack(scratch: WalkScratch): Int32Array {
  scratch.stack = grown(scratch.stack);
  return scratch.stack;
}

export class CommitGraph {
  readonly commits: Change[];
  readonly parentStart: Int32Array;
  readonly parentIndex: Int32Array;
  private readonly index: CommitIndex;
  private scratch?: WalkScratch;
  private pullRequests?: Map<number, number[]>;
  /** Commits whose first message line is a title a revert names (announced, see announce). */
  private titles?: TitleLookup;
  private announced?: AnnouncedReferences;

  /**
   * Commits must be unique by repo and SHA (see duplicates.ts), which also hands over its index of them so a
   * million commits are indexed once. The graph's lists are borrowed from `lists`: the caller's until it closes it.
   */
  constructor(commits: Change[], index?: CommitIndex, lists: ListLoan = new ListLoan(false)) {
    this.commits = commits;
    this.index = index ?? indexCommits(commits, lists);
    const n = commits.length;
    this.parentStart = lists.ints(n + 1);
    let listed = 0;
    for (let i = 0; i < n; i++) {
      const c = commits[i];
      if (c.parent !== undefined) {
        listed += c.mergedParents === undefined ? 1 : 1 + c.mergedParents.length;
      }
    }
    const parents = lists.ints(listed);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = commits[i];
      this.parentStart[i] = count;
      if (c.parent === undefined) {
        continue;
      }
      const p = this.fetchedParent(i, c.repo, c.parent);
      if (p !== NO_COMMIT) {
        parents[count++] = p;
      }
      const merged = c.mergedParents;
      for (let k = 0; merged !== undefined && k < merged.length; k++) {
        const q = this.fetchedParent(i, c.repo, merged[k]);
        if (q !== NO_COMMIT) {
          parents[count++] = q;
        }
      }
    }
    this.parentStart[n] = count;
    this.parentIndex = count === listed ? parents : parents.subarray(0, count);
  }

  /** Commit i's parent `sha` where it was fetched (and is not commit i itself), else NO_COMMIT. */
  private fetchedParent(i: number, repo: string, sha: string): number {
    const p = neighbourAt(this.commits, i, repo, sha) ?? this.index.find(repo, sha);
    return p >= 0 && p !== i ? p : NO_COMMIT;
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
   * order. Attribution announces every reference first (see announce); one it did not is answered by a pass of
   * its own over the commits.
   */
  findByReference(reference: string, repo?: string): number[] {
    const found =
      this.announced?.withPrefix(reference) ?? this.passOver([reference], []).references.withPrefix(reference);
    return found ? this.inRepo(found, repo) : [];
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

  /**
   * Commits of a repo whose first message line is exactly `title`, ascending. Attribution announces the titles
   * reverts name first (see announce); one it did not is answered by a pass of its own over the commits.
   */
  commitsWithMessage(repo: string, title: string): readonly number[] {
    return this.titles?.find(repo, title) ?? this.passOver([], [{ repo, title }]).titles.find(repo, title) ?? [];
  }

  /**
   * The SHA references and the titles (each in its repository) attribution is about to look up: answered together
   * in one pass over the commits (see announced.ts), keeping only the commits that match instead of indexing every
   * SHA prefix and first line. Replaces earlier ones.
   */
  announce(references: readonly string[], titles: readonly NamedTitle[]): void {
    const found = this.passOver(references, titles);
    this.announced = found.references;
    this.titles = found.titles;
  }

  /** One read of each commit answers both kinds of lookup. */
  private passOver(
    shas: readonly string[],
    named: readonly NamedTitle[]
  ): { references: AnnouncedReferences; titles: TitleLookup } {
    const references = new AnnouncedReferences(shas);
    const titles = new TitleLookup(named);
    const commits = this.commits;
    if (references.wanted && titles.wanted) {
      for (let i = 0; i < commits.length; i++) {
        const c = commits[i];
        references.see(c.sha, i);
        titles.see(c, i);
      }
    } else if (references.wanted) {
      for (let i = 0; i < commits.length; i++) {
        references.see(commits[i].sha, i);
      }
    } else if (titles.wanted) {
      for (let i = 0; i < commits.length; i++) {
        titles.see(commits[i], i);
      }
    }
    return { references, titles };
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
   * Whether `ancestor` is reachable from `descendant` (or is it). `rank` prunes the walk: any numbering in which
   * no commit ranks below one of its ancestors (attribution uses the position of the deployment that first
   * shipped it; ties allowed), so the walk never enters commits ranked below the ancestor.
   */
  isAncestor(ancestor: number, descendant: number, rank: (commit: number) => number): boolean {
    if (ancestor === descendant) {
      return true;
    }
    const floor = rank(ancestor);
    if (floor > rank(descendant)) {
      return false;
    }
    const scratch = this.scratchSpace();
    const mark = ++scratch.mark;
    const seen = scratch.seen;
    let stack = scratch.stack;
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
        if (seen[p] !== mark && rank(p) >= floor) {
          seen[p] = mark;
          if (top === stack.length) {
            stack = growStack(scratch);
          }
          stack[top++] = p;
        }
      }
    }
    return false;
  }

  /** The graph's walk scratch space (see WalkScratch), made on first use: marks in the index's work list if it has one. */
  scratchSpace(): WalkScratch {
    if (!this.scratch) {
      const lent = this.index.lendWorkList(this.size);
      this.scratch = {
        seen: lent === undefined ? new Int32Array(this.size) : lent.fill(0),
        mark: 0,
        stack: new Int32Array(Math.min(INITIAL_STACK, this.size + 1)),
      };
    }
    return this.scratch;
  }
}

/**
 * A parent listed near its child (histories arrive in commit order, newest or oldest first, a branch's commits close
 * to where it forks and merges): found by comparing the neighbours up to NEIGHBOURS positions away, nearest first,
 * instead of hashing the SHA and probing the index far away in memory. Commits are unique by repo and SHA, so a
 * neighbour with both is the one the index would find. In the generated full-scale history a third of first parents
 * are 2 to 8 positions away, and about one in twenty further.
 */
function neighbourAt(commits: Change[], i: number, repo: string, sha: string): number | undefined {
  const last = commits.length - 1;
  for (let d = 1; d <= NEIGHBOURS; d++) {
    const before = i - d >= 0 ? commits[i - d] : undefined;
    if (before !== undefined && before.sha === sha && before.repo === repo) {
      return i - d;
    }
    const after = i + d <= last ? commits[i + d] : undefined;
    if (after !== undefined && after.sha === sha && after.repo === repo) {
      return i + d;
    }
  }
  return undefined;
}

const NEIGHBOURS = 8;

function indexCommits(commits: Change[], lists: ListLoan): CommitIndex {
  const index = new CommitIndex(commits, commits.length, lists);
  index.insertAll();
  return index;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
