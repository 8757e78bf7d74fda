/**
 * Fakes of the two ways the bridge reaches a data source: Grafana's data source service in the browser (get(uid)
 * -> a data source whose query() emits DataFrame objects, decoded from the DataFrameJSON fixtures with Grafana's
 * own dataFrameFromJSON) and Grafana's query API on loopback (./queryApi.ts, free of Grafana's packages so Node
 * scripts can start it too).
 */
import { DataFrameJSON, dataFrameFromJSON, DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { Observable, of } from 'rxjs';
import { DataSourceServiceLike } from '../browserRunner';
import { Answers, answerFor } from './queryApi';

export { startFakeQueryApi } from './queryApi';
export type { Answers } from './queryApi';

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
