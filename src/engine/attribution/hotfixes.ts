/**
 * Hotfix deployments: the provider says so (deployment.hotfix), or options.hotfixPattern matches the
 * deployment's title or ref, or a label, branch or title of a pull request among its changes.
 */
import { Deployment, PullRequestInfo } from '../model';
import { CommitGraph } from './graph';

export class HotfixDetector {
  /** Verdict per repo#number: the commits of one pull request share it. */
  private readonly pullRequests = new Map<string, boolean>();

  constructor(
    private readonly pattern: RegExp,
    private readonly graph: CommitGraph
  ) {}

  isHotfix(d: Deployment, commits: number[]): boolean {
    if (d.hotfix === true || this.matches(d.title) || this.matches(d.ref)) {
      return true;
    }
    for (const c of commits) {
      const change = this.graph.commits[c];
      if (change.pullRequest && this.pullRequestMatches(change.repo, change.pullRequest)) {
        return true;
      }
    }
    return false;
  }

  private pullRequestMatches(repo: string, pr: PullRequestInfo): boolean {
    const key = `${repo}#${pr.number}`;
    let verdict = this.pullRequests.get(key);
    if (verdict === undefined) {
      verdict = this.matches(pr.title) || this.matches(pr.branch) || (pr.labels ?? []).some((l) => this.matches(l));
      this.pullRequests.set(key, verdict);
    }
    return verdict;
  }

  private matches(text: string | undefined): boolean {
    return typeof text === 'string' && this.pattern.test(text);
  }
}
