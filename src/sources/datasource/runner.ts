/**
 * How a mapping's query reaches its data source. Two runners, one seam: in the browser Grafana's data source
 * service (browserRunner.ts, the data source's own query()), on the server Grafana's query API (POST /api/ds/query
 * through the `grafana` route with the service account token). Both answer with plain tables per refId.
 */
import { TimeRange } from '../../engine';
import { HttpClient } from '../http';
import { bodyDetail } from '../jsonApi';
import { HttpApiError } from '../httpError';
import { BridgeQuery } from './queryModel';
import { FrameJson, Table, tableFromJson } from './table';

export interface QueryAnswer {
  tables: Table[];
  /** The data source's error for this query, if any. */
  error?: string;
}

export interface FrameQueryRunner {
  run(queries: BridgeQuery[], range: TimeRange, signal?: AbortSignal): Promise<Record<string, QueryAnswer>>;
}

interface QueryApiResponse {
  results?: Record<string, { status?: number; error?: string; frames?: FrameJson[] }>;
  message?: string;
}

/** Grafana's query API: POST {base}/api/ds/query with the range as epoch ms text. */
export class QueryApiRunner implements FrameQueryRunner {
  constructor(
    private readonly http: HttpClient,
    private readonly base: string
  ) {}

  async run(queries: BridgeQuery[], range: TimeRange, signal?: AbortSignal): Promise<Record<string, QueryAnswer>> {
    const response = await this.http.request<QueryApiResponse>({
      method: 'POST',
      url: `${this.base.replace(/\/+$/, '')}/api/ds/query`,
      headers: { 'Content-Type': 'application/json' },
      body: {
        from: String(range.from),
        to: String(range.to),
        queries: queries.map((q) => ({ maxDataPoints: 100000, intervalMs: 60000, ...q })),
      },
      signal,
    });
    const results = response.data?.results;
    // A query that fails answers 400/500 with its error in results; other failures have no results.
    if (!results || typeof results !== 'object') {
      throw new HttpApiError(
        'Grafana',
        response.status,
        '/api/ds/query',
        bodyDetail(response.data) || 'the answer has no results'
      );
    }
    const out: Record<string, QueryAnswer> = {};
    for (const q of queries) {
      const result = results[q.refId];
      out[q.refId] = result
        ? { tables: (result.frames ?? []).map(tableFromJson), error: result.error || undefined }
        : { tables: [], error: 'the data source returned no result for this query' };
    }
    return out;
  }
}
