/**
 * A fake of Grafana's data source service for the bridge's tests, the settings editor's tests and the browser
 * harness (no Node imports): get(uid) -> a data source whose query() emits DataFrame objects, decoded from the
 * DataFrameJSON fixtures (frames.ts) with Grafana's own dataFrameFromJSON; with instance settings, the whole
 * DataSourceSrv that setDataSourceSrv takes (Grafana's data source picker lists and finds them).
 */
import {
  DataFrameJSON,
  dataFrameFromJSON,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePluginMeta,
} from '@grafana/data';
import type { DataSourceSrv, GetDataSourceListFilters } from '@grafana/runtime';
import { Observable, of } from 'rxjs';
import { DataSourceServiceLike } from '../browserRunner';
import { Answers, answerFor } from './answers';

export type { Answers } from './answers';

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

export interface FakeInstance {
  uid: string;
  type: string;
  name: string;
}

/** A plain database glyph as the picker's logo (a data URL: the fakes request nothing). */
const LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#8e8e8e" stroke-width="2">' +
      '<ellipse cx="12" cy="5" rx="8" ry="3"/><path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"/></svg>'
  );

function instanceSettings(ds: FakeInstance): DataSourceInstanceSettings {
  const meta = {
    id: ds.type,
    name: ds.name,
    type: 'datasource',
    module: '',
    baseUrl: '',
    info: {
      author: { name: 'Grafana Labs' },
      description: '',
      links: [],
      logos: { small: LOGO, large: LOGO },
      screenshots: [],
      updated: '',
      version: '',
    },
  } as unknown as DataSourcePluginMeta;
  return { ...ds, meta, access: 'proxy', readOnly: false, jsonData: {} } as unknown as DataSourceInstanceSettings;
}

/** Grafana's DataSourceSrv over the fake service: get() as above, the instances listed and found by uid or name. */
export function fakeDataSourceSrv(
  answers: Answers,
  instances: FakeInstance[]
): DataSourceSrv & { service: FakeDataSourceService } {
  const service = fakeDataSourceService(
    answers,
    instances.map((ds) => ds.uid)
  );
  const all = instances.map(instanceSettings);
  const find = (ref: unknown) => {
    const key = typeof ref === 'string' ? ref : (ref as { uid?: string } | null | undefined)?.uid;
    return all.find((ds) => ds.uid === key || ds.name === key);
  };
  return {
    service,
    async get(ref) {
      const uid = find(ref)?.uid ?? (typeof ref === 'string' ? ref : (ref?.uid ?? ''));
      return (await service.get({ uid })) as DataSourceApi;
    },
    getList: (filters?: GetDataSourceListFilters) => all.filter((ds) => !filters?.filter || filters.filter(ds)),
    getInstanceSettings: (ref) => find(ref),
    reload: () => undefined,
    registerRuntimeDataSource: () => undefined,
  };
}
