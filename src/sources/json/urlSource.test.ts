/** @jest-environment node */
/** The events URL source at the HTTP seam: routes, conditional requests, validation notices, failures. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { HttpClient, HttpRequest, HttpResponse } from '../http';
import { BoundedMap } from '../boundedMap';
import { EventsUrlSource, FileCache } from './urlSource';
import { eventsUrlProblems, MAX_EVENTS_FILE_MB, urlProblem } from '../../settings/eventsUrl';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'events.sample.json'), 'utf8');
const RANGE = { from: 0, to: Date.UTC(2030, 0, 1) };
const deployment = {
  id: 'd1',
  service: 'checkout',
  environment: 'production',
  repo: 'acme/checkout',
  sha: 'abc1234',
  finishedAt: '2024-03-01T10:00:00Z',
  status: 'success',
};

type Reply = Partial<HttpResponse<unknown>> | ((req: HttpRequest) => Partial<HttpResponse<unknown>> | Promise<never>);

/** Answers per route path; records what was sent. */
function fakeHttp(replies: Record<string, Reply>): HttpClient & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      sent.push(req);
      const reply = replies[req.url];
      if (!reply) {
        return { status: 404, headers: {}, data: undefined as T };
      }
      const r = typeof reply === 'function' ? await reply(req) : reply;
      return { status: r.status ?? 200, headers: r.headers ?? {}, data: r.data as T };
    },
  };
}

function source(http: HttpClient, urls: string[], extra: { hasToken?: boolean; files?: FileCache } = {}) {
  return new EventsUrlSource({
    http,
    proxyUrl: '/api/datasources/proxy/uid/x',
    settings: { enabled: true, urls },
    hasToken: extra.hasToken ?? false,
    files: extra.files ?? new BoundedMap(20),
  });
}

const ROUTE0 = '/api/datasources/proxy/uid/x/events/0';
const ROUTE1 = '/api/datasources/proxy/uid/x/events/1';

describe('EventsUrlSource', () => {
  it('reads a valid file through its route, as text, and uses every event', async () => {
    const http = fakeHttp({ [ROUTE0]: { data: SAMPLE } });
    const result = await source(http, ['https://ci.example.com/events.json']).fetchEvents(RANGE);
    expect(result.notices).toEqual([]);
    expect(result.events.changes).toHaveLength(14);
    expect(result.events.catalog?.services.map((s) => s.name)).toEqual(['checkout', 'search', 'billing']);
    expect(http.sent[0]).toMatchObject({ method: 'GET', url: ROUTE0, responseType: 'text' });
  });

  it('goes through the events-auth route when a token is stored (the proxy adds it; the source never sees it)', async () => {
    const http = fakeHttp({ '/api/datasources/proxy/uid/x/events-auth/0': { data: '{}' } });
    await source(http, ['https://ci.example.com/events.json'], { hasToken: true }).fetchEvents(RANGE);
    expect(http.sent[0].url).toBe('/api/datasources/proxy/uid/x/events-auth/0');
    expect(JSON.stringify(http.sent[0].headers)).not.toMatch(/authorization/i);
  });

  it('revalidates with ETag and Last-Modified; a 304 hands back the very same events', async () => {
    let calls = 0;
    const http = fakeHttp({
      [ROUTE0]: (req) => {
        calls++;
        if (req.headers?.['If-None-Match'] === '"v1"') {
          expect(req.headers['If-Modified-Since']).toBe('Fri, 01 Mar 2024 10:00:00 GMT');
          return { status: 304 };
        }
        return { data: SAMPLE, headers: { etag: '"v1"', 'last-modified': 'Fri, 01 Mar 2024 10:00:00 GMT' } };
      },
    });
    const s = source(http, ['https://ci.example.com/events.json']);
    const first = await s.fetchEvents(RANGE);
    const second = await s.fetchEvents(RANGE);
    expect(calls).toBe(2);
    expect(second.events).toBe(first.events);
  });

  it('uses the valid events of a file with invalid ones, and names the file, the path and the fix', async () => {
    const file = JSON.stringify({
      deployments: [deployment, { ...deployment, id: 'd2', status: 'Success' }, { ...deployment, id: 'd3' }],
    });
    const http = fakeHttp({ [ROUTE0]: { data: file } });
    const result = await source(http, ['https://ci.example.com/events.json?sig=SECRET123']).fetchEvents(RANGE);
    expect(result.events.deployments.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect(result.notices).toEqual([
      {
        severity: 'warning',
        text:
          'Events file https://ci.example.com/events.json: 1 of 3 events are invalid and left out (the valid ones ' +
          'are used). deployments[1].status: "Success" is not one of success, failure, cancelled, in_progress; ' +
          'write "success". Fix the file (docs/events-format.md); `npm run dora -- --events FILE` lists every problem.',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('SECRET123');
  });

  it('lists five problems and counts the rest', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...deployment, id: `d${i}`, status: 'bad' }));
    const http = fakeHttp({ [ROUTE0]: { data: JSON.stringify({ deployments: many }) } });
    const [notice] = (await source(http, ['https://x.test/e.json']).fetchEvents(RANGE)).notices;
    expect(notice.text).toMatch(/^Events file https:\/\/x\.test\/e\.json: 8 of 8 events are invalid and left out/);
    expect(notice.text.match(/is not one of/g)).toHaveLength(5);
    expect(notice.text).toContain('; and 3 more lines of problems.');
  });

  it('reports a file that is not JSON, with the fix, and keeps the other files', async () => {
    const http = fakeHttp({
      [ROUTE0]: { data: '{\n  "deployments": [,]\n}' },
      [ROUTE1]: { data: JSON.stringify({ deployments: [deployment] }) },
    });
    const result = await source(http, ['https://a.test/bad.json', 'https://b.test/good.json']).fetchEvents(RANGE);
    expect(result.events.deployments).toHaveLength(1);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].severity).toBe('error');
    expect(result.notices[0].text).toMatch(
      /^Events file https:\/\/a\.test\/bad\.json: The events file is not valid JSON[\s\S]*Fix the syntax \(a trailing comma\? a missing quote\?\)/
    );
  });

  it.each([
    [401, false, 'the server asks for credentials (HTTP 401); enter a bearer token in the data source settings.'],
    [403, true, 'the server refused the bearer token (HTTP 403); check the token in the data source settings.'],
    [404, false, 'not found (HTTP 404); check the URL in the data source settings.'],
    [429, false, 'the server asks to slow down (HTTP 429); try again later or refresh less often.'],
    [503, false, 'the server failed (HTTP 503); try again later.'],
  ])('says what HTTP %i means and how to fix it', async (status, hasToken, why) => {
    const route = `/api/datasources/proxy/uid/x/${hasToken ? 'events-auth' : 'events'}/0`;
    const http = fakeHttp({ [route]: { status, data: 'nope' } });
    await expect(source(http, ['https://a.test/e.json'], { hasToken }).fetchEvents(RANGE)).rejects.toThrow(
      `Events file https://a.test/e.json: ${why}`
    );
  });

  it('refuses a file larger than the limit, naming the limit', async () => {
    const http = fakeHttp({
      [ROUTE0]: { data: '{}', headers: { 'content-length': String(200 * 1024 * 1024) } },
    });
    const big = fakeHttp({ [ROUTE0]: { data: ' '.repeat(MAX_EVENTS_FILE_MB * 1024 * 1024 + 1) } });
    await expect(source(big, ['https://a.test/e.json']).fetchEvents(RANGE)).rejects.toThrow(
      /^Events file https:\/\/a\.test\/e\.json is 64\.0 MB, more than the 64 MB this data source reads; split it/
    );
    // A declared length only counts when the body did not arrive as text.
    await expect(source(http, ['https://a.test/e.json']).fetchEvents(RANGE)).resolves.toBeDefined();
  });

  it('gives up on a file that does not arrive in time', async () => {
    const http = fakeHttp({
      '/events/0': (req) =>
        new Promise<never>((_, reject) => req.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    const s = new EventsUrlSource({
      http,
      proxyUrl: '',
      settings: { urls: ['https://slow.test/e.json'], timeoutSeconds: 0.05 },
      hasToken: false,
      files: new BoundedMap(2),
    });
    await expect(s.fetchEvents(RANGE)).rejects.toThrow(
      'Events file https://slow.test/e.json did not arrive within 0.05 s; check that Grafana can reach it'
    );
  });

  it('refuses a JSON document that is not an events file', async () => {
    const http = fakeHttp({ [ROUTE0]: { data: '[1, 2]' } });
    await expect(source(http, ['https://a.test/e.json']).fetchEvents(RANGE)).rejects.toThrow(
      'Events file https://a.test/e.json is not an events file: The events file must be a JSON object'
    );
  });

  it('checks health per file: counts, problems, failures', async () => {
    const http = fakeHttp({
      [ROUTE0]: { data: SAMPLE },
      [ROUTE1]: { status: 404 },
    });
    const items = await source(http, ['https://a.test/e.json', 'https://b.test/e.json']).healthCheck();
    expect(items).toEqual([
      {
        source: 'events URL',
        status: 'ok',
        message: expect.stringMatching(/^https:\/\/a\.test\/e\.json: a valid events file, \d+ deployments, 14 changes/),
      },
      {
        source: 'events URL',
        status: 'error',
        message: 'Events file https://b.test/e.json: not found (HTTP 404); check the URL in the data source settings.',
      },
    ]);
  });

  it('reports bad settings in the health check', async () => {
    const items = await source(fakeHttp({}), ['ftp://x']).healthCheck();
    expect(items[0].status).toBe('error');
    expect(items[0].message).toBe(
      'Events URL 1 "ftp://x" is not an http(s) URL; write it in full, e.g. https://ci.example.com/artifacts/events.json.'
    );
  });
});

describe('events URL settings', () => {
  it('names each bad URL and the fix', () => {
    expect(urlProblem('https://ci.example.com/e.json')).toBeUndefined();
    expect(urlProblem('')).toMatch(/^is empty/);
    expect(urlProblem('ci.example.com/e.json')).toMatch(/^is not an http\(s\) URL/);
    expect(urlProblem('https://u:p@ci.example.com/e.json')).toMatch(/user name or password/);
    expect(eventsUrlProblems({ urls: [] })).toEqual([
      'Events URL: no URL is set; enter the URL of an events file (docs/events-format.md).',
    ]);
    expect(eventsUrlProblems({ urls: Array(6).fill('https://a.test/e.json') })[0]).toMatch(/6 URLs are set, at most 5/);
    expect(eventsUrlProblems({ urls: ['https://a.test/e.json'], timeoutSeconds: -1 })).toEqual([
      'Events URL: timeout -1 must be a number of seconds from 1 to 600.',
    ]);
  });
});
