/**
 * Hotfix deployments: the provider says so (deployment.hotfix), or options.hotfixPattern matches the
 * deployment's title or ref, or a label, branch or title of a pull request among its changes.
 */
import { Deployment, PullRequestInfo } from '../model';
import { CommitGraph } from './graph';

export class HotfixDetector {
  constructor(
    private readonly pattern: RegExp,
    private readonly graph: CommitGraph
  ) {}

  /** `d` shipped shipped[from .. to) for the first time. */
  isHotfix(d: Deployment, shipped: Int32Array, from: number, to: number): boolean {
    if (d.hotfix === true || this.matches(d.title) || this.matches(d.ref)) {
      return true;
    }
    for (let k = from; k < to; k++) {
      const change = this.graph.commits[shipped[k]];
      if (change.pullRequest && this.pullRequestMatches(change.pullRequest)) {
        return true;
      }
    }
    return false;
  }

  private pullRequestMatches(pr: PullRequestInfo): boolean {
    if (this.matches(pr.title) || this.matches(pr.branch)) {
      return true;
    }
    const labels = pr.labels;
    for (let k = 0; labels !== undefined && k < labels.length; k++) {
      if (this.matches(labels[k])) {
        return true;
      }
    }
    return false;
  }

  private matches(text: string | undefined): boolean {
    return typeof text === 'string' && this.pattern.test(text);
  }
}
