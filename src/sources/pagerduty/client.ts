/**
 * PagerDuty REST API v2 over the HttpClient seam (the proxy route pagerduty/api adds "Authorization: Token
 * token=..."): limited concurrency, identical in-flight requests shared, offset/more paging, created-time windows
 * split to what PagerDuty accepts, and 429 / 5xx waited out with bounded backoff, never past the query's deadline.
 */
import pLimit from 'p-limit';
import { abortableSleep } from '../abort';
import { HttpClient, HttpResponse } from '../http';
import { isServerError, retryAfterMs, RetryContext, RetryDecision, sendWithRetries, serverBackoff } from '../retry';
import { SharedRequests } from '../sharedRequests';
import { queryString, QueryValue } from '../url';
import { Pagination, PdErrorBody } from './apiTypes';
import { PagerDutyHttpError, PagerDutyRateLimitError } from './errors';

export type CallContext = RetryContext;
export type PageDecision = 'continue' | 'stop';

export interface PagerDutyClientOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the route is /pagerduty/api below it. */
  proxyUrl: string;
  concurrency?: number;
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** PagerDuty's paging depth (tests lower it to keep the fake small). */
  maxOffset?: number;
}

/** Items a list answer may hold at most per page. */
export const PAGE_LIMIT = 100;
/** PagerDuty refuses offset + limit beyond 10,000 ("classic" pagination). */
export const MAX_OFFSET = 10000;
/** Wait after a 429 that names no reset: PagerDuty's limits are per minute. */
const RATE_LIMIT_DEFAULT_WAIT_MS = 10000;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_RETRIES = 4;

export interface PagesOutcome {
  /** True when PagerDuty had more items than offset paging can reach (10,000): the caller splits the window. */
  capped: boolean;
}

export class PagerDutyClient {
  /** Every HTTP request sent, retries included. */
  requestCount = 0;
  private readonly base: string;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inflight = new SharedRequests<unknown>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxRetries: number;

  constructor(private readonly options: PagerDutyClientOptions) {
    this.base = `${options.proxyUrl.replace(/\/+$/, '')}/pagerduty/api`;
    this.limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  /** GET a path ("/incidents"); throws PagerDutyHttpError or PagerDutyRateLimitError when it cannot be read. */
  get<T>(path: string, query: Record<string, QueryValue> = {}, ctx: CallContext = {}): Promise<T> {
    const url = `${this.base}${path}${queryString(query)}`;
    return this.inflight.run(url, ctx.signal, (signal) => this.send<T>(path, url, { ...ctx, signal })) as Promise<T>;
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

  private async send<T>(path: string, url: string, ctx: CallContext): Promise<T> {
    const outcome = await sendWithRetries<T>(
      () =>
        this.limit(() =>
          this.options.http.request<T>({
            method: 'GET',
            url,
            headers: { Accept: 'application/vnd.pagerduty+json;version=2' },
            signal: ctx.signal,
          })
        ),
      (response, attempt) => this.decide(response, attempt),
      ctx,
      { maxRetries: this.maxRetries, now: this.now, sleep: this.sleep, onSend: () => this.requestCount++ }
    );
    if (outcome.ok) {
      return outcome.response.data;
    }
    if (outcome.wait?.reason === 'rate-limit') {
      throw new PagerDutyRateLimitError(outcome.wait.resetAt, path);
    }
    throw new PagerDutyHttpError(outcome.response.status, path, errorMessage(outcome.response.data));
  }

  private decide(response: HttpResponse<unknown>, attempt: number): RetryDecision {
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
