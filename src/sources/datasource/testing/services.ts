/**
 * Fakes of the two ways the bridge reaches a data source: Grafana's data source service in the browser (get(uid)
 * -> a data source whose query() emits DataFrame objects, decoded from the DataFrameJSON fixtures with Grafana's
 * own dataFrameFromJSON) and Grafana's query API on loopback (POST /api/ds/query answering DataFrameJSON).
 */
import { DataFrameJSON, dataFrameFromJSON, DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { Observable, of } from 'rxjs';
import { DataSourceServiceLike } from '../browserRunner';
import { Loopback, startLoopback } from '../../testing/loopback';
import { FrameJson } from '../table';

/** Answers a query by its text: the first entry whose key the query text contains. */
export type Answers = Array<{ contains: string; frames?: FrameJson[]; error?: string }>;

function answerFor(answers: Answers, model: Record<string, unknown>) {
  const text = JSON.stringify(model);
  return answers.find((a) => text.indexOf(a.contains) >= 0);
}

export interface FakeDataSourceService extends DataSourceServiceLike {
  requests: Array<{ uid: string; request: DataQueryRequest }>;
}

export function fakeDataSourceService(answers: Answers, knownUids: string[]): FakeDataSourceService {
  const service: FakeDataSourceService = {
    requests: [],
    async get(ref) {
      if (knownUids.indexOf(ref.uid) < 0) {
        throw new Error(`Data source with uid ${ref.uid} not found`);
      }
      return {
        query(request: DataQueryRequest): Observable<DataQueryResponse> {
          service.requests.push({ uid: ref.uid, request });
          const answer = answerFor(answers, request.targets[0] as unknown as Record<string, unknown>);
          if (answer?.error) {
            return of({ data: [], errors: [{ message: answer.error, refId: request.targets[0].refId }] });
          }
          return of({ data: (answer?.frames ?? []).map((f) => dataFrameFromJSON(f as DataFrameJSON)) });
        },
      };
    },
  };
  return service;
}

export async function startFakeQueryApi(answers: Answers, prefix = ''): Promise<Loopback> {
  return startLoopback((r) => {
    if (r.method !== 'POST' || r.path !== `${prefix}/api/ds/query`) {
      return { status: 404, body: { message: 'Not found' } };
    }
    const body = r.body as { queries?: Array<Record<string, unknown> & { refId: string }> };
    const results: Record<string, unknown> = {};
    let failed = false;
    for (const q of body.queries ?? []) {
      const answer = answerFor(answers, q);
      if (answer?.error) {
        failed = true;
        results[q.refId] = { status: 400, error: answer.error, errorSource: 'downstream' };
      } else {
        results[q.refId] = { status: 200, frames: answer?.frames ?? [] };
      }
    }
    return { status: failed ? 400 : 200, body: { results } };
  });
}
