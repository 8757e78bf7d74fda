import { DataFrame, DataQueryResponse, DataSourceInstanceSettings } from '@grafana/data';
import { firstValueFrom } from 'rxjs';
import { DataSource, DataSourceDeps } from './DataSource';
import { fakeTemplateSrv, instanceSettings, queryRequest } from './testing';
import { Change, Deployment, DoraEvents, emptyEvents, TimeRange } from '../engine';
import { AttributeFn } from './eventCache';
import { HttpClient } from '../sources/http';
import { EventSource, SourceResult } from '../sources/types';
import { DoraJsonData } from '../settings/model';
import { DoraQuery } from '../query/model';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => {
    throw new Error('tests pass a template service explicitly');
  },
  getBackendSrv: () => {
    throw new Error('tests never reach the network');
  },
}));

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const FROM = NOW - 14 * DAY;
const noHttp: HttpClient = {
  request: () => Promise.reject(new Error('no HTTP in this test')),
};

/** Two deployments per service: the first has unknown changes, the second ships one commit 10 h old. */
function serviceEvents(service: string, firstDeployAt: number): DoraEvents {
  const repo = `acme/${service}`;
  const c1: Change = { sha: `${service}-1`, repo, committedAt: firstDeployAt - 5 * 3600 * 1000 };
  const c2: Change = {
    sha: `${service}-2`,
    repo,
    committedAt: firstDeployAt + DAY - 10 * 3600 * 1000,
    parent: c1.sha,
  };
  const deploy = (id: string, sha: string, at: number): Deployment => ({
    id,
    service,
    environment: 'production',
    repo,
    sha,
    finishedAt: at,
    status: 'success',
    source: 'test',
    title: `Deploy ${id} of ${service}`,
  });
  return {
    ...emptyEvents(),
    changes: [c1, c2],
    deployments: [deploy(`${service}-d1`, c1.sha, firstDeployAt), deploy(`${service}-d2`, c2.sha, firstDeployAt + DAY)],
  };
}

class FakeSource implements EventSource {
  calls: Array<{ range: TimeRange; signal?: AbortSignal }> = [];
  constructor(
    readonly name: string,
    private readonly events: DoraEvents | (() => Promise<SourceResult>)
  ) {}
  fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    this.calls.push({ range, signal });
    if (typeof this.events === 'function') {
      return this.events();
    }
    return Promise.resolve({ events: this.events, notices: [] });
  }
}

function dataSource(sources: EventSource[] | undefined, jsonData: DoraJsonData = {}, deps: DataSourceDeps = {}) {
  return new DataSource(instanceSettings(jsonData), {
    http: noHttp,
    now: () => NOW,
    templateSrv: fakeTemplateSrv(),
    sources,
    ...deps,
  });
}

function run(ds: DataSource, targets: DoraQuery[]): Promise<DataQueryResponse> {
  return firstValueFrom(ds.query(queryRequest(targets, FROM, NOW)));
}

const notices = (frames: DataFrame[]) => frames.flatMap((f) => f.meta?.notices ?? []);
const countQuery: DoraQuery = {
  refId: 'A',
  kind: 'metric',
  metric: 'deploymentCount',
  interval: 'range',
  groupBy: 'service',
};

describe('DataSource.filterQuery', () => {
  const ds = dataSource([]);
  it('skips hidden and incomplete queries', () => {
    expect(ds.filterQuery({ ...countQuery, hide: true })).toBe(false);
    expect(ds.filterQuery({ refId: 'A' } as DoraQuery)).toBe(false);
    expect(ds.filterQuery({ refId: 'A', kind: 'events' } as DoraQuery)).toBe(false);
    expect(ds.filterQuery(countQuery)).toBe(true);
  });

  it('does nothing at all for a request of only hidden and incomplete queries', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([source]), [
      { ...countQuery, hide: true },
      { refId: 'B', kind: 'metric' } as DoraQuery,
    ]);
    expect(response.data).toEqual([]);
    expect(response.errors).toBeUndefined();
    expect(source.calls).toHaveLength(0);
  });
});

describe('DataSource.query', () => {
  it('fetches the range widened by the look-back, and computes over the dashboard range', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([source], { lookbackDays: 10 }), [countQuery]);
    expect(source.calls[0].range).toEqual({ from: FROM - 10 * DAY, to: NOW });
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveLength(1);
    const [frame] = response.data as DataFrame[];
    expect(frame.fields[1].values).toEqual([2]);
    expect(frame.fields[1].config.displayNameFromDS).toBe('checkout · Deployments');
  });

  it('interpolates a multi-value filter variable, and All removes the filter', async () => {
    const source = new FakeSource(
      'test',
      mergeAll([
        serviceEvents('checkout', FROM + DAY),
        serviceEvents('search', FROM + 2 * DAY),
        serviceEvents('billing', FROM + DAY),
      ])
    );
    const query: DoraQuery = { ...countQuery, filters: { services: ['$service'] } };
    const picked = dataSource(
      [source],
      {},
      { templateSrv: fakeTemplateSrv({ service: { value: ['checkout', 'search'] } }) }
    );
    const groups = (r: DataQueryResponse) => (r.data as DataFrame[]).map((f) => f.fields[1].labels?.service);
    expect(groups(await run(picked, [query]))).toEqual(['checkout', 'search']);

    const all = dataSource(
      [source],
      {},
      { templateSrv: fakeTemplateSrv({ service: { value: '$__all', options: ['checkout'] } }) }
    );
    expect(groups(await run(all, [query]))).toEqual(['billing', 'checkout', 'search']);
  });

  it('lists the events of the dashboard range that pass the filters, newest first', async () => {
    const source = new FakeSource(
      'test',
      mergeAll([serviceEvents('checkout', FROM - 3 * DAY), serviceEvents('search', FROM + 2 * DAY)])
    );
    const ds = dataSource([source]);
    const ids = async (query: DoraQuery) => {
      const frame = (await run(ds, [query])).data[0] as DataFrame;
      return frame.fields.find((f) => f.name === 'Deployment' || f.name === 'SHA')!.values;
    };
    // checkout-d1 finished 3 days before the range (look-back only); checkout-d2 2 days before: both out.
    expect(await ids({ refId: 'E', kind: 'events', entity: 'deployments' })).toEqual(['search-d2', 'search-d1']);
    expect(await ids({ refId: 'E', kind: 'events', entity: 'changes' })).toEqual(['search-2']);
    expect(
      await ids({ refId: 'E', kind: 'events', entity: 'deployments', filters: { services: ['checkout'] } })
    ).toEqual([]);
  });

  it('keeps the data of the other sources when one fails, with a warning naming the failed source', async () => {
    const good = new FakeSource('good', serviceEvents('checkout', FROM + DAY));
    const broken = new FakeSource('broken', () => Promise.reject(new Error('HTTP 502 from the provider')));
    const response = await run(dataSource([broken, good]), [countQuery]);
    expect(response.errors).toBeUndefined();
    const frames = response.data as DataFrame[];
    expect(frames[0].fields[1].values).toEqual([2]);
    expect(notices(frames)).toContainEqual({
      severity: 'warning',
      text: `Source "broken" failed: HTTP 502 from the provider. The panel shows the other sources' data only.`,
    });
  });

  it('reports an error per query when no source can be read', async () => {
    const broken = new FakeSource('broken', () => Promise.reject(new Error('unreachable')));
    const response = await run(dataSource([broken]), [countQuery]);
    expect(response.data).toEqual([]);
    expect(response.errors).toEqual([
      { refId: 'A', message: 'Query A: no source could be read. broken: unreachable.' },
    ]);
  });

  it('reports an error when there is no source at all', async () => {
    const response = await run(dataSource([]), [countQuery]);
    expect(response.errors).toEqual([{ refId: 'A', message: 'Query A: no source could be read.' }]);
  });

  it('answers a bad field with an error naming the field, the value and the fix, and still serves the good query', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([source]), [
      { refId: 'BAD', kind: 'metric', metric: 'deploymentz' } as unknown as DoraQuery,
      { refId: 'AGG', kind: 'metric', metric: 'leadTime', aggregation: 'p99' } as unknown as DoraQuery,
      countQuery,
    ]);
    expect(response.errors).toEqual([
      {
        refId: 'BAD',
        message: expect.stringMatching(/^Query BAD: metric "deploymentz" is not known\. Use one of: deploymentCount, /),
      },
      {
        refId: 'AGG',
        message: expect.stringMatching(
          /^Query AGG: aggregation "p99" is not known\. Use one of: median, p75, p90, mean, count/
        ),
      },
    ]);
    expect((response.data as DataFrame[]).map((f) => f.refId)).toEqual(['A']);
  });

  it('serves the demo source with a "Demo data" notice when no provider is configured', async () => {
    const response = await run(dataSource(undefined, {}), [countQuery]);
    const frames = response.data as DataFrame[];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.reduce((n, f) => n + (f.fields[1].values[0] as number), 0)).toBeGreaterThan(0);
    expect(notices(frames)).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        text: expect.stringMatching(/^Demo data: no provider is configured/),
      })
    );
    // The notice sits on the first frame only.
    expect(frames.slice(1).every((f) => !f.meta?.notices)).toBe(true);
  });

  it('puts settings problems (invalid catalog YAML) in a warning notice instead of failing', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([source], { catalogYaml: 'services: [unclosed' }), [countQuery]);
    expect(response.errors).toBeUndefined();
    expect(notices(response.data as DataFrame[])).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        text: expect.stringContaining('Service catalog, line 1: Catalog YAML is not valid'),
      })
    );
  });

  it('gives the query editor the settings problems once the query pipeline has loaded', async () => {
    const ds = dataSource(undefined, { catalogYaml: 'services: [unclosed' });
    const problems = await ds.settingsProblems();
    expect(problems).toEqual([expect.stringContaining('Service catalog, line 1: Catalog YAML is not valid')]);
    expect(await dataSource(undefined, {}).settingsProblems()).toEqual([]);
  });

  it('loads the query pipeline once, on the first use, for every query after it', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const ds = dataSource([source]);
    const [first, second] = await Promise.all([run(ds, [countQuery]), run(ds, [countQuery])]);
    expect(first.data).toEqual(second.data);
    // One pipeline: one fetch shared by both requests (a second pipeline would have its own cache and fetch again).
    expect(source.calls).toHaveLength(1);
  });

  it('summarises data quality in an info notice', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([source]), [countQuery]);
    expect(notices(response.data as DataFrame[])).toContainEqual(
      expect.objectContaining({ severity: 'info', text: expect.stringContaining('1 unknown-changes') })
    );
  });

  it('lists a source without events in the data-quality table', async () => {
    const empty = new FakeSource('quiet', emptyEvents());
    const busy = new FakeSource('busy', serviceEvents('checkout', FROM + DAY));
    const response = await run(dataSource([empty, busy]), [{ refId: 'Q', kind: 'dataQuality' }]);
    const frame = (response.data as DataFrame[])[0];
    const kinds = frame.fields.find((f) => f.name === 'Kind')!.values;
    const subjects = frame.fields.find((f) => f.name === 'Subject')!.values;
    expect(kinds[subjects.indexOf('quiet')]).toBe('source-without-events');
  });

  it('fetches each source once for many panels and attributes once', async () => {
    const source = new FakeSource('test', serviceEvents('checkout', FROM + DAY));
    const real: AttributeFn = jest.requireActual('../engine/attribution').attribute;
    const attribute = jest.fn(real);
    const ds = dataSource([source], {}, { attribute });
    await Promise.all([
      run(ds, [countQuery, { ...countQuery, refId: 'B', metric: 'leadTime' }]),
      run(ds, [{ refId: 'C', kind: 'events', entity: 'deployments' }]),
      run(ds, [{ refId: 'D', kind: 'scorecard' }]),
    ]);
    expect(source.calls).toHaveLength(1);
    expect(attribute).toHaveBeenCalledTimes(1);
  });

  it('aborts the fetch when the panel unsubscribes', async () => {
    let signal: AbortSignal | undefined;
    const hanging: EventSource = {
      name: 'hanging',
      fetchEvents: (_range, s) => {
        signal = s;
        return new Promise(() => undefined);
      },
    };
    const subscription = dataSource([hanging])
      .query(queryRequest([countQuery], FROM, NOW))
      .subscribe();
    await new Promise((r) => setTimeout(r, 0));
    expect(signal?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });

  it('never lets a token appear in frames, notices or errors', async () => {
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
    const misplaced = 'misplaced-secret-value';
    const leaky = new FakeSource('leaky', () => Promise.reject(new Error(`401 for Authorization: token ${token}`)));
    const events = serviceEvents('checkout', FROM + DAY);
    events.deployments[1] = {
      ...events.deployments[1],
      title: `deploy with ${token} and ${misplaced}`,
      url: `https://x.test/?t=${misplaced}`,
    };
    const good = new FakeSource('good', events);
    const ds = new DataSource(
      instanceSettings(
        { github: { enabled: false, token: misplaced } },
        // Grafana gives the browser only which secrets are set, never their values.
        { secureJsonFields: { githubToken: true } } as unknown as Partial<DataSourceInstanceSettings<DoraJsonData>>
      ),
      { http: noHttp, now: () => NOW, templateSrv: fakeTemplateSrv(), sources: [leaky, good] }
    );
    const response = await run(ds, [
      countQuery,
      { refId: 'E', kind: 'events', entity: 'deployments' },
      { refId: 'X', kind: 'metric', metric: token } as unknown as DoraQuery,
    ]);
    const text = JSON.stringify(response);
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(misplaced);
    expect(response.errors?.[0].refId).toBe('X');
  });
});

// testDatasource: see datasource.health.test.ts.

function mergeAll(all: DoraEvents[]): DoraEvents {
  return {
    ...emptyEvents(),
    deployments: all.flatMap((e) => e.deployments),
    changes: all.flatMap((e) => e.changes),
  };
}
