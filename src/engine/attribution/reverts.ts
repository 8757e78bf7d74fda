/**
 * Revert deployments: a change shipped here whose message (or pull request title) matches
 * options.revertPattern. Its target is the commit git names ("This reverts commit <sha>") or, failing that,
 * the commit whose message is the quoted title ('Revert "<title>"'). The deployment of the same service that
 * first shipped the target is the failed one. A revert of a commit that never reached production before
 * fixes nothing in production and is not rework; a revert whose target cannot be found is rework with no
 * failed deployment (never guessed).
 */
import { Change, Deployment } from '../model';
import { Containment } from './containment';
import { CommitGraph, firstLine } from './graph';

export interface RevertVerdict {
  isRevert: boolean;
  /** Positions of earlier deployments of the same service that first shipped a reverted commit. */
  targets: number[];
}

const NAMED_SHA = /this reverts commit ([0-9a-f]{7,64})/i;
const QUOTED_TITLE = /^revert\s+"(.+)"\s*$/i;

export class RevertDetector {
  constructor(
    private readonly pattern: RegExp,
    private readonly graph: CommitGraph,
    private readonly containment: Containment,
    private readonly deployments: Deployment[]
  ) {}

  verdict(position: number, commits: number[]): RevertVerdict {
    const targets: number[] = [];
    let isRevert = false;
    for (const c of commits) {
      const change = this.graph.commits[c];
      if (!this.isRevertChange(change)) {
        continue;
      }
      const reverted = this.revertedCommits(change);
      if (reverted.length === 0) {
        isRevert = true;
        continue;
      }
      for (const target of reverted) {
        const shipper = this.earlierShipper(target, position);
        if (shipper >= 0) {
          isRevert = true;
          if (targets.indexOf(shipper) < 0) {
            targets.push(shipper);
          }
        }
      }
    }
    return { isRevert, targets: targets.sort((a, b) => a - b) };
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
    const named = change.message !== undefined ? NAMED_SHA.exec(change.message) : null;
    if (named) {
      return this.graph.findByReference(named[1], change.repo);
    }
    const itself = this.graph.indexOf(change.repo, change.sha);
    for (const text of [change.message, change.pullRequest?.title]) {
      const quoted = text !== undefined ? QUOTED_TITLE.exec(firstLine(text)) : null;
      if (quoted) {
        const found = this.graph.commitsWithMessage(change.repo, quoted[1]).filter((c) => c !== itself);
        if (found.length > 0) {
          return found;
        }
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
