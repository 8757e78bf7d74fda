/**
 * The routes to Grafana's own API (plugin.json) that the annotations and data source bridge sources use on the
 * server: one per operation, each with its method only, to the Grafana URL of jsonData.grafanaApi, with the
 * service account token from secureJsonData; and how the server decides whether that token is there.
 */
import { DEFAULT_GRAFANA_URL, grafanaApiUrl, validateGrafanaApiSettings } from '../settings/grafanaApi';
import { BROWSER_GRAFANA_API, GRAFANA_ROUTE, missingTokenMessage, serverGrafanaApi } from './grafanaApi';
import { PLUGIN_ROUTES, secureKeysOf } from './testing/pluginRoutes';

describe('plugin.json routes to Grafana API', () => {
  const routes = PLUGIN_ROUTES.filter((r) => r.path.indexOf(`${GRAFANA_ROUTE}/`) === 0);

  it('are GET annotations and POST ds/query only, to the Grafana URL from jsonData', () => {
    expect(routes.map((r) => [r.path, r.method, r.url])).toEqual([
      ['grafana/api/annotations', 'GET', '{{ .JsonData.grafanaApi.url }}/api/annotations'],
      ['grafana/api/ds/query', 'POST', '{{ .JsonData.grafanaApi.url }}/api/ds/query'],
    ]);
  });

  it('send the service account token as a bearer token, from grafanaToken only', () => {
    for (const route of routes) {
      expect(route.headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.grafanaToken }}' }]);
      expect(secureKeysOf(route)).toEqual(['grafanaToken']);
    }
  });
});

describe('access to Grafana API', () => {
  it('the browser uses the viewer session (same origin, no token)', () => {
    expect(BROWSER_GRAFANA_API).toEqual({ base: '', auth: 'session' });
  });

  it('the server goes through the routes, and knows when no token is saved under either key', () => {
    expect(serverGrafanaApi(['grafanaTokenServer'])).toEqual({ base: '/grafana', auth: 'token' });
    expect(serverGrafanaApi(['grafanaToken'])).toEqual({ base: '/grafana', auth: 'token' });
    expect(serverGrafanaApi(['argocdTokenServer'])).toEqual({ base: '/grafana', auth: 'missing' });
    expect(missingTokenMessage('Grafana annotations')).toMatch(/service account token with the Viewer role/);
  });

  it('the Grafana URL defaults to the local server and is stored without a trailing slash', () => {
    expect(grafanaApiUrl(undefined)).toBe(DEFAULT_GRAFANA_URL);
    expect(grafanaApiUrl(' https://grafana.acme.test/sub/ ')).toBe('https://grafana.acme.test/sub');
    expect(validateGrafanaApiSettings({ url: 'grafana.acme.test' })[0].message).toBe(
      'url "grafana.acme.test" is not an http(s) URL without query; use e.g. http://localhost:3000.'
    );
  });
});
