/**
 * What can go wrong talking to GitHub, as typed errors, and how each becomes a notice that names the repository
 * and the fix. Messages never contain a token: the token only exists in Grafana's proxy, never here.
 */
import { messageOf } from '../../engine';
import { HttpApiError, RateLimitError, resetWhen } from '../httpError';

export class GitHubHttpError extends HttpApiError {
  constructor(status: number, path: string, detail: string) {
    super('GitHub', status, path, detail);
    this.name = 'GitHubHttpError';
  }
}

/** A primary or secondary rate limit that could not be waited out before the query's deadline. */
export class GitHubRateLimitError extends RateLimitError {
  constructor(
    resetAt: number | undefined,
    readonly secondary: boolean,
    path: string
  ) {
    super('GitHub', resetAt, path, secondary ? 'secondary ' : '');
    this.name = 'GitHubRateLimitError';
  }
}

/** A GraphQL answer with errors (200 with an "errors" array). */
export class GitHubGraphQLError extends Error {
  constructor(
    /** GitHub's error type, e.g. NOT_FOUND, FORBIDDEN, RATE_LIMITED; '' when absent. */
    readonly type: string,
    readonly detail: string,
    /** Fields the errors are about, e.g. "repository.issues". */
    readonly fields: string[] = []
  ) {
    super(`GitHub GraphQL error${type ? ` ${type}` : ''}: ${detail}`);
    this.name = 'GitHubGraphQLError';
  }
}

/** One notice for every repository a rate limit left incomplete: which ones, which lists, and when it resets. */
export function describeRateLimit(
  incomplete: Array<{ repo: string; lists: string[]; error: GitHubRateLimitError }>,
  now: number
): string {
  const which = incomplete.map((r) => `${r.repo} (${r.lists.join(', ')})`).join('; ');
  const resets = incomplete.map((r) => r.error.resetAt).filter((t): t is number => t !== undefined);
  const secondary = incomplete.some((r) => r.error.secondary);
  const latest = resets.length ? Math.max(...resets) : undefined;
  return `GitHub data is incomplete for ${which}: GitHub's ${rateLimitKind(secondary)} was reached and could not be waited out within the query timeout; ${resetWhen('GitHub', latest, now)}. Refresh after that, or raise the timeout.`;
}

function rateLimitKind(secondary: boolean): string {
  return secondary ? 'secondary (abuse) rate limit' : 'API rate limit';
}

/** "owner/name: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof GitHubRateLimitError) {
    return `${subject}: data is incomplete, GitHub's ${rateLimitKind(e.secondary)} was reached and could not be waited out within the query timeout; ${resetWhen('GitHub', e.resetAt, now)}. Refresh after that, or raise the timeout.`;
  }
  if (e instanceof GitHubHttpError) {
    switch (e.kind) {
      case 'auth':
        return `${subject}: GitHub rejected the token (${e.status}). Set a valid personal access token in the data source settings (GitHub section).`;
      case 'forbidden':
        return `${subject}: the token may not read this (${e.status}${e.detail ? `: ${e.detail}` : ''}). Give a fine-grained token read access to the repository (contents, metadata, deployments, actions, issues, pull requests), or authorise it for the organisation's SSO.`;
      case 'not-found':
        return `${subject}: not found (404). Check the repository name (owner/name) and that the token can see the repository.`;
      case 'server':
        return `${subject}: GitHub answered ${e.status} (a GitHub-side error${e.detail ? `: ${e.detail}` : ''}) after retries. Check https://www.githubstatus.com and refresh later.`;
      default:
        return `${subject}: GitHub answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  if (e instanceof GitHubGraphQLError) {
    if (e.type === 'NOT_FOUND') {
      return `${subject}: not found (${e.detail}). Check the repository name (owner/name), the branch, and that the token can see the repository.`;
    }
    if (e.type === 'FORBIDDEN' || e.type === 'INSUFFICIENT_SCOPES') {
      return `${subject}: the token may not read this (${e.detail}). Give the token read access to the repository.`;
    }
    return `${subject}: GitHub GraphQL error${e.type ? ` ${e.type}` : ''}: ${e.detail}.`;
  }
  const message = messageOf(e);
  return `${subject}: request failed (${message}). Check the GitHub API URL and that Grafana can reach it.`;
}
