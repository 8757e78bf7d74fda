/** @jest-environment node */
/**
 * The backend's bundle, built as `npm run build:server` builds it, run in a fresh `vm` context that has only
 * what the Go host provides (host, timers, AbortController): no window, fetch, console, URL or Intl. It
 * answering queries and health checks there proves the entry pure; its answers equal the in-process
 * pipeline's (the browser's code path) number for number.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vm from 'vm';

const { buildServer } = require('../../scripts/build-server.js') as { buildServer: (out: string) => Promise<string> };

jest.setTimeout(240000);

const NOW = Date.UTC(2026, 5, 1);
const FROM = Date.UTC(2026, 2, 1);
const DAY = 24 * 3600 * 1000;

interface Dora {
  query(json: string): Promise<string>;
  checkHealth(json: string): Promise<string>;
}

interface HostCall {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A fresh context with the contract's host globals only; `serve` answers host.request. */
function loadBundle(
  code: string,
  serve: (req: HostCall) => { status: number; headers?: Record<string, string>; body?: string }
) {
  const logs: string[] = [];
  const sandbox: Record<string, unknown> = {
    host: {
      request: (json: string) => Promise.resolve(serve(JSON.parse(json) as HostCall)),
      now: () => NOW,
      zoneOffsetMinutes: (zone: string) => {
        if (zone !== 'Europe/Paris') {
          throw new Error(`unknown time zone ${zone}`);
        }
        return 60;
      },
      log: (level: string, message: string) => logs.push(`${level}: ${message}`),
    },
    setTimeout,
    clearTimeout,
    AbortController,
  };
  const context = vm.createContext(sandbox);
  // V8 gives every context these; goja has none of them.
  vm.runInContext('delete globalThis.Intl; delete globalThis.console; delete globalThis.WeakRef;', context);
  vm.runInContext(code, context, { filename: 'dora.js' });
  return { dora: (context as unknown as { dora: Dora }).dora, logs, context };
}

describe('the backend bundle in a bare JavaScript context', () => {
  let code = '';

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dora-bundle-')), 'dora.js');
    await buildServer(out);
    code = readFileSync(out, 'utf8');
  });

  it('has no global the host does not provide', () => {
    const { context } = loadBundle(code, () => ({ status: 404 }));
    for (const name of ['window', 'document', 'fetch', 'console', 'URL', 'Intl', 'TextEncoder', 'structuredClone']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
    expect(Object.keys((context as unknown as { dora: object }).dora).sort()).toEqual(['checkHealth', 'query']);
  });

  it('answers metric, scorecard and events queries on the demo data, one frame set per refId', async () => {
    const { dora } = loadBundle(code, () => ({ status: 404 }));
    const request = {
      settings: { jsonData: { demoSeed: 42 }, secureKeys: [] },
      queries: [
        {
          refId: 'A',
          query: { kind: 'metric', metric: 'changeFailRate', groupBy: 'service', interval: 'range' },
          from: FROM,
          to: NOW,
          intervalMs: DAY,
        },
        { refId: 'B', query: { kind: 'scorecard', groupBy: 'team' }, from: FROM, to: NOW },
        { refId: 'C', query: { kind: 'events', entity: 'deployments' }, from: FROM, to: NOW },
        { refId: 'D', query: { kind: 'metric', metric: 'noSuchMetric' }, from: FROM, to: NOW },
      ],
      fromAlert: false,
      now: NOW,
    };
    const response = JSON.parse(await dora.query(JSON.stringify(request)));
    const a = response.results.A;
    expect(a.error).toBeUndefined();
    expect(a.frames.length).toBeGreaterThan(3);
    const labels = a.frames.map(
      (f: { fields: Array<{ labels?: Record<string, string> }> }) => f.fields[1].labels?.service
    );
    expect(new Set(labels).size).toBe(labels.length);
    for (const frame of a.frames) {
      expect(frame.fields.map((f: { type: string }) => f.type)).toEqual(['time', 'number']);
      expect(frame.fields[1].values).toHaveLength(1);
    }
    expect(response.results.B.frames[0].name).toBe('Scorecard');
    expect(response.results.C.frames[0].fields[0].name).toBe('Finished');
    expect(response.results.D).toEqual({
      frames: [],
      error: expect.stringMatching(/^Query D: metric "noSuchMetric" is not known\. Use one of: /),
      status: 400,
    });
  });

  it('refuses dashboard variables in alert queries, naming the field', async () => {
    const { dora } = loadBundle(code, () => ({ status: 404 }));
    const request = {
      settings: { jsonData: {} },
      queries: [
        {
          refId: 'A',
          query: { kind: 'metric', metric: 'deploymentCount', filters: { services: ['$service'] } },
          from: FROM,
          to: NOW,
        },
      ],
      fromAlert: true,
      now: NOW,
    };
    const response = JSON.parse(await dora.query(JSON.stringify(request)));
    expect(response.results.A.error).toBe(
      'Query A: filters.services[0] "$service" is a dashboard variable, and alert rules run without dashboards; ' +
        'write the names themselves (e.g. "checkout"), or group by service instead.'
    );
  });

  it('refuses patterns the server reads differently, and reports them in the health check', async () => {
    const { dora } = loadBundle(code, () => ({ status: 404 }));
    const settings = { jsonData: { hotfixPattern: 'hot\u212Afix' } };
    const response = JSON.parse(
      await dora.query(
        JSON.stringify({ settings, queries: [{ refId: 'A', query: { kind: 'scorecard' }, from: FROM, to: NOW }] })
      )
    );
    expect(response.results.A.error).toMatch(
      /^Query A: Setting hotfixPattern "hot\u212Afix" contains "\u212A" \(U\+212A\)/
    );
    const health = JSON.parse(await dora.checkHealth(JSON.stringify(settings)));
    expect(health.status).toBe('ERROR');
  });

  it('answers a malformed request and a bad time zone with messages, not a crash', async () => {
    const { dora } = loadBundle(code, () => ({ status: 404 }));
    expect(JSON.parse(await dora.query('{not json'))).toEqual({
      results: {},
      error: expect.stringMatching(/^The request is not valid JSON/),
    });
    const response = JSON.parse(
      await dora.query(
        JSON.stringify({
          settings: {},
          queries: [{ refId: 'A', query: { kind: 'scorecard', timezone: 'Mars/Olympus' }, from: FROM, to: NOW }],
        })
      )
    );
    expect(response.results.A.error).toBe('Query A: unknown time zone Mars/Olympus');
  });

  it('checks health through the same sources', async () => {
    const { dora } = loadBundle(code, () => ({ status: 404 }));
    const health = JSON.parse(await dora.checkHealth(JSON.stringify({ jsonData: {} })));
    expect(health.status).toBe('OK');
    expect(health.message).toMatch(/^Data source is working: demo/);
  });
});
