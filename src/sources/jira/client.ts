/**
 * Jira REST over the HttpClient seam. Cloud goes through the proxy route jira/cloud (basic auth from the email and
 * API token), Data Center through jira/datacenter (a personal access token as Bearer). JQL search with the current
 * endpoint and its paging (Cloud: /rest/api/3/search/jql with nextPageToken; Data Center: /rest/api/2/search with
 * startAt), only the fields asked for; 429 and 503 waited out as Retry-After says, 5xx retried, within the deadline.
 */
import pLimit from 'p-limit';
import { JiraDeployment } from '../../settings/model';
import { abortableSleep } from '../abort';
import { HttpClient, HttpResponse } from '../http';
import { isServerError, retryAfterMs, RetryContext, RetryDecision, sendWithRetries, serverBackoff } from '../retry';
import { SharedRequests } from '../sharedRequests';
import { queryString, QueryValue } from '../url';
import { EnhancedSearchPage, JiraErrorBody, JiraIssue, OffsetSearchPage } from './apiTypes';
import { JiraHttpError, JiraRateLimitError } from './errors';

export type CallContext = RetryContext;

export interface JiraClientOptions {
  http: HttpClient;
  proxyUrl: string;
  deployment: JiraDeployment;
  concurrency?: number;
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const PAGE_SIZE = 100;
const RATE_LIMIT_DEFAULT_WAIT_MS = 10000;

export class JiraClient {
  requestCount = 0;
  /** REST API version path: 3 on Cloud, 2 on Data Center. */
  readonly api: string;
  private readonly base: string;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inflight = new SharedRequests<unknown>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: JiraClientOptions) {
    const route = options.deployment === 'cloud' ? 'jira/cloud' : 'jira/datacenter';
    this.base = `${options.proxyUrl.replace(/\/+$/, '')}/${route}`;
    this.api = options.deployment === 'cloud' ? '/rest/api/3' : '/rest/api/2';
    this.limit = pLimit(options.concurrency ?? 4);
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** GET below the REST API path ("/myself"); throws JiraHttpError or JiraRateLimitError. */
  get<T>(path: string, query: Record<string, QueryValue> = {}, ctx: CallContext = {}): Promise<T> {
    const url = `${this.base}${this.api}${path}${queryString(query)}`;
    return this.inflight.run(url, ctx.signal, (signal) => this.send<T>(path, url, { ...ctx, signal })) as Promise<T>;
  }

  /** Every issue the JQL selects, page by page, with only `fields` (and the changelog when asked). */
  async search(
    jql: string,
    fields: string[],
    changelog: boolean,
    onIssues: (issues: JiraIssue[]) => void,
    ctx: CallContext = {}
  ): Promise<void> {
    const query: Record<string, QueryValue> = { jql, fields: fields.join(','), maxResults: PAGE_SIZE };
    if (changelog) {
      query.expand = 'changelog';
    }
    if (this.options.deployment === 'cloud') {
      let token: string | undefined;
      do {
        const page: EnhancedSearchPage = await this.get<EnhancedSearchPage>(
          '/search/jql',
          { ...query, nextPageToken: token },
          ctx
        );
        onIssues(page.issues ?? []);
        token =
          page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? page.nextPageToken : undefined;
      } while (token);
      return;
    }
    for (let startAt = 0; ;) {
      const page = await this.get<OffsetSearchPage>('/search', { ...query, startAt }, ctx);
      const issues = page.issues ?? [];
      onIssues(issues);
      startAt += issues.length;
      if (issues.length === 0 || page.total === undefined || startAt >= page.total) {
        return;
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
            headers: { Accept: 'application/json' },
            signal: ctx.signal,
          })
        ),
      (response, attempt) => this.decide(response, attempt),
      ctx,
      { maxRetries: this.options.maxRetries ?? 4, now: this.now, sleep: this.sleep, onSend: () => this.requestCount++ }
    );
    if (outcome.ok) {
      return outcome.response.data;
    }
    if (outcome.wait?.reason === 'rate-limit') {
      throw new JiraRateLimitError(outcome.wait.resetAt, path);
    }
    throw new JiraHttpError(outcome.response.status, path, errorMessage(outcome.response.data));
  }

  private decide(response: HttpResponse<unknown>, attempt: number): RetryDecision {
    const { status, headers } = response;
    if (status >= 200 && status < 300) {
      return { kind: 'done' };
    }
    const after = retryAfterMs(headers, this.now());
    if (status === 429 || (status === 503 && after !== undefined)) {
      const ms = after ?? RATE_LIMIT_DEFAULT_WAIT_MS * Math.pow(2, attempt);
      return { kind: 'wait', reason: 'rate-limit', ms, resetAt: after !== undefined ? this.now() + ms : undefined };
    }
    if (isServerError(status)) {
      return { kind: 'wait', reason: 'server', ms: serverBackoff(attempt) };
    }
    return { kind: 'fail' };
  }
}

function errorMessage(data: unknown): string {
  if (data && typeof data === 'object') {
    const body = data as JiraErrorBody;
    const parts = (body.errorMessages ?? []).concat(Object.entries(body.errors ?? {}).map(([k, v]) => `${k}: ${v}`));
    if (parts.length > 0) {
      return parts.join('; ');
    }
    if (typeof body.message === 'string') {
      return body.message;
    }
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}
