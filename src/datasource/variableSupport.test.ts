/** Template variables through the real path: the variable support, the data source's caches, the demo source. */
import { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { firstValueFrom } from 'rxjs';
import { DataSource } from './DataSource';
import { fakeTemplateSrv, instanceSettings, queryRequest } from './testing';
import { DoraEvents, emptyEvents, TimeRange } from '../engine';
import { DEMO_SERVICES, DEMO_TEAMS } from '../sources/demo/profiles';
import { UNKNOWN_SERVICE } from '../sources/demo/quirks';
import { EventSource, SourceResult } from '../sources/types';
import { DoraVariableQuery } from '../query/variableQuery';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => {
    throw new Error('tests pass a template service explicitly');
  },
  getBackendSrv: () => {
    throw new Error('tests never reach the network');
  },
}));

jest.setTimeout(120000);

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const FROM = NOW - 30 * DAY;
/** The catalog's services and the one the demo's incidents name without the catalog knowing it. */
const ALL_SERVICES = DEMO_SERVICES.map((s) => s.name)
  .concat(UNKNOWN_SERVICE)
  .sort();
const noHttp = { request: () => Promise.reject(new Error('no HTTP')) };

function demo(variables = {}, jsonData = {}) {
  return new DataSource(instanceSettings({ demoSeed: 42, ...jsonData }), {
    now: () => NOW,
    http: noHttp,
    templateSrv: fakeTemplateSrv(variables),
  });
}

function request(query: Partial<DoraVariableQuery>, from = FROM, to = NOW): DataQueryRequest<DoraVariableQuery> {
  return {
    ...queryRequest([], from, to),
    targets: [{ refId: 'variable', ...query } as DoraVariableQuery],
  } as unknown as DataQueryRequest<DoraVariableQuery>;
}

async function values(ds: DataSource, query: Partial<DoraVariableQuery>): Promise<string[]> {
  const support = ds.variables as unknown as {
    query(r: DataQueryRequest<DoraVariableQuery>): import('rxjs').Observable<DataQueryResponse>;
  };
  const response = await firstValueFrom(support.query(request(query)));
  const frame = response.data[0];
  const text = frame.fields.find((f: { name: string }) => f.name === 'text').values;
  const value = frame.fields.find((f: { name: string }) => f.name === 'value').values;
  expect(text).toEqual(value);
  return value;
}

describe('template variables on the demo data', () => {
  it('lists the teams and services of the demo catalog and events (an unknown service too)', async () => {
    const ds = demo();
    expect(await values(ds, { values: 'teams' })).toEqual(DEMO_TEAMS.slice().sort());
    expect(await values(ds, { values: 'services' })).toEqual(ALL_SERVICES);
    expect((await values(ds, { values: 'environments' })).length).toBeGreaterThan(0);
    expect(await values(ds, { values: 'repositories' })).toContain('acme/checkout');
  });

  it('narrows services to the teams of a (multi-value) variable', async () => {
    const ds = demo({ team: { value: ['storefront', 'finance'] } });
    const services = await values(ds, { values: 'services', filters: { teams: ['$team'] } });
    const expected = DEMO_SERVICES.filter((s) => s.team === 'storefront' || s.team === 'finance').map((s) => s.name);
    expect(services).toEqual(expected.sort());
    // All removes the filter.
    const all = demo({ team: { value: '$__all', options: DEMO_TEAMS } });
    expect(await values(all, { values: 'services', filters: { teams: ['$team'] } })).toEqual(ALL_SERVICES);
  });

  it('adds the services the settings catalog names, even without events', async () => {
    const ds = demo({}, { catalogYaml: 'services:\n  - name: brand-new\n    team: storefront\n' });
    expect(await values(ds, { values: 'services', filters: { teams: ['storefront'] } })).toContain('brand-new');
  });

  it('lists services for a variable saved without a query', async () => {
    const support = demo().variables as unknown as {
      query(r: DataQueryRequest<DoraVariableQuery>): import('rxjs').Observable<DataQueryResponse>;
    };
    const request = { ...queryRequest([], FROM, NOW), targets: [''] } as unknown as DataQueryRequest<DoraVariableQuery>;
    const response = await firstValueFrom(support.query(request));
    expect(response.data[0].fields[1].values).toEqual(ALL_SERVICES);
  });

  it('rejects an unknown list with the field, the value and the fix', async () => {
    await expect(values(demo(), { values: 'squads' as DoraVariableQuery['values'] })).rejects.toThrow(
      'Variable query: values "squads" is not known. Use one of: services, teams, environments, repositories, severities, labels, deployments (pick it in the variable editor).'
    );
  });

  it('offers a default query and its own editor', () => {
    const support = demo().variables as unknown as { getDefaultQuery(): unknown; editor: unknown };
    expect(support.getDefaultQuery()).toEqual({ values: 'services' });
    expect(support.editor).toBeDefined();
  });
});

describe('template variables and panels share one fetch', () => {
  class CountingSource implements EventSource {
    readonly name = 'counting';
    calls = 0;
    constructor(private readonly events: DoraEvents) {}
    fetchEvents(_range: TimeRange): Promise<SourceResult> {
      this.calls++;
      return Promise.resolve({ events: this.events, notices: [] });
    }
  }

  it('fetches the source once for a variable and a panel of the same range', async () => {
    const source = new CountingSource({
      ...emptyEvents(),
      deployments: [
        {
          id: 'd1',
          service: 'checkout',
          environment: 'production',
          repo: 'acme/checkout',
          sha: 'a',
          finishedAt: NOW - DAY,
          status: 'success',
          source: 'test',
        },
      ],
    });
    const ds = new DataSource(instanceSettings({}), {
      now: () => NOW,
      http: noHttp,
      templateSrv: fakeTemplateSrv(),
      sources: [source],
    });
    expect(await values(ds, { values: 'services' })).toEqual(['checkout']);
    const panel = await firstValueFrom(
      ds.query(queryRequest([{ refId: 'A', kind: 'metric', metric: 'deploymentCount', interval: 'range' }], FROM, NOW))
    );
    expect(panel.errors ?? []).toEqual([]);
    expect(source.calls).toBe(1);
    // The editors' option lists read the same cache.
    expect(await ds.listValues({ refId: 'o', values: 'environments' }, { from: FROM, to: NOW })).toEqual([
      'production',
    ]);
    expect(source.calls).toBe(1);
  });
});
