/** Pull requests made in a hurry (reverts, hotfixes, fixes): opened, reviewed and merged within the hour. */
import { Instant, MINUTE_MS, PullRequestInfo } from '../../engine';

export function pullRequestUrl(repo: string, number: number): string {
  return `https://github.example.com/${repo}/pull/${number}`;
}

export function quickPullRequest(
  repo: string,
  number: number,
  title: string,
  branch: string,
  openedAt: Instant,
  mergedAt: Instant,
  labels: string[]
): PullRequestInfo {
  return {
    number,
    title,
    labels,
    branch,
    url: pullRequestUrl(repo, number),
    firstCommitAt: openedAt - Math.min(10 * MINUTE_MS, (mergedAt - openedAt) / 2),
    openedAt,
    firstReviewAt: openedAt + (mergedAt - openedAt) / 2,
    mergedAt,
  };
}
