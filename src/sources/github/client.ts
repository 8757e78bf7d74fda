/**
 * GitHub REST and GraphQL over the HttpClient seam (Grafana's proxy adds the token):
 * limited concurrency, shared identical in-flight requests, ETag revalidation, Link paging,
 * and rate limits / 5xx waited out with bounded backoff, but never past the query's deadline.
 */
import pLimit from 'p-limit';
import { HttpResponse } from '../http';
import { abortableSleep, abortError } from '../abort';
import { EtagCache } from '../etagCache';
import { bodyMessage, CallContext, conditionalGet, RestClientOptions, PageDecision, RestResult } from '../rest';
import { SharedRequests } from '../sharedRequests';
import { queryString } from '../url';
import { GitHubGraphQLError, GitHubHttpError, GitHubRateLimitError } from './errors';

export type { CallContext, PageDecision, RestResult };

/** Conditional-request cache shared by every GitHub client of this page (bounded), so it outlives a refresh. */
export const sharedEtagCache = new EtagCache();

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_RETRIES = 3;
/** GitHub asks to wait at least a minute on a secondary limit without Retry-After. */
const SECONDARY_DEFAULT_WAIT_MS = 60000;
const SERVER_BACKOFF_MS = [1000, 2000, 4000, 8000];

export class GitHubClient {
  /** Every HTTP request sent, including 304s and retries. */
  requestCount = 0;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly etags: EtagCache;
  private readonly inflight = new SharedRequests<RestResult<unknown>>();
  private readonly restBase: string;
  private readonly graphqlUrl: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxRetries: number;

  constructor(private readonly options: RestClientOptions) {
    this.limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.etags = options.etagCache ?? sharedEtagCache;
    const base = options.proxyUrl.replace(/\/+$/, '');
    this.restBase = `${base}/github/rest`;
    this.graphqlUrl = `${base}/github/graphql`;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  /** GET a REST path ("/repos/o/r/actions/runs") or an absolute URL from a Link header. */
  get<T>(
    pathOrUrl: string,
    query?: Record<string, string | number | undefined>,
    ctx: CallContext = {}
  ): Promise<RestResult<T>> {
    const url =
      pathOrUrl.indexOf(this.restBase) === 0 ? pathOrUrl : `${this.restBase}${pathOrUrl}${queryString(query)}`;
    return this.shared(`GET ${url}`, ctx, (signal) => this.sendGet<T>(url, { ...ctx, signal })) as Promise<
      RestResult<T>
    >;
  }

  /**
   * Follows Link rel="next" from a first page. `onPage` sees each page's items (newest first where the endpoint
   * sorts so) and says whether to go on: paging stops as soon as the caller has everything it needs.
   */
  async getPages<T, I>(
    path: string,
    query: Record<string, string | number | undefined>,
    items: (page: T) => I[],
    onPage: (items: I[], page: RestResult<T>) => PageDecision,
    ctx: CallContext = {}
  ): Promise<void> {
    let result = await this.get<T>(path, query, ctx);
    while (true) {
      if (onPage(items(result.data), result) === 'stop' || !result.next) {
        return;
      }
      result = await this.get<T>(this.toProxyUrl(result.next), undefined, ctx);
    }
  }

  /** A GraphQL read query; identical concurrent queries share one request. */
  async graphql<T>(query: string, variables: Record<string, unknown>, ctx: CallContext = {}): Promise<T> {
    const body = { query, variables };
    const key = `POST ${this.graphqlUrl} ${JSON.stringify(body)}`;
    const result = await this.shared(key, ctx, (signal) => this.sendGraphQL(body, { ...ctx, signal }));
    return result.data as T;
  }

  /** Link URLs point at the upstream API; paging must go through the proxy route again. */
  private toProxyUrl(next: string): string {
    if (next.indexOf(this.restBase) === 0) {
      return next;
    }
    const m = /^https?:\/\/[^/]+(\/.*)$/.exec(next);
    let path = m ? m[1] : next;
    // GitHub Enterprise Server links carry the /api/v3 prefix the route URL already has.
    path = path.replace(/^\/api\/v3(?=\/)/, '');
    return `${this.restBase}${path}`;
  }

  private shared(key: string, ctx: CallContext, run: (signal: AbortSignal) => Promise<RestResult<unknown>>) {
    return this.inflight.run(key, ctx.signal, run);
  }

  private sendGet<T>(url: string, ctx: CallContext): Promise<RestResult<T>> {
    return conditionalGet<T>(this.etags, url, 'application/vnd.github+json', (headers) =>
      this.withRetries(url, ctx, () =>
        this.options.http.request<T>({ method: 'GET', url, headers, signal: ctx.signal })
      )
    );
  }

  private async sendGraphQL(body: unknown, ctx: CallContext): Promise<RestResult<unknown>> {
    const response = await this.withRetries('graphql', ctx, () =>
      this.options.http.request<{
        data?: unknown;
        errors?: Array<{ type?: string; message?: string; path?: unknown }>;
      }>({
        method: 'POST',
        url: this.graphqlUrl,
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: ctx.signal,
      })
    );
    const errors = response.data?.errors;
    if (errors && errors.length > 0) {
      const first = errors[0];
      const fields = errors.filter((e) => Array.isArray(e.path)).map((e) => (e.path as unknown[]).join('.'));
      throw new GitHubGraphQLError(first.type ?? '', errors.map((e) => e.message ?? '').join('; '), fields);
    }
    return { data: response.data?.data, status: response.status, headers: response.headers, notModified: false };
  }

  /** Sends, waiting out rate limits and 5xx within the deadline; returns a 2xx or 304, else throws. */
  private async withRetries<T>(
    path: string,
    ctx: CallContext,
    send: () => Promise<HttpResponse<T>>
  ): Promise<HttpResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      if (ctx.signal?.aborted) {
        throw abortError();
      }
      this.requestCount++;
      const response = await this.limit(send);
      const { status } = response;
      if ((status >= 200 && status < 300 && !isGraphQLRateLimited(response.data)) || status === 304) {
        return response;
      }
      const first = this.waitFor(response, attempt);
      if (first.kind === 'fail') {
        throw new GitHubHttpError(status, path, bodyMessage(response.data));
      }
      const wait: Delay =
        first.kind === 'primary' && first.resetAt === undefined
          ? await this.primaryWaitFromRateLimit(path, ctx)
          : first;
      const canWait = attempt < this.maxRetries && (ctx.deadline === undefined || this.now() + wait.ms <= ctx.deadline);
      if (!canWait) {
        if (wait.kind === 'server') {
          throw new GitHubHttpError(status, path, bodyMessage(response.data));
        }
        const resetAt = wait.kind === 'primary' ? wait.resetAt : this.now() + wait.ms;
        throw new GitHubRateLimitError(resetAt, wait.kind === 'secondary', path);
      }
      await this.sleep(wait.ms, ctx.signal);
    }
  }

  private waitFor(response: HttpResponse<unknown>, attempt: number): Wait {
    const { status, headers } = response;
    const retryAfter = headers['retry-after'];
    const graphqlLimited = isGraphQLRateLimited(response.data);
    const limited = status === 403 || status === 429 || graphqlLimited;
    const message = bodyMessage(response.data);
    if (limited && retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())) {
      return { kind: 'secondary', ms: Number(retryAfter) * 1000 };
    }
    if (limited && headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset']) {
      return this.primaryWait(Number(headers['x-ratelimit-reset']) * 1000);
    }
    if (limited && /secondary rate limit|abuse/i.test(message)) {
      return { kind: 'secondary', ms: SECONDARY_DEFAULT_WAIT_MS * Math.pow(2, attempt) };
    }
    if (graphqlLimited || (limited && /rate limit exceeded/i.test(message))) {
      // A primary limit whose headers did not come through (Grafana's proxy errors carry no headers).
      return { kind: 'primary', ms: SECONDARY_DEFAULT_WAIT_MS };
    }
    if (status === 429) {
      return { kind: 'secondary', ms: SECONDARY_DEFAULT_WAIT_MS };
    }
    if (status === 500 || status === 502 || status === 503 || status === 504) {
      return { kind: 'server', ms: SERVER_BACKOFF_MS[Math.min(attempt, SERVER_BACKOFF_MS.length - 1)] };
    }
    return { kind: 'fail' };
  }

  private primaryWait(resetAt: number): Delay {
    // One second of slack: GitHub's reset is rounded down to the second.
    return { kind: 'primary', resetAt, ms: Math.max(0, resetAt - this.now()) + 1000 };
  }

  /** GET /rate_limit (which does not count against the limit) says when the exhausted limit resets. */
  private async primaryWaitFromRateLimit(path: string, ctx: CallContext): Promise<Delay> {
    try {
      this.requestCount++;
      const response = await this.limit(() =>
        this.options.http.request<RateLimitBody>({
          method: 'GET',
          url: `${this.restBase}/rate_limit`,
          signal: ctx.signal,
        })
      );
      const resources = response.status === 200 ? response.data?.resources : undefined;
      const resource = path === 'graphql' ? resources?.graphql : resources?.core;
      if (resource && typeof resource.reset === 'number') {
        return this.primaryWait(resource.reset * 1000);
      }
    } catch (e) {
      if (ctx.signal?.aborted) {
        throw abortError();
      }
    }
    return { kind: 'primary', ms: SECONDARY_DEFAULT_WAIT_MS };
  }
}

type Delay = { kind: 'primary'; ms: number; resetAt?: number } | { kind: 'secondary' | 'server'; ms: number };
type Wait = Delay | { kind: 'fail' };

interface RateLimitBody {
  resources?: Record<string, { reset?: number; remaining?: number } | undefined>;
}

function isGraphQLRateLimited(data: unknown): boolean {
  const errors = data && typeof data === 'object' ? (data as { errors?: Array<{ type?: string }> }).errors : undefined;
  return Array.isArray(errors) && errors.some((e) => e && e.type === 'RATE_LIMITED');
}
