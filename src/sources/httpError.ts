/**
 * What a provider's non-2xx answer means, for every source: one error kind vocabulary, one rule that reads it from
 * the status (Grafana's proxy turns an upstream 401 into 400 "Authentication to data source failed"), one typed
 * error per answer and one per rate limit that could not be waited out. Messages never contain a token.
 */
import { utcMinute } from '../engine';

export type HttpErrorKind = 'auth' | 'forbidden' | 'not-found' | 'plan' | 'bad-query' | 'server' | 'other';

/** The kind of a non-2xx answer; `special` gives a provider's own meaning of a status (PagerDuty 402: plan). */
export function httpErrorKind(
  status: number,
  detail: string,
  special: Partial<Record<number, HttpErrorKind>> = {}
): HttpErrorKind {
  if (status === 401 || (status === 400 && /authentication to data source failed/i.test(detail))) {
    return 'auth';
  }
  const own = special[status];
  if (own) {
    return own;
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

export class HttpApiError extends Error {
  readonly kind: HttpErrorKind;
  constructor(
    /** "GitLab", "Argo CD": how messages name the provider. */
    readonly provider: string,
    readonly status: number,
    /** The API path asked for (no host, no query). */
    readonly path: string,
    readonly detail: string,
    special: Partial<Record<number, HttpErrorKind>> = {}
  ) {
    super(`${provider} answered ${status} for ${path}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpApiError';
    this.kind = httpErrorKind(status, detail, special);
  }
}

/** A rate limit that could not be waited out before the query's deadline. */
export class RateLimitError extends Error {
  constructor(
    readonly provider: string,
    /** Epoch ms when the provider says the limit resets (undefined when it did not say). */
    readonly resetAt: number | undefined,
    readonly path: string,
    /** What kind of limit, in the message: "secondary " for GitHub's abuse limit, else ''. */
    qualifier = ''
  ) {
    super(`${provider} ${qualifier}rate limit reached for ${path}`);
    this.name = 'RateLimitError';
  }
}

/** When the limit resets, to the minute and in minutes from now. */
export function resetWhen(provider: string, resetAt: number | undefined, now: number): string {
  return resetAt !== undefined
    ? `the limit resets at ${utcMinute(resetAt)} (in ${Math.max(1, Math.ceil((resetAt - now) / 60000))} min)`
    : `${provider} did not say when the limit resets`;
}
