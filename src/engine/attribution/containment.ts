/**
 * Which deployments first contained each commit, one per service: recorded while ancestry marks commits
 * as shipped, indexed (commit -> deployment positions) only when an incident or a revert asks.
 */
export class Containment {
  private readonly commits: number[] = [];
  private readonly positions: number[] = [];
  private index?: { start: Int32Array; positions: Int32Array };

  constructor(private readonly commitCount: number) {}

  record(commit: number, position: number): void {
    this.commits.push(commit);
    this.positions.push(position);
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

  private built(): { start: Int32Array; positions: Int32Array } {
    if (this.index) {
      return this.index;
    }
    const start = new Int32Array(this.commitCount + 1);
    for (const c of this.commits) {
      start[c + 1]++;
    }
    for (let c = 0; c < this.commitCount; c++) {
      start[c + 1] += start[c];
    }
    const fill = start.slice(0, this.commitCount);
    const positions = new Int32Array(this.commits.length);
    for (let k = 0; k < this.commits.length; k++) {
      positions[fill[this.commits[k]]++] = this.positions[k];
    }
    this.index = { start, positions };
    return this.index;
  }
}
