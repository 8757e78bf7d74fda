/**
 * A fake GitHub on loopback (127.0.0.1, a free port), standing where Grafana's data source proxy would be:
 * `${url}/github/rest/...` serves the REST endpoints the source uses and `${url}/github/graphql` GraphQL.
 * Knobs: primary rate limit (403, x-ratelimit-remaining 0, reset), scripted answers (secondary limits with
 * Retry-After, 5xx, 401/404 mid-way), held answers (for cancellation). Every request is logged.
 */
import { createHash } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { readBody } from '../../testing/loopback';
import { executeGraphQL } from './graphql';
import { fullRepositoryJson, minimalRepositoryJson, rateLimitJson, userJson, workflowRunJson } from './restShapes';
import { FakeWorld } from './world';

export interface LoggedRequest {
  method: string;
  /** Path below the route, e.g. /repos/o/r/actions/runs?per_page=100, or "graphql". */
  path: string;
  /** GraphQL operation name, if any. */
  operation?: string;
  variables?: Record<string, unknown>;
  status: number;
}

export interface ScriptedAnswer {
  /** Send no rate-limit headers (as Grafana's proxy errors arrive in the browser). */
  bare?: boolean;
  /** Which request this answers (default: any). */
  match?: (r: { method: string; path: string; operation?: string }) => boolean;
  /** How many matching requests it answers (default 1). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Knobs {
  /** Requests left in the primary rate limit; when 0, answers 403 with x-ratelimit-remaining 0. */
  rateLimitRemaining?: number;
  /** Epoch seconds the primary limit resets at. */
  rateLimitReset: number;
  scripted: ScriptedAnswer[];
  /** Requests matching this are held until the client gives up (aborts). */
  hold?: (r: { method: string; path: string; operation?: string }) => boolean;
  /** Send ETags and answer If-None-Match with 304 (default true). */
  etags: boolean;
}

export interface FakeGitHub {
  url: string;
  world: FakeWorld;
  knobs: Knobs;
  requests: LoggedRequest[];
  /** Number of requests held open right now. */
  held(): number;
  close(): Promise<void>;
}

const PAGE_MAX = 100;

function operationName(query: string): string | undefined {
  const m = /^\s*(?:query|mutation)\s+(\w+)/.exec(query);
  return m ? m[1] : undefined;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function notFound(): Answer {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

/** REST: the endpoints GitHubSource uses. */
function rest(world: FakeWorld, method: string, url: URL): Answer {
  if (method !== 'GET') {
    return { status: 404, body: { message: 'Not Found' } };
  }
  const path = url.pathname;
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), PAGE_MAX);
  const page = Number(url.searchParams.get('page') ?? 1);
  const paged = <T>(items: T[], route: string): { items: T[]; link?: string } => {
    const start = (page - 1) * perPage;
    const slice = items.slice(start, start + perPage);
    const links: string[] = [];
    const last = Math.max(1, Math.ceil(items.length / perPage));
    // Like GitHub: absolute upstream URLs, which the client must send through the proxy again.
    const at = (p: number) => {
      const u = new URL(`https://api.github.com${route}`);
      url.searchParams.forEach((v, k) => u.searchParams.set(k, v));
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    if (page < last) {
      links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    }
    if (page > 1) {
      links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`);
    }
    return { items: slice, link: links.length ? links.join(', ') : undefined };
  };
  let m: RegExpExecArray | null;
  if (path === '/user') {
    const headers: Record<string, string> = {};
    if (world.scopes !== undefined) {
      headers['x-oauth-scopes'] = world.scopes;
    }
    return { status: 200, headers, body: userJson(world.login) };
  }
  if ((m = /^\/orgs\/([^/]+)\/repos$/.exec(path))) {
    const names = world.orgs[decodeURIComponent(m[1])];
    if (!names) {
      return notFound();
    }
    const { items, link } = paged(names.slice().sort(), path);
    return {
      status: 200,
      headers: link ? { link } : {},
      body: items.map((n) => minimalRepositoryJson(n, world.repos[n]?.archived ?? false)),
    };
  }
  if ((m = /^\/repos\/([^/]+\/[^/]+?)(\/.*)?$/.exec(path))) {
    const repo = world.repos[m[1]];
    if (!repo) {
      return notFound();
    }
    const rest = m[2] ?? '';
    if (rest === '') {
      return { status: 200, body: fullRepositoryJson(repo) };
    }
    if (rest === '/actions/runs') {
      const runs = repo.runs.slice().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
      const { items, link } = paged(runs, path);
      return {
        status: 200,
        headers: link ? { link } : {},
        body: { total_count: runs.length, workflow_runs: items.map((r) => workflowRunJson(repo, r)) },
      };
    }
    let r: RegExpExecArray | null;
    if ((r = /^\/actions\/runs\/(\d+)$/.exec(rest))) {
      const run = repo.runs.find((x) => x.id === Number(r![1]));
      return run ? { status: 200, body: workflowRunJson(repo, run) } : notFound();
    }
    if ((r = /^\/actions\/runs\/(\d+)\/attempts\/(\d+)$/.exec(rest))) {
      const run = repo.runs.find((x) => x.id === Number(r![1]));
      const n = Number(r[2]);
      const attempt = run?.attempts[n - 1];
      return run && attempt ? { status: 200, body: workflowRunJson(repo, run, attempt, n) } : notFound();
    }
  }
  return notFound();
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

export async function startFakeGitHub(world: FakeWorld): Promise<FakeGitHub> {
  const knobs: Knobs = { rateLimitReset: Math.floor(Date.now() / 1000) + 3600, scripted: [], etags: true };
  const requests: LoggedRequest[] = [];
  const heldResponses = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const isGraphQL = url.pathname === '/github/graphql';
    const restPath = url.pathname.replace(/^\/github\/rest/, '');
    let operation: string | undefined;
    let variables: Record<string, unknown> | undefined;
    let query = '';
    if (isGraphQL) {
      try {
        const parsed = JSON.parse(raw || '{}');
        query = parsed.query ?? '';
        variables = parsed.variables ?? {};
        operation = operationName(query);
      } catch {
        query = '';
      }
    }
    const info = { method, path: isGraphQL ? 'graphql' : `${restPath}${url.search}`, operation };
    const log: LoggedRequest = { ...info, variables, status: 0 };
    requests.push(log);

    const send = (answer: Answer) => {
      const limitHeaders: Record<string, string> = (answer as ScriptedAnswer).bare
        ? {}
        : {
            'x-ratelimit-limit': '5000',
            'x-ratelimit-remaining': String(knobs.rateLimitRemaining ?? 4999),
            'x-ratelimit-reset': String(knobs.rateLimitReset),
          };
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        ...limitHeaders,
        ...(answer.headers ?? {}),
      };
      let body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      let status = answer.status;
      if (knobs.etags && !isGraphQL && method === 'GET' && status === 200) {
        const etag = etagOf(body);
        headers.etag = etag;
        if (req.headers['if-none-match'] === etag) {
          status = 304;
          body = '';
        }
      }
      log.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };

    if (knobs.hold && knobs.hold(info)) {
      heldResponses.add(res);
      res.on('close', () => heldResponses.delete(res));
      return;
    }
    const scripted = knobs.scripted.find((s) => (s.times ?? 1) > 0 && (!s.match || s.match(info)));
    if (scripted) {
      scripted.times = (scripted.times ?? 1) - 1;
      send(scripted);
      return;
    }
    if (!isGraphQL && restPath === '/rate_limit') {
      // Does not count against the limit, like GitHub's.
      send({ status: 200, body: rateLimitJson(knobs.rateLimitRemaining ?? 4999, knobs.rateLimitReset) });
      return;
    }
    if (knobs.rateLimitRemaining !== undefined) {
      if (knobs.rateLimitRemaining <= 0) {
        send({
          status: 403,
          headers: { 'x-ratelimit-remaining': '0' },
          body: {
            message: 'API rate limit exceeded for user ID 1.',
            documentation_url: 'https://docs.github.com/rest',
          },
        });
        return;
      }
      knobs.rateLimitRemaining--;
    }
    if (isGraphQL) {
      if (method !== 'POST') {
        send(notFound());
        return;
      }
      send({ status: 200, body: executeGraphQL(world, query, variables ?? {}) });
      return;
    }
    if (!url.pathname.startsWith('/github/rest/')) {
      send(notFound());
      return;
    }
    send(rest(world, method, new URL(`http://x${restPath}${url.search}`)));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake GitHub failed: ${(e as Error).message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    world,
    knobs,
    requests,
    held: () => heldResponses.size,
    close: () =>
      new Promise<void>((resolve) => {
        heldResponses.forEach((r) => r.destroy());
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
