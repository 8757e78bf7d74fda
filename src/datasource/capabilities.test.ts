/**
 * plugin.json says what the plugin does, and Grafana believes it: pickers list a data source only for the
 * capabilities it declares (annotations, alerting), and alerting needs the backend. This test reads plugin.json
 * and the DataSource and fails when a capability is implemented but not declared, or declared but not there.
 * It also holds the security rule of server mode: no route names a server-mode key.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { DataSourceWithBackend } from '@grafana/runtime';
import { DataSource } from './DataSource';
import { instanceSettings } from './testing';
import { SERVER_KEY_SUFFIX, TOKEN_KEYS } from '../settings/serverMode';
import * as entry from '../server/entry';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => jest.requireActual('./testing').fakeTemplateSrv(),
}));

interface Route {
  path: string;
  method: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const ROOT = join(__dirname, '..', '..');
const plugin = JSON.parse(readFileSync(join(ROOT, 'src', 'plugin.json'), 'utf8')) as Record<string, unknown> & {
  routes: Route[];
};
const ds = new DataSource(instanceSettings({}));

describe('plugin.json capabilities match the code', () => {
  it('declares metrics: the DataSource answers queries', () => {
    expect(plugin.metrics).toBe(true);
    expect(typeof ds.query).toBe('function');
  });

  it('declares annotations exactly when the DataSource supports them', () => {
    expect(plugin.annotations === true).toBe(ds.annotations !== undefined);
    expect(plugin.annotations).toBe(true);
  });

  it('declares a backend exactly when the DataSource talks to one, with a gpx_ executable', () => {
    expect(plugin.backend === true).toBe(ds instanceof DataSourceWithBackend);
    expect(plugin.backend).toBe(true);
    expect(plugin.executable).toMatch(/^gpx_[a-z0-9_]+$/);
  });

  it('declares alerting only with a backend whose entry answers queries and health checks', () => {
    expect(plugin.alerting).toBe(true);
    expect(plugin.backend).toBe(true);
    expect(typeof entry.query).toBe('function');
    expect(typeof entry.checkHealth).toBe('function');
  });

  it('declares no capability it does not implement', () => {
    for (const capability of ['logs', 'tracing', 'streaming', 'mixed']) {
      expect(plugin[capability]).not.toBe(true);
    }
  });
});

describe('routes and secrets', () => {
  const secureKeysNamed = (route: Route) =>
    [route.url, ...(route.headers ?? []).map((h) => h.content)]
      .join(' ')
      .match(/\.SecureJsonData\.(\w+)/g)
      ?.map((m) => m.replace('.SecureJsonData.', '')) ?? [];

  it('names no server-mode key in any route, so server-mode tokens cannot be used through the proxy', () => {
    for (const route of plugin.routes) {
      for (const key of secureKeysNamed(route)) {
        expect(key.endsWith(SERVER_KEY_SUFFIX)).toBe(false);
      }
    }
  });

  it('names only the known token keys (which the settings move to their server twins in server mode)', () => {
    const named = new Set(plugin.routes.flatMap(secureKeysNamed));
    for (const key of Array.from(named)) {
      expect(TOKEN_KEYS).toContain(key);
    }
  });

  it('has an events route with and without the token for each of the events URLs', () => {
    const paths = plugin.routes.map((r) => r.path);
    for (let i = 0; i < 5; i++) {
      expect(paths).toContain(`events/${i}`);
      expect(paths).toContain(`events-auth/${i}`);
    }
    for (const route of plugin.routes.filter((r) => r.path.startsWith('events'))) {
      expect(route.method).toBe('GET');
    }
  });

  it('keeps tokens out of jsonData in the provisioned data sources', () => {
    const provisioned = readFileSync(join(ROOT, 'provisioning', 'datasources', 'datasources.yml'), 'utf8');
    for (const key of TOKEN_KEYS) {
      expect(provisioned).not.toContain(key);
    }
  });
});
