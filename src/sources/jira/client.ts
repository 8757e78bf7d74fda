/**
 * Jira REST over the HttpClient seam. Cloud goes through the proxy route jira/cloud (basic auth from the email and
 * API token), Data Center through jira/datacenter (a personal access token as Bearer). JQL search with the current
 * endpoint and its paging (Cloud: /rest/api/3/search/jql with nextPageToken; Data Center: /rest/api/2/search with
 * startAt), only the fields asked for; 429 and 503 waited out as Retry-After says, 5xx retried, within the deadline.
 */
import { JiraDeployment } from '../../settings/model';
import { HttpResponse } from '../http';
import { CallContext } from '../rest';
import { isServerError, retryAfterMs, RetryDecision, RetryOutcome, serverBackoff } from '../retry';
import { RetryingClient, RetryingClientOptions } from '../retryingClient';
import { QueryValue } from '../url';
import { EnhancedSearchPage, JiraErrorBody, JiraIssue, OffsetSearchPage } from './apiTypes';
import { JiraHttpError, JiraRateLimitError } from './errors';

export type { CallContext };

export interface JiraClientOptions extends RetryingClientOptions {
  deployment: JiraDeployment;
}

export const PAGE_SIZE = 100;
const RATE_LIMIT_DEFAULT_WAIT_MS = 10000;

export class JiraClient extends RetryingClient {
  constructor(private readonly options: JiraClientOptions) {
    // Cloud: REST API 3 through jira/cloud; Data Center: REST API 2 through jira/datacenter.
    super(
      options,
      options.deployment === 'cloud' ? 'jira/cloud/rest/api/3' : 'jira/datacenter/rest/api/2',
      'application/json'
    );
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

  protected failure(outcome: Extract<RetryOutcome<unknown>, { ok: false }>, path: string): Error {
    return outcome.wait?.reason === 'rate-limit'
      ? new JiraRateLimitError(outcome.wait.resetAt, path)
      : new JiraHttpError(outcome.response.status, path, errorMessage(outcome.response.data));
  }

  protected decide(response: HttpResponse<unknown>, attempt: number): RetryDecision {
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
