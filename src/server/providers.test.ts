/**
 * Argo CD, Grafana annotations and the data source bridge in server mode, through the backend's entry as the Go
 * backend calls it. The host stands in for the Go HTTP bridge (pkg/plugin/bridge): it resolves plugin.json's routes
 * (longest path first, the route's method only), renders their url and header templates with the instance's
 * jsonData and secure data (the server-mode key K+"Server" first), and sends the request to fakes on loopback. So
 * the routes, the server-mode keys and the sources meet as they do in Grafana; no token reaches a frame or notice.
 */
import { request as httpRequest } from 'http';
import { Loopback } from '../sources/testing/loopback';
import { PLUGIN_ROUTES, PluginRoute } from '../sources/testing/pluginRoutes';
import { shopApps, T0 } from '../sources/argocd/testing/scenario';
import { FakeArgoCd, startFakeArgoCd } from '../sources/argocd/testing/server';
import { shopAnnotations } from '../sources/annotations/testing/annotations';
import { FakeGrafanaAnnotations, startFakeGrafanaAnnotations } from '../sources/annotations/testing/server';
import { deploymentsFrame } from '../sources/datasource/testing/frames';
import { MAPPINGS } from '../sources/datasource/testing/mappings';
import { startFakeQueryApi } from '../sources/datasource/testing/services';
import { DoraJsonData } from '../settings/model';
import { query } from './entry';
import { HostResponse } from './host';

const DAY = 24 * 3600 * 1000;
const NOW = T0 + 7 * DAY;
const ARGO_TOKEN = 'argo-server-token-0123456789';
const GRAFANA_TOKEN = 'glsa_server0123456789abcdef0123456789_ab';

function render(template: string, jsonData: DoraJsonData, secure: Record<string, string>): string {
  return template.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.([\w.]+)\s*\}\}/g, (_m, scope: string, path: string) => {
    if (scope === 'SecureJsonData') {
      // As the Go bridge: the server-mode key wins when it has a value.
      return secure[`${path}Server`] || secure[path] || '';
    }
    const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], jsonData);
    if (value === undefined) {
      throw new Error(`the route needs jsonData.${path}`);
    }
    return String(value);
  });
}

/** The Go bridge's route resolution, for one instance's settings. */
function bridgeHost(jsonData: DoraJsonData, secure: Record<string, string>, sent: string[]) {
  const routes = PLUGIN_ROUTES.slice().sort((a, b) => b.path.length - a.path.length);
  return {
    now: () => NOW,
    zoneOffsetMinutes: () => 0,
    log: () => undefined,
    request(json: string): Promise<HostResponse> {
      const req = JSON.parse(json) as { method: string; url: string; body?: string };
      const [path, search] = req.url.replace(/^\//, '').split('?');
      const route: PluginRoute | undefined = routes.find((r) => path === r.path || path.startsWith(`${r.path}/`));
      if (!route) {
        return Promise.reject(new Error(`no route serves /${path}`));
      }
      if (route.method && route.method !== req.method) {
        return Promise.reject(new Error(`the route ${route.path} allows ${route.method} only`));
      }
      const target = render(route.url, jsonData, secure) + path.slice(route.path.length) + (search ? `?${search}` : '');
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      for (const h of route.headers ?? []) {
        headers[h.name] = render(h.content, jsonData, secure);
      }
      sent.push(`${req.method} ${route.path}`);
      return new Promise((resolve, reject) => {
        const out = httpRequest(target, { method: req.method, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: {}, body }));
        });
        out.on('error', reject);
        out.end(req.body);
      });
    },
  };
}

async function run(jsonData: DoraJsonData, secure: Record<string, string>) {
  const sent: string[] = [];
  (globalThis as { host?: unknown }).host = bridgeHost(jsonData, secure, sent);
  const text = await query(
    JSON.stringify({
      settings: { jsonData: { runQueriesIn: 'server', ...jsonData }, secureKeys: Object.keys(secure) },
      queries: [{ refId: 'A', query: { kind: 'events', entity: 'deployments' }, from: T0, to: NOW }],
      now: NOW,
    })
  );
  const result = (JSON.parse(text) as { results: Record<string, { frames: FrameJson[]; error?: string }> }).results.A;
  const frame = result.frames[0];
  const column = (name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];
  const notices = result.frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
  return { text, result, sent, column, notices };
}

interface FrameJson {
  fields: Array<{ name: string; values: unknown[] }>;
  meta?: { notices?: Array<{ severity: string; text: string }> };
}

describe('server mode through the entry and plugin.json routes', () => {
  let argo: FakeArgoCd;
  let annotations: FakeGrafanaAnnotations;
  let queryApi: Loopback;
  beforeAll(async () => {
    argo = await startFakeArgoCd(shopApps());
    annotations = await startFakeGrafanaAnnotations(shopAnnotations());
    queryApi = await startFakeQueryApi([{ contains: 'FROM deployments', frames: [deploymentsFrame('M0')] }]);
  });
  afterAll(async () => {
    await Promise.all([argo.close(), annotations.close(), queryApi.close()]);
  });

  it('Argo CD: the route argocd sends the server-mode token; deployments arrive, the token does not', async () => {
    const out = await run(
      { argocd: { enabled: true, url: `${argo.url}/argocd`, applications: 'projects', projects: 'payments' } },
      { argocdTokenServer: ARGO_TOKEN }
    );
    expect(out.result.error).toBeUndefined();
    expect(out.sent).toContain('GET argocd');
    expect(argo.requests.every((r) => r.headers.authorization === `Bearer ${ARGO_TOKEN}`)).toBe(true);
    expect(out.column('Service').length).toBeGreaterThan(0);
    expect(out.text).not.toContain(ARGO_TOKEN);
  });

  it('Grafana annotations: GET grafana/api/annotations with the service account token', async () => {
    const out = await run(
      {
        annotations: { enabled: true, deploymentTags: 'deploy', defaultRepo: 'acme/checkout' },
        grafanaApi: { url: annotations.url },
      },
      { grafanaTokenServer: GRAFANA_TOKEN }
    );
    expect(out.result.error).toBeUndefined();
    expect(out.sent[0]).toBe('GET grafana/api/annotations');
    expect(annotations.requests[0].headers.authorization).toBe(`Bearer ${GRAFANA_TOKEN}`);
    expect(out.column('Service')).toContain('checkout');
    expect(out.text).not.toContain(GRAFANA_TOKEN);
  });

  it('the data source bridge: POST grafana/api/ds/query with the service account token', async () => {
    const out = await run(
      {
        datasourceBridge: {
          enabled: true,
          mappings: [MAPPINGS[0]],
        },
        grafanaApi: { url: queryApi.url },
      },
      { grafanaTokenServer: GRAFANA_TOKEN }
    );
    expect(out.result.error).toBeUndefined();
    expect(out.sent).toEqual(['POST grafana/api/ds/query']);
    expect(queryApi.requests[0].headers.authorization).toBe(`Bearer ${GRAFANA_TOKEN}`);
    expect(out.column('Service').length).toBeGreaterThan(0);
    expect(out.text).not.toContain(GRAFANA_TOKEN);
  });

  it('without the service account token, annotations say what to set and Argo CD still serves', async () => {
    const before = annotations.requests.length;
    const out = await run(
      {
        argocd: { enabled: true, url: `${argo.url}/argocd` },
        annotations: { enabled: true },
        grafanaApi: { url: annotations.url },
      },
      { argocdTokenServer: ARGO_TOKEN }
    );
    expect(annotations.requests.length).toBe(before);
    expect(out.column('Service').length).toBeGreaterThan(0);
    expect(out.notices.join(' ')).toMatch(
      /Grafana annotations: on the server \(alerting, server mode\) Grafana's API needs a service account token/
    );
  });
});
