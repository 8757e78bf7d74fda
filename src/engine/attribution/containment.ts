/**
 * Which deployments first contained each commit, one per service: recorded while ancestry marks commits
 * as shipped, indexed (commit -> deployment positions) only when a rollback, an incident or a revert asks.
 */
import { Deployment } from '../model';

export class Containment {
  /** (commit, position) pairs in typed arrays that double when full: usually about one pair per commit. */
  private commits: Int32Array;
  private positions: Int32Array;
  private count = 0;
  private index?: { start: Int32Array; positions: Int32Array };

  constructor(private readonly commitCount: number) {
    this.commits = new Int32Array(Math.max(16, commitCount));
    this.positions = new Int32Array(this.commits.length);
  }

  record(commit: number, position: number): void {
    if (this.count === this.commits.length) {
      this.commits = grown(this.commits);
      this.positions = grown(this.positions);
    }
    this.commits[this.count] = commit;
    this.positions[this.count] = position;
    this.count++;
    this.index = undefined;
  }

  /** Positions (in finish order) of the first deployment of each service that contained the commit. */
  firstShippers(commit: number): number[] {
    const index = this.built();
    const out: number[] = [];
    for (let k = index.start[commit]; k < index.start[commit + 1]; k++) {
      out.push(index.positions[k]);
    }
    return out.sort((a, b) => a - b);
  }

  /** Position of the first deployment of `service` that contained the commit, or -1. */
  firstShipperIn(commit: number, service: string, deployments: readonly Deployment[]): number {
    const index = this.built();
    for (let k = index.start[commit]; k < index.start[commit + 1]; k++) {
      const p = index.positions[k];
      if (deployments[p].service === service) {
        return p;
      }
    }
    return -1;
  }

  private built(): { start: Int32Array; positions: Int32Array } {
    if (this.index) {
      return this.index;
    }
    const count = this.count;
    const start = new Int32Array(this.commitCount + 1);
    for (let k = 0; k < count; k++) {
      start[this.commits[k] + 1]++;
    }
    for (let c = 0; c < this.commitCount; c++) {
      start[c + 1] += start[c];
    }
    const fill = start.slice(0, this.commitCount);
    const positions = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      positions[fill[this.commits[k]]++] = this.positions[k];
    }
    this.index = { start, positions };
    return this.index;
  }
}

/** The list copied into one twice as long: how the typed lists that fill as they go grow. */
export function grown(list: Int32Array): Int32Array {
  const bigger = new Int32Array(list.length * 2);
  bigger.set(list);
  return bigger;
}
