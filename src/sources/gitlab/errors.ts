/**
 * What can go wrong talking to GitLab, as typed errors, and how each becomes a notice that names the project and
 * the fix. Messages never contain a token: the token only exists in Grafana's proxy (or the backend), never here.
 */
import { messageOf } from '../../engine';
import { HttpApiError, RateLimitError, resetWhen } from '../httpError';

export class GitLabHttpError extends HttpApiError {
  constructor(status: number, path: string, detail: string) {
    super('GitLab', status, path, detail);
    this.name = 'GitLabHttpError';
  }
}

/** A rate limit that could not be waited out before the query's deadline. */
export class GitLabRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, path: string) {
    super('GitLab', resetAt, path);
    this.name = 'GitLabRateLimitError';
  }
}

/** One notice for every project a rate limit left incomplete: which ones, which lists, and when it resets. */
export function describeRateLimit(
  incomplete: Array<{ project: string; lists: string[]; error: GitLabRateLimitError }>,
  now: number
): string {
  const which = incomplete.map((r) => `${r.project} (${r.lists.join(', ')})`).join('; ');
  const resets = incomplete.map((r) => r.error.resetAt).filter((t): t is number => t !== undefined);
  const latest = resets.length ? Math.max(...resets) : undefined;
  return `GitLab data is incomplete for ${which}: GitLab's rate limit was reached and could not be waited out within the query timeout; ${resetWhen('GitLab', latest, now)}. Refresh after that, or raise the timeout.`;
}

/** "GitLab group/project: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof GitLabRateLimitError) {
    return `${subject}: data is incomplete, GitLab's rate limit was reached and could not be waited out within the query timeout; ${resetWhen('GitLab', e.resetAt, now)}. Refresh after that, or raise the timeout.`;
  }
  if (e instanceof GitLabHttpError) {
    switch (e.kind) {
      case 'auth':
        return `${subject}: GitLab rejected the token (${e.status}). Set a valid personal, group or project access token with the read_api scope in the data source settings (GitLab section); check that it has not expired.`;
      case 'forbidden':
        return `${subject}: the token may not read this (${e.status}${e.detail ? `: ${e.detail}` : ''}). Give the token the read_api scope and at least the Reporter role in the project (or its group).`;
      case 'not-found':
        return `${subject}: not found (404${e.detail ? `: ${e.detail}` : ''}). Check the project path (group/subgroup/project) and that the token's user is a member who can see it.`;
      case 'server':
        return `${subject}: GitLab answered ${e.status} (a GitLab-side error${e.detail ? `: ${e.detail}` : ''}) after retries. Check the instance's status and refresh later.`;
      default:
        return `${subject}: GitLab answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  const message = messageOf(e);
  return `${subject}: request failed (${message}). Check the GitLab URL and that Grafana can reach it.`;
}
