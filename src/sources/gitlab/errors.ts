/**
 * What can go wrong talking to GitLab, as typed errors, and how each becomes a notice that names the project and
 * the fix. Messages never contain a token: the token only exists in Grafana's proxy (or the backend), never here.
 */
import { messageOf, utcMinute } from '../../engine';

export type HttpErrorKind = 'auth' | 'forbidden' | 'not-found' | 'server' | 'other';

export class GitLabHttpError extends Error {
  readonly kind: HttpErrorKind;
  constructor(
    readonly status: number,
    /** The API path asked for (no host, no query). */
    readonly path: string,
    readonly detail: string
  ) {
    super(`GitLab answered ${status} for ${path}${detail ? `: ${detail}` : ''}`);
    this.name = 'GitLabHttpError';
    this.kind = kindOf(status, detail);
  }
}

/** A rate limit that could not be waited out before the query's deadline. */
export class GitLabRateLimitError extends Error {
  constructor(
    /** Epoch ms when GitLab says the limit resets (undefined when it did not say). */
    readonly resetAt: number | undefined,
    readonly path: string
  ) {
    super(`GitLab rate limit reached for ${path}`);
    this.name = 'GitLabRateLimitError';
  }
}

function kindOf(status: number, detail: string): HttpErrorKind {
  // Grafana's proxy turns an upstream 401 into 400 "Authentication to data source failed".
  if (status === 401 || (status === 400 && /authentication to data source failed/i.test(detail))) {
    return 'auth';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not-found';
  }
  if (status >= 500) {
    return 'server';
  }
  return 'other';
}

/** When the limit resets, to the minute and in minutes from now. */
function resetWhen(resetAt: number | undefined, now: number): string {
  return resetAt !== undefined
    ? `the limit resets at ${utcMinute(resetAt)} (in ${Math.max(1, Math.ceil((resetAt - now) / 60000))} min)`
    : 'GitLab did not say when the limit resets';
}

/** One notice for every project a rate limit left incomplete: which ones, which lists, and when it resets. */
export function describeRateLimit(
  incomplete: Array<{ project: string; lists: string[]; error: GitLabRateLimitError }>,
  now: number
): string {
  const which = incomplete.map((r) => `${r.project} (${r.lists.join(', ')})`).join('; ');
  const resets = incomplete.map((r) => r.error.resetAt).filter((t): t is number => t !== undefined);
  const latest = resets.length ? Math.max(...resets) : undefined;
  return `GitLab data is incomplete for ${which}: GitLab's rate limit was reached and could not be waited out within the query timeout; ${resetWhen(latest, now)}. Refresh after that, or raise the timeout.`;
}

/** "GitLab group/project: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof GitLabRateLimitError) {
    return `${subject}: data is incomplete, GitLab's rate limit was reached and could not be waited out within the query timeout; ${resetWhen(e.resetAt, now)}. Refresh after that, or raise the timeout.`;
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
