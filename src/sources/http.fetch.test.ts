import { FetchHttpClient } from './http.fetch';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked and answers with `body` and `status`. */
function fakeFetch(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  seen: Seen[] = []
): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init: init ?? {} });
    return Promise.resolve({
      status,
      headers: new Map(Object.entries(headers)),
      text: () => Promise.resolve(body),
    } as unknown as Response);
  }) as typeof fetch;
}

const BASE = 'https://grafana.example.com/grafana/';

describe('FetchHttpClient', () => {
  it('resolves local paths below Grafana sub path, sends the session and the organisation', async () => {
    const seen: Seen[] = [];
    const http = new FetchHttpClient({ baseUri: BASE, orgId: 3, fetch: fakeFetch(200, '{"ok":true}', {}, seen) });
    const response = await http.request({ method: 'GET', url: '/api/datasources/proxy/uid/abc/github/repos?page=2' });
    expect(response).toEqual({ status: 200, headers: {}, data: { ok: true } });
    expect(seen[0].url).toBe('https://grafana.example.com/grafana/api/datasources/proxy/uid/abc/github/repos?page=2');
    expect(seen[0].init.credentials).toBe('same-origin');
    expect(seen[0].init.headers).toMatchObject({ 'X-Grafana-Org-Id': '3' });
  });

  it('leaves absolute URLs alone and sends no organisation header there', async () => {
    const seen: Seen[] = [];
    const http = new FetchHttpClient({ baseUri: BASE, orgId: 3, fetch: fakeFetch(200, 'plain', {}, seen) });
    const response = await http.request({ method: 'GET', url: 'https://files.example.com/events.json' });
    expect(seen[0].url).toBe('https://files.example.com/events.json');
    expect(seen[0].init.headers).not.toHaveProperty('X-Grafana-Org-Id');
    expect(response.data).toBe('plain'); // not JSON: the text, as backendSrv reads it
  });

  it('sends JSON bodies with their content type and lower-cases response headers', async () => {
    const seen: Seen[] = [];
    const http = new FetchHttpClient({ baseUri: BASE, fetch: fakeFetch(201, '', { ETag: '"v1"' }, seen) });
    const response = await http.request({ method: 'POST', url: 'api/ds/query', body: { queries: [] } });
    expect(seen[0].init.body).toBe('{"queries":[]}');
    expect(seen[0].init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(response).toEqual({ status: 201, headers: { etag: '"v1"' }, data: '' });
  });

  it("keeps 'text' bodies as text and resolves error statuses as responses", async () => {
    const http = new FetchHttpClient({ baseUri: BASE, fetch: fakeFetch(404, '{"message":"not found"}') });
    const text = await http.request({ method: 'GET', url: '/x', responseType: 'text' });
    expect(text).toEqual({ status: 404, headers: {}, data: '{"message":"not found"}' });
    const json = await http.request({ method: 'GET', url: '/x' });
    expect(json.data).toEqual({ message: 'not found' });
  });

  it('rejects network failures with the path (not the query) and the fix', async () => {
    const http = new FetchHttpClient({
      baseUri: BASE,
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    await expect(http.request({ method: 'GET', url: '/api/x?token=abc' })).rejects.toThrow(
      'Request to /api/x failed before a response arrived (Failed to fetch).'
    );
  });

  it('rejects an aborted request with an AbortError, before or during the fetch', async () => {
    const controller = new AbortController();
    const http = new FetchHttpClient({
      baseUri: BASE,
      fetch: (() => {
        controller.abort();
        const e = new Error('The user aborted a request.');
        e.name = 'AbortError';
        return Promise.reject(e);
      }) as typeof fetch,
    });
    await expect(http.request({ method: 'GET', url: '/api/x', signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(http.request({ method: 'GET', url: '/api/x', signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it("sends Grafana's 401 to the page's client, and keeps a provider's 401 (through an absolute URL) as it is", async () => {
    const seen: string[] = [];
    const http = new FetchHttpClient({
      baseUri: BASE,
      fetch: fakeFetch(401, '{"messageId":"session.token.rotate"}'),
      unauthorized: {
        request: <T>(req: { url: string }) => {
          seen.push(req.url);
          return Promise.resolve({ status: 200, headers: {}, data: { renewed: true } as T });
        },
      },
    });
    expect(await http.request({ method: 'GET', url: '/api/annotations' })).toEqual({
      status: 200,
      headers: {},
      data: { renewed: true },
    });
    expect(seen).toEqual(['/api/annotations']);
    const outside = await http.request({ method: 'GET', url: 'https://files.example.com/e.json' });
    expect(outside.status).toBe(401);
  });
});
