/**
 * What can go wrong talking to Jira, as typed errors, and how each becomes a notice that names the query or field
 * and the fix. Messages never contain a token: it only exists in Grafana's proxy, never here.
 */
import { messageOf, utcMinute } from '../../engine';
import { HttpApiError, RateLimitError } from '../httpError';

export class JiraHttpError extends HttpApiError {
  constructor(status: number, path: string, detail: string) {
    super('Jira', status, path, detail, { 400: 'bad-query' });
    this.name = 'JiraHttpError';
  }
}

/** A rate limit that could not be waited out before the query's deadline. */
export class JiraRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, path: string) {
    super('Jira', resetAt, path);
    this.name = 'JiraRateLimitError';
  }
}

export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof JiraRateLimitError) {
    const when =
      e.resetAt !== undefined
        ? `it can be retried at ${utcMinute(e.resetAt)} (in ${Math.max(1, Math.ceil((e.resetAt - now) / 60000))} min)`
        : 'Jira did not say when to retry';
    return `${subject}: data is incomplete, Jira's rate limit (429) could not be waited out within the query timeout; ${when}. Refresh after that, or raise the timeout.`;
  }
  if (e instanceof JiraHttpError) {
    switch (e.kind) {
      case 'auth':
        return `${subject}: Jira rejected the credentials (${e.status}). Cloud: set the account email and an API token; Data Center: a personal access token (Jira section of the data source settings).`;
      case 'forbidden':
        return `${subject}: the account may not read this (${e.status}${e.detail ? `: ${e.detail}` : ''}). Give it Browse projects permission on the incident projects.`;
      case 'not-found':
        return `${subject}: not found (404${e.detail ? `: ${e.detail}` : ''}). Check the site URL and whether it is Cloud or Data Center.`;
      case 'bad-query':
        return `${subject}: Jira refused the query (400${e.detail ? `: ${e.detail}` : ''}). Fix the JQL or the field ids in the Jira section.`;
      case 'server':
        return `${subject}: Jira answered ${e.status} (a Jira-side error${e.detail ? `: ${e.detail}` : ''}) after retries. Refresh later.`;
      default:
        return `${subject}: Jira answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  const message = messageOf(e);
  return `${subject}: request failed (${message}). Check the Jira site URL and that Grafana can reach it.`;
}
