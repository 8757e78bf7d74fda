/**
 * A demo git repository: a real commit graph (parents, merges, branches) and the first-parent line of main,
 * so the engine's ancestry walk has something true to walk.
 */
import { Change, Instant, parentFields, parentsOf, PullRequestInfo } from '../../engine';
import { Random } from './random';

export interface NewCommit {
  committedAt: Instant;
  authoredAt?: Instant;
  parents: string[];
  message: string;
  pullRequest?: PullRequestInfo;
}

export class DemoRepository {
  readonly changes: Change[] = [];
  private readonly bySha = new Map<string, Change>();
  /** First-parent history of main, oldest first. */
  private readonly mainLine: Array<{ sha: string; at: Instant }> = [];
  /** SHAs some production deployment already contained. */
  private readonly shipped = new Set<string>();

  constructor(
    readonly repo: string,
    private readonly rng: Random
  ) {}

  commit(spec: NewCommit): Change {
    const change: Change = {
      sha: this.rng.sha(),
      repo: this.repo,
      authoredAt: spec.authoredAt ?? spec.committedAt,
      committedAt: spec.committedAt,
      ...parentFields(spec.parents),
      message: spec.message,
    };
    if (spec.pullRequest) {
      // Shared by the commits of one pull request, as a source would deliver it (read-only downstream).
      change.pullRequest = spec.pullRequest;
    }
    this.changes.push(change);
    this.bySha.set(change.sha, change);
    return change;
  }

  /** Commits on top of main's head and advances main. */
  commitOnMain(spec: Omit<NewCommit, 'parents'> & { extraParents?: string[] }): Change {
    const head = this.head();
    const parents = head ? [head] : [];
    const change = this.commit({ ...spec, parents: parents.concat(spec.extraParents ?? []) });
    this.mainLine.push({ sha: change.sha, at: change.committedAt });
    return change;
  }

  head(): string | undefined {
    return this.mainLine.length ? this.mainLine[this.mainLine.length - 1].sha : undefined;
  }

  /** Main's head as it was at an instant (where a branch started). */
  headAt(t: Instant): string | undefined {
    let lo = 0;
    let hi = this.mainLine.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.mainLine[mid].at <= t) {
        found = this.mainLine[mid].sha;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found ?? (this.mainLine.length ? this.mainLine[0].sha : undefined);
  }

  get(sha: string): Change | undefined {
    return this.bySha.get(sha);
  }

  /** The commits a production deployment of `sha` ships for the first time; marks them shipped. */
  ship(sha: string): string[] {
    const out: string[] = [];
    const stack = [sha];
    while (stack.length) {
      const current = stack.pop() as string;
      if (this.shipped.has(current)) {
        continue;
      }
      const change = this.bySha.get(current);
      if (!change) {
        continue;
      }
      this.shipped.add(current);
      out.push(current);
      for (const parent of parentsOf(change)) {
        stack.push(parent);
      }
    }
    return out;
  }
}
