/**
 * What can go wrong talking to PagerDuty, as typed errors, and how each becomes a notice that names the service
 * (or list) and the fix. Messages never contain the key: it only exists in Grafana's proxy, never here.
 */
import { messageOf } from '../../engine';
import { HttpApiError, RateLimitError, resetWhen } from '../httpError';

export class PagerDutyHttpError extends HttpApiError {
  constructor(status: number, path: string, detail: string) {
    super('PagerDuty', status, path, detail, { 402: 'plan' });
    this.name = 'PagerDutyHttpError';
  }
}

/** A rate limit that could not be waited out before the query's deadline. */
export class PagerDutyRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, path: string) {
    super('PagerDuty', resetAt, path);
    this.name = 'PagerDutyRateLimitError';
  }
}

/** "PagerDuty service Checkout API: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof PagerDutyRateLimitError) {
    return `${subject}: data is incomplete, PagerDuty's API rate limit (429) could not be waited out within the query timeout; ${resetWhen('PagerDuty', e.resetAt, now)}. Refresh after that, or raise the timeout.`;
  }
  if (e instanceof PagerDutyHttpError) {
    switch (e.kind) {
      case 'auth':
        return `${subject}: PagerDuty rejected the API key (${e.status}). Set a valid read-only REST API key in the data source settings (PagerDuty section).`;
      case 'forbidden':
        return `${subject}: the API key may not read this (${e.status}${e.detail ? `: ${e.detail}` : ''}). Use a read-only account API key, or a user key whose user can see the service.`;
      case 'plan':
        return `${subject}: the PagerDuty account's plan does not include this (${e.status}${e.detail ? `: ${e.detail}` : ''}). Read all services or list services instead of teams.`;
      case 'not-found':
        return `${subject}: not found (404). Check the service or team ID, and the API URL (EU accounts use https://api.eu.pagerduty.com).`;
      case 'server':
        return `${subject}: PagerDuty answered ${e.status} (a PagerDuty-side error${e.detail ? `: ${e.detail}` : ''}) after retries. Check https://status.pagerduty.com and refresh later.`;
      default:
        return `${subject}: PagerDuty answered ${e.status}${e.detail ? `: ${e.detail}` : ''} for ${e.path}.`;
    }
  }
  const message = messageOf(e);
  return `${subject}: request failed (${message}). Check the PagerDuty API URL and that Grafana can reach it.`;
}
