/**
 * PagerDuty REST API v2 over the HttpClient seam (the proxy route pagerduty/api adds "Authorization: Token
 * token=..."): limited concurrency, identical in-flight requests shared, offset/more paging, created-time windows
 * split to what PagerDuty accepts, and 429 / 5xx waited out with bounded backoff, never past the query's deadline.
 */
import { HttpResponse } from '../http';
import { CallContext, PageDecision } from '../rest';
import { isServerError, retryAfterMs, RetryDecision, RetryOutcome, serverBackoff } from '../retry';
import { RetryingClient, RetryingClientOptions } from '../retryingClient';
import { QueryValue } from '../url';
import { Pagination, PdErrorBody } from './apiTypes';
import { PagerDutyHttpError, PagerDutyRateLimitError } from './errors';

export type { CallContext, PageDecision };

export interface PagerDutyClientOptions extends RetryingClientOptions {
  /** PagerDuty's paging depth (tests lower it to keep the fake small). */
  maxOffset?: number;
}

/** Items a list answer may hold at most per page. */
export const PAGE_LIMIT = 100;
/** PagerDuty refuses offset + limit beyond 10,000 ("classic" pagination). */
export const MAX_OFFSET = 10000;
/** Wait after a 429 that names no reset: PagerDuty's limits are per minute. */
const RATE_LIMIT_DEFAULT_WAIT_MS = 10000;

export interface PagesOutcome {
  /** True when PagerDuty had more items than offset paging can reach (10,000): the caller splits the window. */
  capped: boolean;
}

export class PagerDutyClient extends RetryingClient {
  constructor(private readonly options: PagerDutyClientOptions) {
    super(options, 'pagerduty/api', 'application/vnd.pagerduty+json;version=2');
  }

  /**
   * Reads a list page by page (offset/more, 100 a page). `onItems` sees each page's items and may stop early.
   * Says when PagerDuty had more than offset paging reaches.
   */
  async pages<P extends Pagination, I>(
    path: string,
    query: Record<string, QueryValue>,
    items: (page: P) => I[],
    onItems: (items: I[]) => PageDecision,
    ctx: CallContext = {}
  ): Promise<PagesOutcome> {
    for (let offset = 0; ; offset += PAGE_LIMIT) {
      const page = await this.get<P>(path, { ...query, limit: PAGE_LIMIT, offset }, ctx);
      const list = items(page) ?? [];
      if (onItems(list) === 'stop' || !page.more || list.length === 0) {
        return { capped: false };
      }
      if (offset + 2 * PAGE_LIMIT > (this.options.maxOffset ?? MAX_OFFSET)) {
        return { capped: true };
      }
    }
  }

  protected failure(outcome: Extract<RetryOutcome<unknown>, { ok: false }>, path: string): Error {
    return outcome.wait?.reason === 'rate-limit'
      ? new PagerDutyRateLimitError(outcome.wait.resetAt, path)
      : new PagerDutyHttpError(outcome.response.status, path, errorMessage(outcome.response.data));
  }

  protected decide(response: HttpResponse<unknown>, attempt: number): RetryDecision {
    const { status, headers } = response;
    if (status >= 200 && status < 300) {
      return { kind: 'done' };
    }
    if (status === 429) {
      const now = this.now();
      const after = retryAfterMs(headers, now);
      const reset = headers['ratelimit-reset'];
      const resetMs = reset !== undefined && /^\d+$/.test(reset.trim()) ? Number(reset) * 1000 : undefined;
      const ms = after ?? resetMs ?? RATE_LIMIT_DEFAULT_WAIT_MS * Math.pow(2, attempt);
      return {
        kind: 'wait',
        reason: 'rate-limit',
        ms,
        resetAt: after !== undefined || resetMs !== undefined ? now + ms : undefined,
      };
    }
    if (isServerError(status)) {
      return { kind: 'wait', reason: 'server', ms: serverBackoff(attempt) };
    }
    return { kind: 'fail' };
  }
}

function errorMessage(data: unknown): string {
  if (data && typeof data === 'object') {
    const error = (data as PdErrorBody).error;
    if (error && typeof error.message === 'string') {
      const details = Array.isArray(error.errors) && error.errors.length ? ` (${error.errors.join('; ')})` : '';
      return `${error.message}${details}`;
    }
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}
