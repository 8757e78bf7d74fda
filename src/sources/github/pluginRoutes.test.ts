/** The proxy routes GitHubSource relies on (plugin.json): narrow, token only from secureJsonData. */
import plugin from '../../plugin.json';

interface Route {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const routes = ((plugin as { routes?: Route[] }).routes ?? []).filter((r) => r.path.indexOf('github/') === 0);

describe('plugin.json GitHub routes', () => {
  it('REST is GET only and GraphQL POST only, each to its URL from jsonData.github', () => {
    expect(routes.map((r) => [r.path, r.method, r.url])).toEqual([
      ['github/rest', 'GET', '{{ .JsonData.github.apiUrl }}'],
      ['github/graphql', 'POST', '{{ .JsonData.github.graphqlUrl }}'],
    ]);
  });

  it('carry the token from secureJsonData as a Bearer header, and nothing secret elsewhere', () => {
    for (const route of routes) {
      const auth = route.headers?.find((h) => h.name === 'Authorization');
      expect(auth?.content).toBe('Bearer {{ .SecureJsonData.githubToken }}');
      expect(route.url).not.toMatch(/SecureJsonData/);
    }
  });

  it('no route path is a prefix of another (Grafana would match the wrong one)', () => {
    const all = ((plugin as { routes?: Route[] }).routes ?? []).map((r) => r.path);
    for (const a of all) {
      for (const b of all) {
        if (a !== b) {
          expect([a, b, b.indexOf(a) === 0]).toEqual([a, b, false]);
        }
      }
    }
  });
});
