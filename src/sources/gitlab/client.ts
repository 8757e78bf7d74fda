/**
 * GitLab REST (v4) over the HttpClient seam, through the proxy route gitlab/api (Grafana's proxy, or the backend,
 * adds the token): limited concurrency, shared identical in-flight requests, ETag revalidation, Link paging (offset
 * and keyset alike), and rate limits (429 with Retry-After, RateLimit-Remaining/RateLimit-Reset) and 5xx waited out
 * with bounded backoff, never past the query's deadline.
 */
import pLimit from 'p-limit';
import { abortableSleep, abortError } from '../abort';
import { EtagCache } from '../etagCache';
import { HttpResponse } from '../http';
import { bodyMessage, CallContext, conditionalGet, RestClientOptions, PageDecision, Query, RestResult } from '../rest';
import { SharedRequests } from '../sharedRequests';
import { queryString } from '../url';
import { GitLabHttpError, GitLabRateLimitError } from './errors';

export type { CallContext, PageDecision, RestResult };

/** The proxy route (plugin.json) below the data source URL; it points at the instance's /api/v4. */
export const ROUTE = 'gitlab/api';

/** Conditional-request cache shared by every GitLab client of this page (bounded), so it outlives a refresh. */
export const sharedEtagCache = new EtagCache();

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_RETRIES = 4;
const SERVER_BACKOFF_MS = [1000, 2000, 4000, 8000];
/** A 429 without Retry-After or RateLimit-Reset (Grafana's proxy drops headers of errors): back off from here. */
const RATE_LIMIT_BACKOFF_MS = [5000, 10000, 20000, 40000];
/** No single wait is longer than this, whatever a header says. */
const MAX_WAIT_MS = 120000;

/** Encodes a project or group path for a URL (group/sub/project -> group%2Fsub%2Fproject). */
export function encodePath(path: string): string {
  return encodeURIComponent(path);
}

export class GitLabClient {
  /** Every HTTP request sent, including 304s and retries. */
  requestCount = 0;
  readonly restBase: string;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly etags: EtagCache;
  private readonly inflight = new SharedRequests<RestResult<unknown>>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxRetries: number;
  /** Set when an answer said the rate limit is used up: no request is sent before this instant. */
  private pausedUntil = 0;

  constructor(private readonly options: RestClientOptions) {
    this.limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.etags = options.etagCache ?? sharedEtagCache;
    this.restBase = `${options.proxyUrl.replace(/\/+$/, '')}/${ROUTE}`;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  /** GET an API path ("/projects/g%2Fp/deployments") or a URL from a Link header. */
  get<T>(pathOrUrl: string, query?: Query, ctx: CallContext = {}): Promise<RestResult<T>> {
    const url =
      pathOrUrl.indexOf(this.restBase) === 0 ? pathOrUrl : `${this.restBase}${pathOrUrl}${queryString(query)}`;
    return this.inflight.run(`GET ${url}`, ctx.signal, (signal) => this.send<T>(url, { ...ctx, signal })) as Promise<
      RestResult<T>
    >;
  }

  /**
   * Follows Link rel="next" from a first page (offset and keyset paging both send one). `onPage` sees each page's
   * items and says whether to go on: paging stops as soon as the caller has everything it needs.
   */
  async getPages<I>(
    path: string,
    query: Query,
    onPage: (items: I[], page: RestResult<I[]>) => PageDecision,
    ctx: CallContext = {}
  ): Promise<void> {
    let result = await this.get<I[]>(path, query, ctx);
    while (true) {
      const items = Array.isArray(result.data) ? result.data : [];
      if (onPage(items, result) === 'stop' || !result.next) {
        return;
      }
      result = await this.get<I[]>(this.toProxyUrl(result.next), undefined, ctx);
    }
  }

  /**
   * Link URLs point at the instance (https://HOST[/PREFIX]/api/v4/...); paging must go through the proxy route
   * again. Everything after /api/v4 is kept, whatever the instance's path prefix.
   */
  toProxyUrl(next: string): string {
    if (next.indexOf(this.restBase) === 0) {
      return next;
    }
    const at = next.indexOf('/api/v4/');
    const rest = at >= 0 ? next.slice(at + '/api/v4'.length) : next.replace(/^https?:\/\/[^/]+/, '');
    return `${this.restBase}${rest}`;
  }

  private send<T>(url: string, ctx: CallContext): Promise<RestResult<T>> {
    return conditionalGet<T>(this.etags, url, 'application/json', (headers) =>
      this.withRetries(url, ctx, () =>
        this.options.http.request<T>({ method: 'GET', url, headers, signal: ctx.signal })
      )
    );
  }

  /** Sends, waiting out rate limits and 5xx within the deadline; returns a 2xx or 304, else throws. */
  private async withRetries<T>(
    url: string,
    ctx: CallContext,
    send: () => Promise<HttpResponse<T>>
  ): Promise<HttpResponse<T>> {
    const path = pathOf(url, this.restBase);
    for (let attempt = 0; ; attempt++) {
      if (ctx.signal?.aborted) {
        throw abortError();
      }
      await this.waitForPause(path, ctx);
      this.requestCount++;
      const response = await this.limit(send);
      this.notePause(response.headers);
      const { status } = response;
      if ((status >= 200 && status < 300) || status === 304) {
        return response;
      }
      const wait = this.waitFor(response, attempt);
      if (wait === undefined) {
        throw new GitLabHttpError(status, path, bodyMessage(response.data));
      }
      const canWait = attempt < this.maxRetries && (ctx.deadline === undefined || this.now() + wait.ms <= ctx.deadline);
      if (!canWait) {
        if (wait.kind === 'server') {
          throw new GitLabHttpError(status, path, bodyMessage(response.data));
        }
        throw new GitLabRateLimitError(wait.resetAt, path);
      }
      await this.sleep(wait.ms, ctx.signal);
    }
  }

  /** RateLimit-Remaining 0 on any answer: hold further requests until RateLimit-Reset. */
  private notePause(headers: Record<string, string>): void {
    const remaining = headers['ratelimit-remaining'];
    const reset = Number(headers['ratelimit-reset']);
    if (remaining !== undefined && Number(remaining) <= 0 && isFinite(reset) && reset > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, reset * 1000);
    }
  }

  private async waitForPause(path: string, ctx: CallContext): Promise<void> {
    const ms = this.pausedUntil - this.now();
    if (ms <= 0) {
      return;
    }
    if (ms > MAX_WAIT_MS || (ctx.deadline !== undefined && this.now() + ms > ctx.deadline)) {
      throw new GitLabRateLimitError(this.pausedUntil, path);
    }
    await this.sleep(ms, ctx.signal);
  }

  private waitFor(response: HttpResponse<unknown>, attempt: number): Wait | undefined {
    const { status, headers } = response;
    if (status === 429) {
      const retryAfter = headers['retry-after'];
      const reset = Number(headers['ratelimit-reset']);
      if (retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) {
        const ms = Number(retryAfter) * 1000;
        return { kind: 'limit', ms: Math.min(ms, MAX_WAIT_MS), resetAt: this.now() + ms };
      }
      if (isFinite(reset) && reset > 0) {
        const ms = Math.max(0, reset * 1000 - this.now()) + 1000;
        return { kind: 'limit', ms: Math.min(ms, MAX_WAIT_MS), resetAt: reset * 1000 };
      }
      return { kind: 'limit', ms: RATE_LIMIT_BACKOFF_MS[Math.min(attempt, RATE_LIMIT_BACKOFF_MS.length - 1)] };
    }
    if (status === 500 || status === 502 || status === 503 || status === 504) {
      return { kind: 'server', ms: SERVER_BACKOFF_MS[Math.min(attempt, SERVER_BACKOFF_MS.length - 1)] };
    }
    return undefined;
  }
}

interface Wait {
  kind: 'limit' | 'server';
  ms: number;
  resetAt?: number;
}

/** The API path of a proxied URL, for messages: no proxy base, no query (cursors are noise). */
function pathOf(url: string, restBase: string): string {
  const noQuery = url.replace(/\?.*$/, '');
  return noQuery.indexOf(restBase) === 0 ? noQuery.slice(restBase.length) : noQuery;
}
