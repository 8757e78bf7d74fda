/** The proxy route GitLabSource relies on (plugin.json): GET only, the token only from secureJsonData. */
import plugin from '../../plugin.json';
import { ROUTE } from './client';

interface Route {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const routes = (plugin as { routes?: Route[] }).routes ?? [];

describe('plugin.json GitLab route', () => {
  it('is GET only, to the API URL from jsonData.gitlab, at the path the client uses', () => {
    expect(routes.filter((r) => r.path.indexOf('gitlab/') === 0).map((r) => [r.path, r.method, r.url])).toEqual([
      [ROUTE, 'GET', '{{ .JsonData.gitlab.apiUrl }}'],
    ]);
  });

  it('carries the token from secureJsonData in PRIVATE-TOKEN, and no server-mode key is named by any route', () => {
    const route = routes.find((r) => r.path === ROUTE)!;
    expect(route.headers).toEqual([{ name: 'PRIVATE-TOKEN', content: '{{ .SecureJsonData.gitlabToken }}' }]);
    expect(route.url).not.toMatch(/SecureJsonData/);
    // Server mode stores tokens under K + "Server", which only the backend reads: no route may name one.
    expect(JSON.stringify(routes)).not.toMatch(/Server\s*}}/);
  });
});
