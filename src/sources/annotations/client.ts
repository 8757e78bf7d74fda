/**
 * GET /api/annotations of Grafana (with the viewer's session in the browser, the service account token on the
 * server; see ../grafanaApi.ts). Grafana returns the newest annotations first (by end, then start), at most `limit`
 * per request and no cursor: the client reads on by moving `to` to the earliest end seen until a page is short.
 * An annotation not yet returned ends no later than that, so it starts no later either and the next page has it.
 */
import { HttpClient } from '../http';
import { JsonApi } from '../jsonApi';
import { CallContext } from '../rest';
import { HttpApiError } from '../httpError';
import { GrafanaAnnotation } from './apiTypes';

export const PAGE_LIMIT = 1000;
/** Stops a runaway read (a tag on every dashboard refresh): 20 pages of 1,000. */
export const MAX_PAGES = 20;

export interface AnnotationQuery {
  tags: string[];
  dashboardUid?: string;
  from: number;
  to: number;
}

export class AnnotationsClient {
  readonly api: JsonApi;

  constructor(options: {
    http: HttpClient;
    base: string;
    now?: () => number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  }) {
    this.api = new JsonApi({ provider: 'Grafana', ...options });
  }

  /** Every annotation carrying all the tags in [from, to]; `truncated` when MAX_PAGES did not reach `from`. */
  async find(
    query: AnnotationQuery,
    call: CallContext
  ): Promise<{ annotations: GrafanaAnnotation[]; truncated: boolean }> {
    const seen = new Set<number>();
    const out: GrafanaAnnotation[] = [];
    let to = query.to;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.api.get<GrafanaAnnotation[]>(
        '/api/annotations',
        {
          from: query.from,
          to,
          tags: query.tags,
          matchAny: 'false',
          type: 'annotation',
          dashboardUID: query.dashboardUid,
          limit: PAGE_LIMIT,
        },
        call
      );
      if (!Array.isArray(answer)) {
        throw new HttpApiError('Grafana', 200, '/api/annotations', 'the answer is not a list of annotations');
      }
      let oldest = to;
      for (const a of answer) {
        if (typeof a?.id === 'number' && typeof a.time === 'number' && !seen.has(a.id)) {
          seen.add(a.id);
          out.push(a);
        }
        oldest = Math.min(oldest, a?.timeEnd ?? a?.time ?? oldest);
      }
      if (answer.length < PAGE_LIMIT || oldest < query.from) {
        return { annotations: out, truncated: false };
      }
      // Annotations at exactly `oldest` may continue on the next page; the ids already seen are skipped.
      to = oldest === to ? oldest - 1 : oldest;
    }
    return { annotations: out, truncated: true };
  }
}
