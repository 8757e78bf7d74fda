/**
 * The proxy route IncidentIoSource relies on (plugin.json): GET only, to incident.io's one API host, the API key
 * only from secureJsonData as a bearer token (under its browser-mode name: the backend substitutes the server
 * twin itself), and the registry starts the source from its switch.
 */
import { instanceSettings } from '../../datasource/testing';
import { TOKEN_KEYS } from '../../settings/serverMode';
import { HttpClient } from '../http';
import { createSourceSetup } from '../registry';
import { PLUGIN_ROUTES, secureKeysOf } from '../testing/pluginRoutes';
import { INCIDENTIO_ROUTE } from './client';

describe('plugin.json incident.io route', () => {
  it('is GET only, to https://api.incident.io, at the path the client uses', () => {
    expect(
      PLUGIN_ROUTES.filter((r) => r.path.indexOf('incidentio') === 0).map((r) => [r.path, r.method, r.url])
    ).toEqual([[INCIDENTIO_ROUTE, 'GET', 'https://api.incident.io']]);
  });

  it('sends the API key from secureJsonData as a bearer token, a key the server mode knows', () => {
    const route = PLUGIN_ROUTES.find((r) => r.path === INCIDENTIO_ROUTE)!;
    expect(route.headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.incidentioToken }}' }]);
    expect(secureKeysOf(route)).toEqual(['incidentioToken']);
    expect(TOKEN_KEYS).toContain('incidentioToken');
  });

  it('the registry starts incident.io when its switch is on (and no demo then)', () => {
    const http: HttpClient = { request: () => Promise.reject(new Error('not used')) };
    const setup = createSourceSetup(instanceSettings({ incidentio: { enabled: true } }), http);
    expect(setup.sources.map((s) => s.name)).toEqual(['incidentio']);
    expect(setup.demo).toBeNull();
    expect(createSourceSetup(instanceSettings({ incidentio: { enabled: false } }), http).demo).toBe('unconfigured');
  });
});
