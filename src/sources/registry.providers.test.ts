/**
 * The registry serves Argo CD, Grafana annotations and the data source bridge when their switch is on, each through
 * the right seam: the argocd route below the data source's URL; in the browser the viewer's session and Grafana's
 * data source service (passed by the DataSource); on the server the grafana/api/... routes, which need the service
 * account token (without one the source says so instead of fetching). A source that fails never hides another.
 */
import { instanceSettings } from '../datasource/testing';
import { DAY_MS } from '../engine';
import { DoraJsonData } from '../settings/model';
import { enabledProviders } from '../settings/reader';
import { shopApps, T0 } from './argocd/testing/scenario';
import { startFakeArgoCd } from './argocd/testing/server';
import { MAPPINGS } from './datasource/testing/mappings';
import { BROWSER_GRAFANA_API } from './grafanaApi';
import { HttpClient, HttpRequest } from './http';
import { createSourceSetup } from './registry';
import { nodeHttpClient } from './testing/nodeHttp';

const noHttp: HttpClient = { request: () => Promise.reject(new Error('no HTTP in this test')) };
const ARGOCD: DoraJsonData['argocd'] = { enabled: true, url: 'https://argocd.acme.test' };
const ANNOTATIONS: DoraJsonData['annotations'] = { enabled: true, deploymentTags: 'deploy' };
const BRIDGE: DoraJsonData['datasourceBridge'] = {
  enabled: true,
  mappings: [MAPPINGS[0]],
};

describe('registry: Argo CD, Grafana annotations, data source bridge', () => {
  it('each switch enables its provider, and the demo data steps aside', () => {
    const jsonData: DoraJsonData = { argocd: ARGOCD, annotations: ANNOTATIONS, datasourceBridge: BRIDGE };
    expect(enabledProviders(jsonData)).toEqual(['argocd', 'annotations', 'datasourceBridge']);
    const setup = createSourceSetup(instanceSettings(jsonData), noHttp, { grafana: BROWSER_GRAFANA_API });
    expect(setup.sources.map((s) => s.name)).toEqual(['argocd', 'annotations', 'datasource']);
    expect(setup.demo).toBeNull();
    expect(setup.notices).toEqual([]);
    const off = createSourceSetup(instanceSettings({ argocd: { ...ARGOCD, enabled: false } }), noHttp);
    expect(off.sources.map((s) => s.name)).toEqual(['demo']);
  });

  it('on the server without a service account token, annotations and the bridge say what to set; Argo CD still serves', async () => {
    const fake = await startFakeArgoCd(shopApps());
    try {
      const settings = { ...instanceSettings({ argocd: ARGOCD, annotations: ANNOTATIONS, datasourceBridge: BRIDGE }) };
      settings.url = fake.url;
      const setup = createSourceSetup(settings, nodeHttpClient(), { now: () => T0 + 7 * DAY_MS });
      const range = { from: T0, to: T0 + 7 * DAY_MS };
      const results = await Promise.all(setup.sources.map((s) => s.fetchEvents(range)));
      expect(results[0].events.deployments.length).toBeGreaterThan(0);
      for (const result of results.slice(1)) {
        expect(result.events.deployments).toEqual([]);
        expect(result.notices[0].severity).toBe('error');
        expect(result.notices[0].text).toMatch(/needs a service account token with the Viewer role.*"Grafana API"/);
      }
    } finally {
      await fake.close();
    }
  });

  it('on the server with the token (saved under either key), they reach Grafana through the grafana/api/... routes', async () => {
    const seen: string[] = [];
    const recording: HttpClient = {
      request<T>(req: HttpRequest) {
        seen.push(`${req.method} ${req.url.split('?')[0]}`);
        const data = (req.method === 'GET' ? [] : { results: {} }) as T;
        return Promise.resolve({ status: 200, headers: {}, data });
      },
    };
    const settings = instanceSettings({ annotations: ANNOTATIONS, datasourceBridge: BRIDGE });
    const withKeys = { ...settings, url: '', secureJsonFields: { grafanaToken: true } };
    const setup = createSourceSetup(withKeys, recording, { now: () => T0 });
    await Promise.all(setup.sources.map((s) => s.fetchEvents({ from: T0 - DAY_MS, to: T0 })));
    expect(seen.sort()).toEqual(['GET /grafana/api/annotations', 'POST /grafana/api/ds/query']);
  });
});
