/**
 * incident.io's REST API over the HttpClient seam (the proxy route incidentio/api adds "Authorization: Bearer
 * <key>"): limited concurrency, identical in-flight requests shared, cursor paging (`page_size` + `after`), and 429
 * (1,200 requests a minute per key) and 5xx waited out with bounded backoff, never past the query's deadline.
 */
import { HttpResponse } from '../http';
import { CallContext, PageDecision } from '../rest';
import { isServerError, retryAfterMs, RetryDecision, RetryOutcome, serverBackoff } from '../retry';
import { RetryingClient, RetryingClientOptions } from '../retryingClient';
import { QueryValue } from '../url';
import { IoErrorBody, IoPaginationMeta } from './apiTypes';
import { IncidentIoHttpError, IncidentIoRateLimitError } from './errors';

export type { CallContext, PageDecision };

/** The plugin.json proxy route (it adds the API key). */
export const INCIDENTIO_ROUTE = 'incidentio/api';
/** Incidents a page holds (the API allows up to 500; 250 keeps answers small). */
export const PAGE_SIZE = 250;
/** Wait after a 429 without Retry-After: the limit is per minute. */
const RATE_LIMIT_WAIT_MS = 10000;

export class IncidentIoClient extends RetryingClient {
  constructor(options: RetryingClientOptions) {
    super(options, INCIDENTIO_ROUTE, 'application/json');
  }

  /**
   * Reads a list page by page, following `pagination_meta.after` until a page is short or names no cursor.
   * `onItems` sees each page's items and may stop early.
   */
  async pages<P extends { pagination_meta?: IoPaginationMeta }, I>(
    path: string,
    query: Record<string, QueryValue>,
    items: (page: P) => I[] | undefined,
    onItems: (items: I[]) => PageDecision,
    ctx: CallContext = {},
    pageSize = PAGE_SIZE
  ): Promise<void> {
    const seen = new Set<string>();
    for (let after: string | undefined = undefined; ;) {
      const page: P = await this.get<P>(path, { ...query, page_size: pageSize, after }, ctx);
      const list = items(page) ?? [];
      const next = page.pagination_meta?.after;
      if (onItems(list) === 'stop' || list.length < pageSize || !next || seen.has(next)) {
        return;
      }
      seen.add(next);
      after = next;
    }
  }

  protected failure(outcome: Extract<RetryOutcome<unknown>, { ok: false }>, path: string): Error {
    if (outcome.wait?.reason === 'rate-limit') {
      return new IncidentIoRateLimitError(outcome.wait.resetAt, path);
    }
    return new IncidentIoHttpError(outcome.response.status, path, errorMessage(outcome.response.data));
  }

  protected decide(response: HttpResponse<unknown>, attempt: number): RetryDecision {
    if (response.status >= 200 && response.status < 300) {
      return { kind: 'done' };
    }
    if (response.status === 429) {
      const after = retryAfterMs(response.headers, this.now());
      const resetAt = after === undefined ? undefined : this.now() + after;
      return { kind: 'wait', reason: 'rate-limit', ms: after ?? RATE_LIMIT_WAIT_MS * 2 ** attempt, resetAt };
    }
    return isServerError(response.status)
      ? { kind: 'wait', reason: 'server', ms: serverBackoff(attempt) }
      : { kind: 'fail' };
  }
}

/** "No authorization material provided in request (missing_authorization_material)", or the text of a non-JSON body. */
function errorMessage(data: unknown): string {
  if (data && typeof data === 'object') {
    const errors = (data as IoErrorBody).errors ?? [];
    const parts = errors
      .map((e) => [e.message, e.source?.field ? `field ${e.source.field}` : undefined].filter(Boolean).join(', '))
      .filter((t) => t !== '');
    if (parts.length > 0) {
      return parts.join('; ');
    }
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}
