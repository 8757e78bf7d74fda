/**
 * What can go wrong talking to PagerDuty, as typed errors, and how each becomes a notice that names the service
 * (or list) and the fix. Messages never contain the key: it only exists in Grafana's proxy, never here.
 */
import { messageOf, utcMinute } from '../../engine';

export type HttpErrorKind = 'auth' | 'forbidden' | 'not-found' | 'plan' | 'server' | 'other';

export class PagerDutyHttpError extends Error {
  readonly kind: HttpErrorKind;
  constructor(
    readonly status: number,
    readonly path: string,
    readonly detail: string
  ) {
    super(`PagerDuty answered ${status} for ${path}${detail ? `: ${detail}` : ''}`);
    this.name = 'PagerDutyHttpError';
    this.kind = kindOf(status, detail);
  }
}

/** A 429 that could not be waited out before the query's deadline. */
export class PagerDutyRateLimitError extends Error {
  constructor(
    /** Epoch ms when PagerDuty says the limit resets (undefined when it did not say). */
    readonly resetAt: number | undefined,
    readonly path: string
  ) {
    super(`PagerDuty rate limit reached for ${path}`);
    this.name = 'PagerDutyRateLimitError';
  }
}

function kindOf(status: number, detail: string): HttpErrorKind {
  // Grafana's proxy turns an upstream 401 into 400 "Authentication to data source failed".
  if (status === 401 || (status === 400 && /authentication to data source failed/i.test(detail))) {
    return 'auth';
  }
  if (status === 402) {
    return 'plan';
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

/** "PagerDuty service Checkout API: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof PagerDutyRateLimitError) {
    const when =
      e.resetAt !== undefined
        ? `the limit resets at ${utcMinute(e.resetAt)} (in ${Math.max(1, Math.ceil((e.resetAt - now) / 60000))} min)`
        : 'PagerDuty did not say when the limit resets';
    return `${subject}: data is incomplete, PagerDuty's API rate limit (429) could not be waited out within the query timeout; ${when}. Refresh after that, or raise the timeout.`;
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
