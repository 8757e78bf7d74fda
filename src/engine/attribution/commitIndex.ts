/**
 * Commits by repository and SHA, and by repository and first message line: one Map of keys to positions per
 * repository. The runtime hashes the keys natively; hashing them in JavaScript character by character (an
 * earlier typed-array table did) cost the Go backend's VM about half a microsecond per character, more than the
 * rest of attribution. Nothing is allocated per commit but the map entry: the keys are the commits' own strings
 * (first message lines are cut once, when a revert names a title).
 */
import { Change } from '../model';

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

export class CommitIndex {
  private readonly shas = new ByRepository<number>();

  /**
   * `commits` may still grow while it is indexed. `capacity` (the commits to be indexed) sized the earlier
   * table; callers still pass it, and a map needs no size.
   */
  constructor(
    private readonly commits: readonly Change[],
    capacity?: number
  ) {
    void capacity;
  }

  /** Position of the commit with this repo and SHA, or -1. */
  find(repo: string, sha: string): number {
    const at = this.shas.of(repo, false)?.get(sha);
    return at === undefined ? -1 : at;
  }

  /** Indexes the commit at `position` unless one with its repo and SHA is indexed: then returns that one's position. */
  insert(position: number): number {
    const commit = this.commits[position];
    const shas = this.shas.of(commit.repo, true)!;
    const at = shas.get(commit.sha);
    if (at !== undefined) {
      return at;
    }
    shas.set(commit.sha, position);
    return -1;
  }
}

/**
 * Commits by repository and first message line (as `firstLine` gives it), for reverts named by title: the map
 * holds the first commit of each title, and `next` chains the others in position order.
 */
export class TitleIndex {
  private readonly titles = new ByRepository<number>();
  /** Position + 1 of the next commit with the same repository and title; 0 ends the chain. */
  private readonly next: Int32Array;

  constructor(
    commits: readonly Change[],
    firstLine: (message: string) => string
  ) {
    this.next = new Int32Array(commits.length);
    // Backwards, so each chain is built head first and reads in ascending positions.
    for (let i = commits.length - 1; i >= 0; i--) {
      const c = commits[i];
      if (c.message !== undefined) {
        const titles = this.titles.of(c.repo, true)!;
        const title = firstLine(c.message);
        const head = titles.get(title);
        if (head !== undefined) {
          this.next[i] = head + 1;
        }
        titles.set(title, i);
      }
    }
  }

  /** Positions of the commits of `repo` whose first message line is exactly `title`, ascending. */
  find(repo: string, title: string): number[] {
    const found: number[] = [];
    const head = this.titles.of(repo, false)?.get(title);
    for (let at = head === undefined ? -1 : head; at >= 0; at = this.next[at] - 1) {
      found.push(at);
    }
    return found;
  }
}
