/** The proxy route ArgoCdSource relies on (plugin.json): GET only, to the URL of jsonData.argocd, the token only from secureJsonData. */
import { PLUGIN_ROUTES, secureKeysOf } from '../testing/pluginRoutes';
import { ARGOCD_ROUTE } from './client';

describe('plugin.json Argo CD route', () => {
  it('is GET only (the source only reads), to the URL from jsonData.argocd, at the path the client uses', () => {
    expect(PLUGIN_ROUTES.filter((r) => r.path.indexOf('argocd') === 0).map((r) => [r.path, r.method, r.url])).toEqual([
      [ARGOCD_ROUTE, 'GET', '{{ .JsonData.argocd.url }}'],
    ]);
  });

  it('sends the token from secureJsonData as a bearer token, never a server-mode key', () => {
    const route = PLUGIN_ROUTES.find((r) => r.path === ARGOCD_ROUTE)!;
    expect(route.headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.argocdToken }}' }]);
    expect(secureKeysOf(route)).toEqual(['argocdToken']);
  });
});
