import { deserialize, serialize } from 'v8';
import { MessageChannel, MessagePort } from 'worker_threads';
import { DataSourceInstanceSettings } from '@grafana/data';
import { DAY_MS, emptyEvents } from '../engine';
import { instanceSettings } from './testing';
import { createRedactor } from './redact';
import { createRunner } from './runnerSetup';
import { HostRunRequest, inlineHost, RunnerHost } from './runnerHost';
import { intlTimeZone } from './intlTimeZone';
import { grafanaTimeZone } from './timezone';
import { RunnerFactory, RunnerFactoryDeps, serveRunner, WorkerScope } from './workerServe';
import { WorkerHost, WorkerLike } from './workerHost';
import {
  FromWorker,
  instanceSettings as fromPlain,
  plainSettings,
  RowsCollector,
  sliceRows,
  ToWorker,
} from './workerProtocol';
import { RunResult } from './queryRunner';
import { ValidQuery, validateQuery } from '../query/validate';
import { DoraQuery } from '../query/model';
import { HttpClient, HttpRequest } from '../sources/http';
import { FetchHttpClient } from '../sources/http.fetch';
import { toEventsJson } from '../sources/json/serialize';
import { FrameQueryRunner } from '../sources/datasource/runner';
import { DoraJsonData } from '../settings/model';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => {
    throw new Error('tests never reach the network');
  },
}));

const NOW = Date.UTC(2026, 5, 1);
const RANGE = { from: NOW - 60 * DAY_MS, to: NOW };
const noHttp: HttpClient = { request: () => Promise.reject(new Error('no HTTP in this test')) };
const settings = instanceSettings({ demoEnabled: true, demoSeed: 7 });

function valid(query: DoraQuery): ValidQuery {
  const checked = validateQuery(query);
  if (!checked.ok) {
    throw new Error(checked.message);
  }
  return checked.query;
}

const QUERIES: ValidQuery[] = [
  valid({ refId: 'A', kind: 'metric', metric: 'deploymentCount', interval: 'week', groupBy: 'team' } as DoraQuery),
  valid({
    refId: 'B',
    kind: 'metric',
    metric: 'leadTime',
    aggregation: 'median',
    interval: 'range',
    groupBy: 'service',
  } as DoraQuery),
  valid({ refId: 'C', kind: 'scorecard', groupBy: 'team' } as DoraQuery),
  valid({ refId: 'D', kind: 'events', entity: 'deployments' } as DoraQuery),
];

function request(queries = QUERIES, timezone = 'Europe/Paris'): HostRunRequest {
  return { queries, range: RANGE, timezone, intervalMs: DAY_MS };
}

/** The runner a worker builds: the same pipeline, with the test's clock and no network. */
function factory(http: HttpClient | ((deps: RunnerFactoryDeps) => HttpClient) = noHttp): RunnerFactory {
  return (init, deps) =>
    createRunner(fromPlain(init.settings), {
      http: typeof http === 'function' ? http(deps) : http,
      now: () => NOW,
      bridgeRunner: deps.bridgeRunner,
      checkpoint: deps.checkpoint,
    });
}

/** The page's host on one end of a MessageChannel, the worker's side on the other: messages are structured clones. */
function channelHost(
  options: {
    pause?: () => Promise<void>;
    bridge?: FrameQueryRunner;
    http?: HttpClient | ((deps: RunnerFactoryDeps) => HttpClient);
    pageHttp?: HttpClient;
    settings?: DataSourceInstanceSettings<DoraJsonData>;
  } = {}
): { host: WorkerHost; ports: MessagePort[] } {
  const { port1, port2 } = new MessageChannel();
  const scope: WorkerScope = {
    postMessage: (message: FromWorker, transfer?: Transferable[]) =>
      port2.postMessage(message, transfer as ArrayBuffer[] | undefined),
    addEventListener: (_type, listener) =>
      port2.on('message', (data: ToWorker) => listener({ data } as MessageEvent<ToWorker>)),
  };
  serveRunner(scope, factory(options.http), options.pause);
  const worker: WorkerLike = {
    post: (message) => port1.postMessage(message),
    listen: (onMessage) => port1.on('message', (data: FromWorker) => onMessage(data)),
    terminate: () => port1.close(),
  };
  const host = new WorkerHost(
    worker,
    { settings: plainSettings(options.settings ?? settings), baseUri: 'http://grafana.example.com/grafana/' },
    {
      redact: createRedactor(options.settings ?? settings),
      bridge: options.bridge,
      http: options.pageHttp,
      fallback: () => Promise.reject(new Error('no fallback in this test')),
    }
  );
  return { host, ports: [port1, port2] };
}

function pageHost(): RunnerHost {
  return inlineHost(createRunner(settings, { http: noHttp, now: () => NOW }), grafanaTimeZone);
}

const signal = () => new AbortController().signal;
let ports: MessagePort[] = [];
afterEach(() => {
  ports.forEach((p) => p.close());
  ports = [];
});

describe('the query worker protocol', () => {
  it('answers runs, variable values, health and settings problems exactly as the page does', async () => {
    const worker = channelHost();
    ports = worker.ports;
    const page = pageHost();
    expect(worker.host.where).toBe('worker');
    const [inWorker, onPage] = await Promise.all([worker.host.run(request(), signal()), page.run(request(), signal())]);
    expect(inWorker.frames.length).toBeGreaterThan(3);
    expect(inWorker.errors).toEqual([]);
    expect(inWorker).toEqual(onPage);
    expect(await worker.host.values('teams', {}, RANGE, signal())).toEqual(
      await page.values('teams', {}, RANGE, signal())
    );
    expect(await worker.host.health()).toEqual(await page.health());
    expect(await worker.host.settingsProblems()).toEqual(await page.settingsProblems());
    expect(worker.host.activity.calls).toBe(4);
  });

  it('sends a large frame in slices and puts it back together', async () => {
    const worker = channelHost();
    ports = worker.ports;
    const changes = [valid({ refId: 'E', kind: 'events', entity: 'changes' } as DoraQuery)];
    const answer = await worker.host.run(request(changes), signal());
    const expected = await pageHost().run(request(changes), signal());
    expect(expected.frames[0].fields[0].values.length * expected.frames[0].fields.length).toBeGreaterThan(16384);
    expect(answer).toEqual(expected);
  });

  it('carries errors by query, and a cancelled call as an AbortError', async () => {
    const failing: HttpClient = { request: () => Promise.reject(new Error('connection refused')) };
    const worker = channelHost({
      http: failing,
      settings: instanceSettings({ eventsUrl: { enabled: true, urls: ['https://files.example.com/events.json'] } }),
    });
    ports = worker.ports;
    const answer = await worker.host.run(request(QUERIES.slice(0, 2)), signal());
    expect(answer.frames).toEqual([]);
    expect(answer.errors.map((e) => e.refId)).toEqual(['A', 'B']);
    expect(answer.errors[0].message).toContain('connection refused');
    const aborted = new AbortController();
    aborted.abort();
    await expect(worker.host.run(request(), aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops a cancelled run at the next step: the remaining queries are not computed', async () => {
    let pauses = 0;
    const controller = new AbortController();
    const worker = channelHost({
      pause: async () => {
        pauses++;
        if (pauses === 2) {
          controller.abort(); // the page cancels while the worker computes the second query
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    });
    ports = worker.ports;
    await expect(worker.host.run(request(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    while (worker.host.activity.cancelled === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(worker.host.activity).toEqual({ calls: 1, cancelled: 1, steps: 1 });
    expect(worker.host.activity.steps).toBeLessThan(QUERIES.length);
    // The worker still serves the next call.
    expect((await worker.host.run(request(), signal())).frames.length).toBeGreaterThan(3);
  });

  it("sends a request Grafana answered 401 through the page's client (which renews the session)", async () => {
    const file = toEventsJson({
      ...emptyEvents(),
      deployments: [
        {
          id: 'd1',
          service: 'checkout',
          environment: 'production',
          finishedAt: NOW - DAY_MS,
          status: 'success',
          source: 'file',
          repo: 'acme/checkout',
          sha: 'abc1234',
        },
      ],
    });
    const asked: string[] = [];
    const worker = channelHost({
      settings: instanceSettings({ eventsUrl: { enabled: true, urls: ['https://files.example.com/events.json'] } }),
      http: (deps) =>
        new FetchHttpClient({
          baseUri: 'https://grafana.example.com/',
          fetch: (() =>
            Promise.resolve({
              status: 401,
              headers: new Map(),
              text: () => Promise.resolve(''),
            })) as unknown as typeof fetch,
          unauthorized: deps.pageHttp,
        }),
      pageHttp: {
        request: <T>(req: HttpRequest) => {
          asked.push(req.url);
          return Promise.resolve({ status: 200, headers: {}, data: file as T });
        },
      },
    });
    ports = worker.ports;
    const events = [valid({ refId: 'E', kind: 'events', entity: 'deployments' } as DoraQuery)];
    const answer = await worker.host.run(request(events), signal());
    expect(asked).toEqual(['/api/datasources/proxy/uid/dora-test/events/0']);
    expect(answer.errors).toEqual([]);
    expect(answer.frames[0].fields.find((f) => f.name === 'Deployment')?.values).toEqual(['d1']);
  });

  it('runs the data source bridge queries on the page', async () => {
    const bridge: FrameQueryRunner = {
      run: (queries) =>
        Promise.resolve(
          Object.fromEntries(
            queries.map((q) => [
              q.refId,
              { tables: [{ columns: [{ name: 'n', type: 'number', values: [1] }], length: 1 }] },
            ])
          )
        ),
    };
    let workerBridge: FrameQueryRunner | undefined;
    const { port1, port2 } = new MessageChannel();
    ports = [port1, port2];
    serveRunner(
      {
        postMessage: (message: FromWorker) => port2.postMessage(message),
        addEventListener: (_type, listener) =>
          port2.on('message', (data: ToWorker) => listener({ data } as MessageEvent<ToWorker>)),
      },
      (init, deps) => {
        workerBridge = deps.bridgeRunner;
        return factory()(init, deps);
      }
    );
    const host = new WorkerHost(
      {
        post: (m) => port1.postMessage(m),
        listen: (onMessage) => port1.on('message', (d: FromWorker) => onMessage(d)),
        terminate: () => port1.close(),
      },
      { settings: plainSettings(settings), baseUri: 'http://localhost/' },
      { redact: (t) => t, bridge, fallback: () => Promise.reject(new Error('none')) }
    );
    await host.settingsProblems();
    const answer = await workerBridge!.run([{ refId: 'M', datasource: { uid: 'pg' } }], RANGE);
    expect(answer.M.tables[0].columns[0].values).toEqual([1]);
  });

  it('runs on the page, with a console note, when the worker cannot start', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: WorkerLike = {
      post: () => undefined,
      listen: (_onMessage, onFailure) => setTimeout(() => onFailure('404 for dora-query-worker.js'), 0),
      terminate: () => undefined,
    };
    const host = new WorkerHost(
      broken,
      { settings: plainSettings(settings), baseUri: 'http://localhost/' },
      { redact: (t) => t, fallback: () => Promise.resolve(pageHost()) }
    );
    const answer = await host.run(request(), signal());
    expect(answer).toEqual(await pageHost().run(request(), signal()));
    expect(host.where).toBe('page');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('404 for dora-query-worker.js'));
    warn.mockRestore();
  });
});

describe('sliceRows / RowsCollector', () => {
  const big = Array.from({ length: 1000 }, (_, i) => i);
  const frameOf = (fields: RunResult['frames'][number]['fields']): RunResult => ({
    errors: [],
    frames: [
      { refId: 'A', fields: [{ name: 'n', type: 'number', values: [1, 2] }] },
      { refId: 'B', fields },
    ],
  });
  const roundTrip = (result: RunResult, maxValues: number) => {
    const { result: head, slices } = sliceRows(result, maxValues);
    const collector = new RowsCollector();
    // Through a structured clone, as a worker message crosses.
    slices.forEach((s) => {
      const copy = deserialize(serialize(s)) as typeof s;
      collector.add(copy.frame, copy.columns);
    });
    return { head, slices, filled: collector.fill(head) };
  };

  it('round-trips frames of any size and leaves small ones whole', () => {
    const result = frameOf([
      { name: 'n', type: 'number', values: big },
      { name: 's', type: 'string', values: big.map(String) },
    ]);
    const { head, slices, filled } = roundTrip(result, 300);
    expect(head.frames[0]).toBe(result.frames[0]);
    expect(head.frames[1].fields[0].values).toEqual([]);
    expect(slices.length).toBe(7); // 150 rows of 2 fields per slice
    expect(filled).toEqual(result);
  });

  it('sends numbers as buffers and repeated texts once, as codes; unique texts, gaps and mixes as they are', () => {
    const teams = big.map((i) => `team-${i % 7}`);
    const withGaps = big.map((i) => (i % 10 === 0 ? null : i * 1.5));
    const lateGap = big.map((i) => (i === 900 ? null : Date.UTC(2025, 0, 1) + i * 1000));
    const result = frameOf([
      { name: 'time', type: 'time', values: big.map((i) => Date.UTC(2025, 0, 1) + i * 3600000.5) },
      { name: 'team', type: 'string', values: teams },
      { name: 'sha', type: 'string', values: big.map((i) => `sha${i}`) },
      { name: 'gaps', type: 'number', values: withGaps },
      { name: 'late gap', type: 'number', values: lateGap },
      { name: 'ok', type: 'boolean', values: big.map((i) => i % 2 === 0) },
    ]);
    const { slices, filled } = roundTrip(result, 600);
    expect(slices.length).toBe(10);
    const [time, team, sha, gaps, late, ok] = slices[0].columns;
    expect(time).toEqual({ numbers: expect.any(Float64Array) });
    expect(team).toEqual({ codes: expect.any(Uint32Array), added: teams.slice(0, 7) });
    expect(Array.isArray(sha) && Array.isArray(gaps) && Array.isArray(ok)).toBe(true);
    expect(late).toEqual({ numbers: expect.any(Float64Array) });
    // Each distinct text crosses once per frame: later slices add none.
    expect(slices.slice(1).map((s) => (s.columns[1] as { added: string[] }).added)).toEqual(Array(9).fill([]));
    // The slice with the gap falls back to its values; the buffers listed are the slices' own.
    expect(Array.isArray(slices[9].columns[4])).toBe(true);
    expect(slices[0].transfer).toEqual([
      (time as { numbers: Float64Array }).numbers.buffer,
      (team as { codes: Uint32Array }).codes.buffer,
      (late as { numbers: Float64Array }).numbers.buffer,
    ]);
    expect(filled).toEqual(result);
  });
});

describe('plainSettings', () => {
  it('keeps what the pipeline reads and nothing that cannot cross', () => {
    const withFunction = {
      ...settings,
      secureJsonFields: { githubToken: true },
      meta: { info: { logos: {} }, module: () => 'x' },
    } as unknown as DataSourceInstanceSettings<DoraJsonData>;
    const plain = plainSettings(withFunction);
    expect(plain).toEqual({
      id: 1,
      uid: 'dora-test',
      type: 'opendora-dora-datasource',
      name: 'DORA',
      url: '/api/datasources/proxy/uid/dora-test',
      jsonData: { demoEnabled: true, demoSeed: 7 },
      secureJsonFields: { githubToken: true },
    });
    expect(() => serialize(plain)).not.toThrow(); // the structured clone a worker message makes
    expect(() => serialize(withFunction)).toThrow();
  });
});

describe('intlTimeZone', () => {
  it('gives the offsets Grafana gives (summer and winter, UTC, the browser zone)', () => {
    for (const name of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'utc', 'browser', '', 'Not/AZone']) {
      const intl = intlTimeZone(name);
      const grafana = grafanaTimeZone(name);
      for (const t of [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12), Date.UTC(2026, 2, 29, 0, 59, 59, 999)]) {
        expect([name, intl.offsetMinutesAt(t)]).toEqual([name, grafana.offsetMinutesAt(t)]);
      }
    }
  });
});
