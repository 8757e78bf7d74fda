/**
 * The changes of each deployment (docs/definitions.md#change-lead-time): the commits reachable from its SHA and
 * from no earlier successful production deployment of the same service; explicit change lists win.
 *
 * The hot path. Services are traced one after another over one shared stamp array: stamp[c] === mark means
 * "commit c is already shipped by the current service". Because a walk marks the whole ancestry it reaches
 * and stops only at marked commits, the marked set is always closed under parents, so each deployment walks
 * exactly its new commits and every commit is visited once per service that deploys its repository.
 */
import { touchesPaths } from '../catalog';
import { Change, Deployment } from '../model';
import { grown, ListLoan } from '../typedLists';
import { Containment } from './containment';
import { Findings } from './findings';
import { CommitGraph, growStack, NO_COMMIT, WalkScratch } from './graph';
import { compareNumbers, compareText, sortPositionsWith } from './order';
import { AttributedDeployment } from './types';

const METHODS: ReadonlyArray<AttributedDeployment['changeMethod']> = ['ancestry', 'explicit', 'unknown'];

/**
 * What each deployment shipped, by deployment position, in typed columns: no object per deployment (a hundred
 * thousand of them live through most of attribution).
 */
export class Shipments {
  /**
   * The commits shipped here for the first time (attributed to it), by commit time: graph indices at
   * ShipmentTrace.shipped[from[i] .. to[i]). One typed list for all deployments instead of an array each.
   */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Graph index of the deployment's SHA, or NO_COMMIT. */
  readonly shaCommit: Int32Array;
  /** 1 when it has the same SHA as the deployment live in its environment just before. */
  readonly isRedeploy: Uint8Array;
  /** 1 when an earlier deployment of the same service already contained this SHA (the same SHA or a descendant). */
  readonly shippedBefore: Uint8Array;
  /** Index into METHODS: how the change list was found. */
  private readonly method: Uint8Array;
  /** The provider's lists (explicit) and null for unknown ones; absent: the SHAs of the commits from .. to. */
  private readonly lists = new Map<number, string[] | null>();

  constructor(count: number) {
    this.from = new Int32Array(count);
    this.to = new Int32Array(count);
    this.shaCommit = new Int32Array(count);
    this.isRedeploy = new Uint8Array(count);
    this.shippedBefore = new Uint8Array(count);
    this.method = new Uint8Array(count);
  }

  set(
    i: number,
    changeShas: string[] | null | undefined,
    changeMethod: AttributedDeployment['changeMethod'],
    from: number,
    to: number,
    isRedeploy: boolean,
    shippedBefore: boolean,
    shaCommit: number
  ): void {
    this.from[i] = from;
    this.to[i] = to;
    this.shaCommit[i] = shaCommit;
    this.isRedeploy[i] = isRedeploy ? 1 : 0;
    this.shippedBefore[i] = shippedBefore ? 1 : 0;
    this.method[i] = changeMethod === 'ancestry' ? 0 : changeMethod === 'explicit' ? 1 : 2;
    if (changeShas !== undefined) {
      this.lists.set(i, changeShas);
    }
  }

  changeMethod(i: number): AttributedDeployment['changeMethod'] {
    return METHODS[this.method[i]];
  }

  /** The provider's list, null when unknown, or undefined when they are the SHAs of the commits from .. to. */
  changeShas(i: number): string[] | null | undefined {
    return this.lists.get(i);
  }
}

export interface ShipmentTrace {
  /** By deployment position. */
  shipments: Shipments;
  /** Graph indices of every deployment's first-shipped commits (see Shipments.from and to). */
  shipped: Int32Array;
  containment: Containment;
}

export type PathsOf = (service: string, repo: string) => string[] | undefined;

/**
 * `deployments` sorted by finish; `previous` and `byService` from deployments.ts. The shipped list and the
 * containment's are borrowed from `lists`: the caller's until it closes the loan.
 */
export function traceShipments(
  deployments: Deployment[],
  previous: Int32Array,
  byService: Map<string, number[]>,
  graph: CommitGraph,
  pathsOf: PathsOf,
  findings: Findings,
  lists: ListLoan
): ShipmentTrace {
  const tracer = new Tracer(deployments, previous, graph, pathsOf, findings, lists);
  byService.forEach((positions) => tracer.traceService(positions));
  return { shipments: tracer.shipments, shipped: tracer.shippedList(), containment: tracer.containment };
}

class Tracer {
  readonly shipments: Shipments;
  readonly containment: Containment;
  /** What walks collect, deployment after deployment: the first `count` entries. */
  private shipped: Int32Array;
  private count = 0;
  /** The graph's walk scratch space: stamp is its seen, each service takes the next mark. */
  private readonly scratch: WalkScratch;
  private readonly stamp: Int32Array;
  private mark = 0;
  /** repo@sha of SHAs the current service shipped that are not in the graph. */
  private shippedOutsideGraph = new Set<string>();
  /** Reused by every long sort (see sortByCommitTime), grown as needed: no four typed arrays per deployment. */
  private sortSpace?: SortSpace;

  constructor(
    private readonly deployments: Deployment[],
    private readonly previous: Int32Array,
    private readonly graph: CommitGraph,
    private readonly pathsOf: PathsOf,
    private readonly findings: Findings,
    lists: ListLoan
  ) {
    this.shipments = new Shipments(deployments.length);
    this.containment = new Containment(graph.size, lists);
    this.scratch = graph.scratchSpace();
    this.stamp = this.scratch.seen;
    this.shipped = lists.ints(Math.max(16, graph.size));
  }

  traceService(positions: number[]): void {
    this.mark = ++this.scratch.mark;
    this.shippedOutsideGraph = new Set();
    // A service's history is anchored once a deployment's commit (or explicit list) is known; before that
    // nothing marks what was already shipped, so changes are unknown rather than "everything fetched".
    let anchored = false;
    for (let p = 0; p < positions.length; p++) {
      const i = positions[p];
      const d = this.deployments[i];
      const shaCommit = this.graph.indexOf(d.repo, d.sha);
      // Only SHAs outside the graph are remembered by key (see explicit()), so only they need one.
      const shaKey = shaCommit === NO_COMMIT ? `${d.repo}@${d.sha}` : '';
      const shippedBefore =
        shaCommit !== NO_COMMIT ? this.stamp[shaCommit] === this.mark : this.shippedOutsideGraph.has(shaKey);
      const prev = this.previous[i];
      const isRedeploy = prev >= 0 && this.deployments[prev].sha === d.sha && this.deployments[prev].repo === d.repo;
      const from = this.count;
      if (d.changes) {
        const changeShas = this.explicit(i, shaCommit);
        this.shipments.set(i, changeShas, 'explicit', from, this.count, isRedeploy, shippedBefore, shaCommit);
        anchored = true;
      } else if (isRedeploy) {
        this.walk(shaCommit, i, false);
        this.shipments.set(i, undefined, 'ancestry', from, from, isRedeploy, shippedBefore, shaCommit);
      } else if (!anchored) {
        this.walk(shaCommit, i, false);
        this.shipments.set(i, null, 'unknown', from, from, isRedeploy, shippedBefore, shaCommit);
        this.reportUnknown(d, i === positions[0]);
        anchored = shaCommit !== NO_COMMIT;
      } else if (shaCommit === NO_COMMIT) {
        this.shipments.set(i, null, 'unknown', from, from, isRedeploy, shippedBefore, shaCommit);
        this.reportMissing(d);
      } else {
        this.walk(shaCommit, i, true);
        const paths = this.pathsOf(d.service, d.repo);
        if (paths !== undefined) {
          this.keepTouching(from, paths);
        }
        const to = this.count;
        this.sortByCommitTime(from, to);
        this.shipments.set(i, undefined, 'ancestry', from, to, isRedeploy, shippedBefore, shaCommit);
      }
      if (shaCommit === NO_COMMIT) {
        this.shippedOutsideGraph.add(shaKey);
      }
    }
  }

  /**
   * The provider's list, minus what this service already shipped; its commits and SHA count as shipped. The listed
   * commits in the graph are appended to the shipped list, by commit time.
   */
  private explicit(i: number, shaCommit: number): string[] {
    const d = this.deployments[i];
    const changeShas: string[] = [];
    const commits: number[] = [];
    const missing: string[] = [];
    const listed = new Set<string>();
    for (const sha of d.changes!) {
      if (listed.has(sha)) {
        continue;
      }
      listed.add(sha);
      const c = this.graph.indexOf(d.repo, sha);
      if (c === NO_COMMIT) {
        missing.push(sha);
        const key = `${d.repo}@${sha}`;
        if (!this.shippedOutsideGraph.has(key)) {
          this.shippedOutsideGraph.add(key);
          changeShas.push(sha);
        }
      } else if (this.stamp[c] !== this.mark) {
        changeShas.push(sha);
        commits.push(c);
      }
    }
    this.walk(shaCommit, i, false);
    for (const c of commits) {
      this.walk(c, i, false);
    }
    if (missing.length > 0) {
      this.findings.add(
        'missing-commit',
        'warning',
        d.id,
        `Deployment ${d.id} of ${d.service} lists ${missing.length} change(s) not among the fetched commits of ` +
          `${d.repo} (e.g. ${missing[0]}); they have no lead time. Check the repository and the commit look-back.`,
        { service: d.service, at: d.finishedAt, count: missing.length }
      );
    }
    const from = this.count;
    for (const c of commits) {
      this.append(c);
    }
    this.sortByCommitTime(from, this.count);
    return changeShas;
  }

  shippedList(): Int32Array {
    return this.shipped.subarray(0, this.count);
  }

  private append(commit: number): void {
    if (this.count === this.shipped.length) {
      this.shipped = grown(this.shipped);
    }
    this.shipped[this.count++] = commit;
  }

  /** Keeps, of the commits collected since `from`, those touching one of the service's paths (monorepos). */
  private keepTouching(from: number, paths: string[]): void {
    let kept = from;
    for (let k = from; k < this.count; k++) {
      const c = this.shipped[k];
      if (touchesPaths(this.graph.commits[c].files, paths)) {
        this.shipped[kept++] = c;
      }
    }
    this.count = kept;
  }

  /** Marks every not-yet-shipped ancestor of `start` (itself included); appends them to `shipped` when asked. */
  private walk(start: number, position: number, collect: boolean): void {
    if (start === NO_COMMIT || this.stamp[start] === this.mark) {
      return;
    }
    const { stamp, mark, graph, containment, scratch } = this;
    let stack = scratch.stack;
    const { parentStart, parentIndex } = graph;
    let top = 0;
    stack[top++] = start;
    stamp[start] = mark;
    while (top > 0) {
      const c = stack[--top];
      containment.record(c, position);
      if (collect) {
        this.append(c);
      }
      for (let k = parentStart[c]; k < parentStart[c + 1]; k++) {
        const p = parentIndex[k];
        if (stamp[p] !== mark) {
          stamp[p] = mark;
          if (top === stack.length) {
            stack = growStack(scratch);
          }
          stack[top++] = p;
        }
      }
    }
  }

  /**
   * Sorts shipped[from .. to) in place by commit time, then SHA (a total order: one walk stays in one repository). A
   * walk goes from the tip towards the roots, so it collects commits mostly newest first: reversed first, they are
   * nearly in order, and an insertion sort makes about one comparison per commit instead of one per pair.
   */
  private sortByCommitTime(from: number, to: number): void {
    const list = this.shipped;
    const all = this.graph.commits;
    for (let lo = from, hi = to - 1; lo < hi; lo++, hi--) {
      const first = list[lo];
      list[lo] = list[hi];
      list[hi] = first;
    }
    const n = to - from;
    if (n > INSERTION_SORT_MAX) {
      const space = this.sortSpaceFor(n);
      const { commits, time } = space;
      for (let k = 0; k < n; k++) {
        commits[k] = list[from + k];
        time[k] = all[commits[k]].committedAt;
      }
      const order = sortPositionsWith(
        time,
        n,
        (y, x) => all[commits[y]].sha < all[commits[x]].sha,
        space.first,
        space.second
      );
      for (let k = 0; k < n; k++) {
        list[from + k] = commits[order[k]];
      }
      return;
    }
    // Most deployments ship a handful of commits: no comparator closure and no scratch copy per deployment.
    for (let k = from + 1; k < to; k++) {
      const moving = list[k];
      const c = all[moving];
      let j = k - 1;
      while (j >= from && byCommitTime(all[list[j]], c) > 0) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = moving;
    }
  }

  private sortSpaceFor(n: number): SortSpace {
    if (this.sortSpace === undefined || this.sortSpace.commits.length < n) {
      let size = 64;
      while (size < n) {
        size *= 2;
      }
      this.sortSpace = {
        commits: new Int32Array(size),
        time: new Float64Array(size),
        first: new Int32Array(size),
        second: new Int32Array(size),
      };
    }
    return this.sortSpace;
  }

  private reportUnknown(d: Deployment, isFirst: boolean): void {
    const why = isFirst
      ? `it is the first deployment of ${d.service} in the fetched history`
      : `no earlier deployment of ${d.service} is at a fetched commit`;
    this.findings.add(
      'unknown-changes',
      'info',
      d.id,
      `Deployment ${d.id}: ${why}, so what it shipped for the first time is unknown; it is left out of lead time. ` +
        'A longer look-back that includes an earlier deployment resolves it.',
      { service: d.service, at: d.finishedAt }
    );
  }

  private reportMissing(d: Deployment): void {
    this.findings.add(
      'missing-commit',
      'warning',
      d.id,
      `Deployment ${d.id} of ${d.service} is at commit ${short(d.sha)} of ${d.repo}, which is not among the fetched ` +
        'commits; its changes are unknown (the next deployment may include them). Check that the repository ' +
        'and branch of this service are fetched.',
      { service: d.service, at: d.finishedAt }
    );
  }
}

/** Below this many commits an insertion sort in place; above, a merge sort over the commit instants (sortPositionsWith). */
const INSERTION_SORT_MAX = 24;

/** The long sorts' lists: commits, their instants, and the merge sort's two position lists. */
interface SortSpace {
  commits: Int32Array;
  time: Float64Array;
  first: Int32Array;
  second: Int32Array;
}

function byCommitTime(a: Change, b: Change): number {
  return compareNumbers(a.committedAt, b.committedAt) || compareText(a.sha, b.sha);
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
