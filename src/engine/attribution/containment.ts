/**
 * Which deployments first contained each commit, one per service: recorded while ancestry marks commits
 * as shipped, answered per commit (commit -> deployment positions) when a rollback, an incident or a revert asks.
 */
import { Deployment } from '../model';
import { grown, ListLoan, NO_INTS } from '../typedLists';

export class Containment {
  /**
   * first[c]: position + 1 of the first deployment recorded for commit c (0: none). A commit is recorded once per
   * service that deploys its repository, usually one: one number per commit, no (commit, position) pairs to sort
   * into an index (typed arrays count as external memory, whose growth makes V8 start a full collection).
   */
  private readonly first: Int32Array;
  /**
   * Further recordings (other services of the same repository, e.g. a monorepo), chained per commit: moreHead[c] is
   * the entry + 1 of c's last one, moreNext[e] the entry + 1 of the one before it. Made at the first one.
   */
  private moreHead?: Int32Array;
  private morePosition: Int32Array = NO_INTS;
  private moreNext: Int32Array = NO_INTS;
  private moreCount = 0;

  /** first and moreHead (one number per commit each) are borrowed from `lists`: the caller's until it closes the loan. */
  constructor(
    private readonly commitCount: number,
    private readonly lists: ListLoan = new ListLoan(false)
  ) {
    this.first = lists.ints(commitCount);
  }

  record(commit: number, position: number): void {
    if (this.first[commit] === 0) {
      this.first[commit] = position + 1;
      return;
    }
    const head = this.moreHead ?? (this.moreHead = this.lists.ints(this.commitCount));
    if (this.moreCount === this.morePosition.length) {
      this.morePosition = grown(this.morePosition);
      this.moreNext = grown(this.moreNext);
    }
    const entry = this.moreCount++;
    this.morePosition[entry] = position;
    this.moreNext[entry] = head[commit];
    head[commit] = entry + 1;
  }

  /** Positions (in finish order) of the first deployment of each service that contained the commit. */
  firstShippers(commit: number): number[] {
    const first = this.first[commit];
    if (first === 0) {
      return [];
    }
    const out = [first - 1];
    if (this.moreHead !== undefined) {
      for (let e = this.moreHead[commit]; e !== 0; e = this.moreNext[e - 1]) {
        out.push(this.morePosition[e - 1]);
      }
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** Position of the first deployment of `service` that contained the commit, or -1. */
  firstShipperIn(commit: number, service: string, deployments: readonly Deployment[]): number {
    const first = this.first[commit];
    if (first === 0) {
      return -1;
    }
    if (deployments[first - 1].service === service) {
      return first - 1;
    }
    if (this.moreHead !== undefined) {
      for (let e = this.moreHead[commit]; e !== 0; e = this.moreNext[e - 1]) {
        const p = this.morePosition[e - 1];
        if (deployments[p].service === service) {
          return p;
        }
      }
    }
    return -1;
  }
}
