/**
 * Revert deployments: a change shipped here whose message (or pull request title) matches
 * options.revertPattern. Its target is the commit git names ("This reverts commit <sha>") or, failing that,
 * the commit whose message is the quoted title ('Revert "<title>"'). The deployment of the same service that
 * first shipped the target is the failed one. A revert of a commit that never reached production before
 * fixes nothing in production and is not rework; a revert whose target cannot be found is rework with no
 * failed deployment (never guessed).
 */
import { Change, Deployment } from '../model';
import { firstLine, NamedTitle } from './commitIndex';
import { Containment } from './containment';
import { CommitGraph } from './graph';

export interface RevertVerdict {
  isRevert: boolean;
  /** Positions of earlier deployments of the same service that first shipped a reverted commit. */
  targets: number[];
}

const NAMED_SHA = /this reverts commit ([0-9a-f]{7,64})/i;
const QUOTED_TITLE = /^revert\s+"(.+)"\s*$/i;

export class RevertDetector {
  /** Per commit: 0 not yet asked, REVERT or NOT_REVERT (the pattern is tested once per commit). */
  private readonly kinds: Uint8Array;

  constructor(
    private readonly pattern: RegExp,
    private readonly graph: CommitGraph,
    private readonly containment: Containment,
    private readonly deployments: Deployment[]
  ) {
    this.kinds = new Uint8Array(graph.size);
  }

  /**
   * The SHAs and titles the reverts among these (shipped) commits name. Attribution announces them to the commit
   * graph, which answers each kind in one pass.
   */
  namedTargets(commits: Int32Array): { shas: string[]; titles: NamedTitle[] } {
    const shas: string[] = [];
    const titles: NamedTitle[] = [];
    for (let k = 0; k < commits.length; k++) {
      if (this.isRevertCommit(commits[k])) {
        const change = this.graph.commits[commits[k]];
        const target = revertTarget(change);
        if (target.sha !== undefined) {
          shas.push(target.sha);
        }
        for (const title of target.titles) {
          titles.push({ repo: change.repo, title });
        }
      }
    }
    return { shas, titles };
  }

  /** The deployment at `position` shipped shipped[from .. to) for the first time. */
  verdict(position: number, shipped: Int32Array, from: number, to: number): RevertVerdict {
    let targets: number[] | undefined;
    let isRevert = false;
    for (let k = from; k < to; k++) {
      if (!this.isRevertCommit(shipped[k])) {
        continue;
      }
      const reverted = this.revertedCommits(this.graph.commits[shipped[k]]);
      if (reverted.length === 0) {
        isRevert = true;
        continue;
      }
      for (const target of reverted) {
        const shipper = this.earlierShipper(target, position);
        if (shipper >= 0) {
          isRevert = true;
          targets = targets ?? [];
          if (targets.indexOf(shipper) < 0) {
            targets.push(shipper);
          }
        }
      }
    }
    return isRevert ? { isRevert, targets: targets ? targets.sort((a, b) => a - b) : NO_TARGETS } : NOT_A_REVERT;
  }

  /** Whether the commit's message or pull request title matches the revert pattern. */
  isRevertCommit(commit: number): boolean {
    let kind = this.kinds[commit];
    if (kind === 0) {
      kind = this.isRevertChange(this.graph.commits[commit]) ? REVERT : NOT_REVERT;
      this.kinds[commit] = kind;
    }
    return kind === REVERT;
  }

  /** Whether a change's message or pull request title matches the revert pattern. */
  isRevertChange(change: Change): boolean {
    const title = change.pullRequest?.title;
    return (
      (change.message !== undefined && this.pattern.test(change.message)) ||
      (title !== undefined && this.pattern.test(title))
    );
  }

  private revertedCommits(change: Change): number[] {
    const target = revertTarget(change);
    if (target.sha !== undefined) {
      return this.graph.findByReference(target.sha, change.repo);
    }
    if (target.titles.length === 0) {
      return [];
    }
    const itself = this.graph.indexOf(change.repo, change.sha);
    for (const title of target.titles) {
      const found = this.graph.commitsWithMessage(change.repo, title).filter((c) => c !== itself);
      if (found.length > 0) {
        return found;
      }
    }
    return [];
  }

  /** The earliest deployment of this deployment's service, before it, that first shipped the commit. */
  private earlierShipper(commit: number, position: number): number {
    const service = this.deployments[position].service;
    for (const p of this.containment.firstShippers(commit)) {
      if (p < position && this.deployments[p].service === service) {
        return p;
      }
    }
    return -1;
  }
}

const REVERT = 1;
const NOT_REVERT = 2;
const NO_TARGETS: number[] = Object.freeze([] as number[]) as number[];
const NOT_A_REVERT: RevertVerdict = Object.freeze({ isRevert: false, targets: NO_TARGETS }) as RevertVerdict;

/**
 * What a revert change names: the commit git names ("This reverts commit <sha>"), which alone decides; else the
 * quoted titles of its message and pull request title, tried in that order.
 */
function revertTarget(change: Change): { sha?: string; titles: string[] } {
  const named = change.message !== undefined ? NAMED_SHA.exec(change.message) : null;
  if (named) {
    return { sha: named[1], titles: [] };
  }
  const titles: string[] = [];
  for (const text of [change.message, change.pullRequest?.title]) {
    const quoted = text !== undefined ? QUOTED_TITLE.exec(firstLine(text)) : null;
    if (quoted) {
      titles.push(quoted[1]);
    }
  }
  return { titles };
}
