/**
 * The browser's runner: Grafana's data source service (getDataSourceSrv) finds the mapping's data source and its
 * own query() runs the query with the viewer's permissions, exactly as a panel would, whether the data source
 * computes in the browser or on Grafana's server. Frames come back as DataFrame objects.
 */
import { DataQueryRequest, DataQueryResponse, DataSourceApi, dateTime } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { DataQuery } from '@grafana/schema';
import { isObservable, lastValueFrom } from 'rxjs';
import { TimeRange } from '../../engine';
import { abortError } from '../abort';
import { BridgeQuery } from './queryModel';
import { FrameQueryRunner, QueryAnswer } from './runner';
import { FrameObject, tableFromFrame } from './table';

export interface DataSourceServiceLike {
  get(ref: { uid: string; type?: string }): Promise<Pick<DataSourceApi, 'query'>>;
}

export class DataSourceServiceRunner implements FrameQueryRunner {
  constructor(private readonly service: () => DataSourceServiceLike = getDataSourceSrv) {}

  async run(queries: BridgeQuery[], range: TimeRange, signal?: AbortSignal): Promise<Record<string, QueryAnswer>> {
    const out: Record<string, QueryAnswer> = {};
    await Promise.all(
      queries.map(async (query) => {
        try {
          const ds = await this.service().get(query.datasource);
          const answer = ds.query(request(query, range));
          const response: DataQueryResponse = isObservable(answer) ? await lastValueFrom(answer) : await answer;
          if (signal?.aborted) {
            throw abortError();
          }
          const errors = (response.errors ?? (response.error ? [response.error] : [])).map(
            (e) => e.message ?? e.data?.message ?? 'query failed'
          );
          out[query.refId] = {
            tables: ((response.data ?? []) as FrameObject[])
              .filter((f) => f && Array.isArray(f.fields))
              .map(tableFromFrame),
            error: errors.length > 0 ? errors.join('; ') : undefined,
          };
        } catch (e) {
          if (signal?.aborted) {
            throw abortError();
          }
          const message =
            e instanceof Error
              ? e.message
              : typeof e === 'object' && e && 'message' in e
                ? String((e as { message: unknown }).message)
                : String(e);
          out[query.refId] = { tables: [], error: message };
        }
      })
    );
    return out;
  }
}

function request(query: BridgeQuery, range: TimeRange): DataQueryRequest<DataQuery> {
  const from = dateTime(range.from);
  const to = dateTime(range.to);
  return {
    requestId: `dora-${query.refId}`,
    interval: '1m',
    intervalMs: 60000,
    maxDataPoints: 100000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: [query as DataQuery],
    timezone: 'utc',
    app: 'dora',
    startTime: Date.now(),
  };
}
