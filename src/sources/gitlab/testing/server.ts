/**
 * A fake GitLab on loopback (127.0.0.1, a free port), standing where Grafana's data source proxy would be:
 * `${url}/gitlab/api/...` serves the REST (v4) endpoints the source uses, with GitLab's paging (offset with Link
 * headers; keyset for jobs), filters and ordering, ETags with 304s, and RateLimit-* headers. Links point at the
 * world's instance URL (with its path prefix), as GitLab's do. Knobs: scripted answers (429 with Retry-After, 5xx,
 * 401/404 mid-way), held answers (for cancellation). Every request is logged.
 */
import { createHash } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import * as shape from './shapes';
import { FakeGitLabWorld, FakeGlCommit, FakeGlProject } from './world';

export interface LoggedRequest {
  /** Path below the route with its query, e.g. /projects/acme%2Fshop/deployments?environment=production. */
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface ScriptedAnswer {
  /** Send no RateLimit-* headers (as Grafana's proxy hands errors to the browser). */
  bare?: boolean;
  /** Which request this answers (default: any); sees the path below the route with its query. */
  match?: (path: string) => boolean;
  /** How many matching requests it answers (default 1). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Knobs {
  scripted: ScriptedAnswer[];
  /** Requests matching this are held until the client gives up (aborts). */
  hold?: (path: string) => boolean;
  /** Send ETags and answer If-None-Match with 304 (default true). */
  etags: boolean;
  /** RateLimit-Remaining sent with every answer (default 1999). */
  rateLimitRemaining: number;
  /** RateLimit-Reset (epoch seconds). */
  rateLimitReset: number;
}

export interface FakeGitLab {
  url: string;
  world: FakeGitLabWorld;
  knobs: Knobs;
  requests: LoggedRequest[];
  held(): number;
  close(): Promise<void>;
}

interface Answer {
  bare?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const ROUTE = '/gitlab/api';
const PAGE_MAX = 100;

function notFound(what = '404 Not Found'): Answer {
  return { status: 404, body: { message: what } };
}

const t = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

const histories = new WeakMap<FakeGlProject, Map<string, FakeGlCommit[]>>();

/** Commits reachable from a ref, newest commit first (git log's default order for a linear-ish history). */
function history(p: FakeGlProject, ref: string): FakeGlCommit[] {
  // Paging asks again for every page: remember the walk while the project's commits stay the same.
  const memo = histories.get(p) ?? new Map<string, FakeGlCommit[]>();
  histories.set(p, memo);
  const key = `${ref}|${p.branches[ref] ?? ''}|${Object.keys(p.commits).length}`;
  const known = memo.get(key);
  if (known) {
    return known;
  }
  const walked = walk(p, ref);
  memo.set(key, walked);
  return walked;
}

function walk(p: FakeGlProject, ref: string): FakeGlCommit[] {
  const start = p.branches[ref] ?? (p.commits[ref] ? ref : undefined);
  if (!start) {
    return [];
  }
  const seen = new Set<string>();
  const stack = [start];
  const out: FakeGlCommit[] = [];
  while (stack.length) {
    const id = stack.pop()!;
    const c = p.commits[id];
    if (!c || seen.has(id)) {
      continue;
    }
    seen.add(id);
    out.push(c);
    stack.push(...c.parents);
  }
  return out.sort((a, b) => t(b.committedDate) - t(a.committedDate) || (a.id < b.id ? 1 : -1));
}

function api(world: FakeGitLabWorld, url: URL): Answer {
  const path = url.pathname;
  const q = url.searchParams;
  const perPage = Math.min(Number(q.get('per_page') ?? 20), PAGE_MAX);
  const page = Number(q.get('page') ?? 1);
  /** Offset paging with GitLab's Link header (absolute instance URLs). */
  const paged = <T>(items: T[]): Answer & { items: T[] } => {
    const start = (page - 1) * perPage;
    const slice = items.slice(start, start + perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const at = (n: number) => {
      const u = new URL(`${world.instanceUrl}/api/v4${path}`);
      q.forEach((v, k) => u.searchParams.set(k, v));
      u.searchParams.set('page', String(n));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    const links = [`<${at(1)}>; rel="first"`];
    if (page < last) {
      links.unshift(`<${at(page + 1)}>; rel="next"`);
    }
    if (page > 1) {
      links.unshift(`<${at(page - 1)}>; rel="prev"`);
    }
    return {
      status: 200,
      items: slice,
      headers: { link: links.join(', '), 'x-page': String(page), 'x-per-page': String(perPage) },
    };
  };
  if (path === '/personal_access_tokens/self') {
    return { status: 200, body: shape.tokenJson(world) };
  }
  let m: RegExpExecArray | null;
  if ((m = /^\/groups\/([^/]+)\/projects$/.exec(path))) {
    const paths = world.groups[decodeURIComponent(m[1])];
    if (!paths) {
      return notFound('404 Group Not Found');
    }
    const projects = paths
      .map((p) => world.projects[p])
      .filter((p) => p && !(q.get('archived') === 'false' && p.archived))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const r = paged(projects);
    return { ...r, body: r.items.map((p) => shape.projectJson(world, p)) };
  }
  if (!(m = /^\/projects\/([^/]+)(\/.*)?$/.exec(path))) {
    return notFound();
  }
  const key = decodeURIComponent(m[1]);
  const p = world.projects[key] ?? Object.values(world.projects).find((x) => String(x.id) === key);
  if (!p) {
    return notFound('404 Project Not Found');
  }
  const rest = m[2] ?? '';
  if (rest === '') {
    return { status: 200, body: shape.projectJson(world, p) };
  }
  if ((m = /^\/repository\/branches\/(.+)$/.exec(rest))) {
    const name = decodeURIComponent(m[1]);
    return p.branches[name]
      ? { status: 200, body: shape.branchJson(world, p, name) }
      : notFound('404 Branch Not Found');
  }
  if (rest === '/repository/commits') {
    const since = t(q.get('since'));
    const commits = history(p, q.get('ref_name') ?? p.defaultBranch).filter((c) => t(c.committedDate) >= since);
    const r = paged(commits);
    return { ...r, body: r.items.map((c) => shape.commitJson(world, p, c)) };
  }
  if (rest === '/environments') {
    const r = paged(p.environments);
    return { ...r, body: r.items.map((e) => shape.environmentJson(world, p, e)) };
  }
  if (rest === '/deployments') {
    const env = q.get('environment');
    const status = q.get('status');
    const after = q.get('updated_after');
    const list = p.deployments
      .filter((d) => (!env || d.environment === env) && (!status || d.status === status))
      .filter((d) => !after || t(d.updatedAt) > t(after))
      .sort((a, b) => b.id - a.id);
    const r = paged(list);
    return { ...r, body: r.items.map((d) => shape.deploymentJson(world, p, d)) };
  }
  if ((m = /^\/deployments\/(\d+)$/.exec(rest))) {
    const d = p.deployments.find((x) => x.id === Number(m![1]));
    return d ? { status: 200, body: shape.deploymentJson(world, p, d) } : notFound();
  }
  if (rest === '/jobs') {
    const jobs = p.jobs.slice().sort((a, b) => b.id - a.id);
    if (q.get('pagination') === 'keyset') {
      // Keyset: the next link carries a cursor (here: the last id read).
      const cursor = q.get('cursor');
      const before = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8')) : Infinity;
      const slice = jobs.filter((j) => j.id < before).slice(0, perPage);
      const headers: Record<string, string> = {};
      if (slice.length === perPage && jobs.some((j) => j.id < slice[slice.length - 1].id)) {
        const u = new URL(`${world.instanceUrl}/api/v4${path}`);
        q.forEach((v, k) => u.searchParams.set(k, v));
        u.searchParams.set('cursor', Buffer.from(String(slice[slice.length - 1].id)).toString('base64'));
        headers.link = `<${u.toString()}>; rel="next"`;
      }
      return { status: 200, headers, body: slice.map((j) => shape.jobJson(world, p, j)) };
    }
    const r = paged(jobs);
    return { ...r, body: r.items.map((j) => shape.jobJson(world, p, j)) };
  }
  if ((m = /^\/jobs\/(\d+)$/.exec(rest))) {
    const j = p.jobs.find((x) => x.id === Number(m![1]));
    return j ? { status: 200, body: shape.jobJson(world, p, j) } : notFound();
  }
  if (rest === '/merge_requests') {
    const after = q.get('updated_after');
    const list = p.mergeRequests
      .filter((mr) => q.get('state') !== 'merged' || mr.mergedAt !== null)
      .filter((mr) => !q.get('target_branch') || mr.targetBranch === q.get('target_branch'))
      .filter((mr) => !after || t(mr.updatedAt) >= t(after))
      .sort((a, b) => t(b.updatedAt) - t(a.updatedAt) || b.iid - a.iid);
    const r = paged(list);
    return { ...r, body: r.items.map((mr) => shape.mergeRequestJson(world, p, mr)) };
  }
  if ((m = /^\/merge_requests\/(\d+)\/(commits|notes)$/.exec(rest))) {
    const mr = p.mergeRequests.find((x) => x.iid === Number(m![1]));
    if (!mr) {
      return notFound('404 Merge Request Not Found');
    }
    if (m[2] === 'commits') {
      const r = paged(mr.commits.slice().reverse());
      return { ...r, body: r.items.map((c) => shape.commitJson(world, p, c)) };
    }
    const notes = mr.notes.map((n, i) => shape.noteJson(world, mr, n, i));
    notes.sort((a, b) => t(a.created_at) - t(b.created_at));
    if (q.get('sort') !== 'asc') {
      notes.reverse();
    }
    const r = paged(notes);
    return { ...r, body: r.items };
  }
  if (rest === '/issues') {
    const after = q.get('updated_after');
    const labels = (q.get('labels') ?? '').split(',').filter((l) => l !== '');
    const list = p.issues
      .filter((i) => q.get('issue_type') !== 'incident' || i.type === 'INCIDENT')
      .filter((i) => labels.every((l) => i.labels.indexOf(l) >= 0))
      .filter((i) => !after || t(i.updatedAt) >= t(after))
      .sort((a, b) => t(b.updatedAt) - t(a.updatedAt) || b.iid - a.iid);
    const r = paged(list);
    return { ...r, body: r.items.map((i) => shape.issueJson(world, p, i)) };
  }
  if (rest === '/releases') {
    const list = p.releases.slice().sort((a, b) => t(b.releasedAt) - t(a.releasedAt));
    const r = paged(list);
    return { ...r, body: r.items.map((x) => shape.releaseJson(world, p, x)) };
  }
  if (rest === '/repository/tags') {
    const time = (tag: { commit: string }) => t(p.commits[tag.commit]?.committedDate);
    const list = p.tags.slice().sort((a, b) => time(b) - time(a));
    const r = paged(list);
    return { ...r, body: r.items.map((x) => shape.tagJson(world, p, x)) };
  }
  return notFound();
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

export async function startFakeGitLab(world: FakeGitLabWorld): Promise<FakeGitLab> {
  const knobs: Knobs = {
    scripted: [],
    etags: true,
    rateLimitRemaining: 1999,
    rateLimitReset: Math.floor(Date.now() / 1000) + 60,
  };
  const requests: LoggedRequest[] = [];
  const heldResponses = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const below = url.pathname.indexOf(ROUTE) === 0 ? url.pathname.slice(ROUTE.length) : undefined;
    const path = `${below ?? url.pathname}${url.search}`;
    const log: LoggedRequest = { path, status: 0, headers: req.headers };
    requests.push(log);
    const send = (answer: Answer) => {
      const limits: Record<string, string> = answer.bare
        ? {}
        : {
            'ratelimit-limit': '2000',
            'ratelimit-remaining': String(knobs.rateLimitRemaining),
            'ratelimit-reset': String(knobs.rateLimitReset),
          };
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...limits,
        ...(answer.headers ?? {}),
      };
      let body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      let status = answer.status;
      if (knobs.etags && req.method === 'GET' && status === 200) {
        headers.etag = etagOf(body);
        if (req.headers['if-none-match'] === headers.etag) {
          status = 304;
          body = '';
        }
      }
      log.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (knobs.hold && knobs.hold(path)) {
      heldResponses.add(res);
      res.on('close', () => heldResponses.delete(res));
      return;
    }
    const scripted = knobs.scripted.find((s) => (s.times ?? 1) > 0 && (!s.match || s.match(path)));
    if (scripted) {
      scripted.times = (scripted.times ?? 1) - 1;
      send(scripted);
      return;
    }
    if (below === undefined || req.method !== 'GET') {
      send(notFound());
      return;
    }
    send(api(world, new URL(`http://x${path}`)));
  };

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake GitLab failed: ${(e as Error).message}` }));
    }
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
