/**
 * A fake Jira on loopback, standing where Grafana's data source proxy would be: `${url}/jira/cloud/rest/api/3/...`
 * (enhanced JQL search with nextPageToken) and `${url}/jira/datacenter/rest/api/2/...` (search with startAt). It
 * understands the JQL the source sends: `(<the settings' JQL>) AND created|updated >= "yyyy-MM-dd" ORDER BY ...`,
 * where the settings' JQL may be `issuetype = X` (else every issue is selected). Knobs: scripted answers, holds.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { fieldsJson, issueJson, myselfJson } from './shapes';
import { FakeIssue, JiraWorld } from './world';

export interface LoggedRequest {
  path: string;
  status: number;
  authorization?: string;
}

export interface ScriptedAnswer {
  match?: (path: string) => boolean;
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeJira {
  url: string;
  world: JiraWorld;
  knobs: { scripted: ScriptedAnswer[]; hold?: (path: string) => boolean; pageSize: number };
  requests: LoggedRequest[];
  held(): number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function select(world: JiraWorld, jql: string): FakeIssue[] | Answer {
  const type = /issuetype\s*=\s*"?([\w ]+?)"?\s*(\)|AND|$)/i.exec(jql);
  if (/\bproject\s*=\s*NOPE\b/i.test(jql)) {
    return {
      status: 400,
      body: { errorMessages: ["The value 'NOPE' does not exist for the field 'project'."], errors: {} },
    };
  }
  const since = /\b(created|updated)\s*>=\s*"(\d{4}-\d{2}-\d{2})"/i.exec(jql);
  return world.issues
    .filter((i) => !type || i.issueType.toLowerCase() === type[1].toLowerCase())
    .filter(
      (i) =>
        !since ||
        Date.parse(since[1].toLowerCase() === 'created' ? i.created : i.updated) >= Date.parse(`${since[2]}T00:00:00Z`)
    )
    .sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
}

function route(world: JiraWorld, pageSize: number, cloud: boolean, path: string, url: URL): Answer {
  const api = cloud ? '/rest/api/3' : '/rest/api/2';
  if (!path.startsWith(api)) {
    return { status: 404, body: { errorMessages: ['Not found'] } };
  }
  const rest = path.slice(api.length);
  if (rest === '/myself') {
    return { status: 200, body: myselfJson(world) };
  }
  if (rest === '/field') {
    return { status: 200, body: fieldsJson(world) };
  }
  if ((cloud && rest === '/search/jql') || (!cloud && rest === '/search')) {
    const selected = select(world, url.searchParams.get('jql') ?? '');
    if (!Array.isArray(selected)) {
      return selected;
    }
    const fields = (url.searchParams.get('fields') ?? 'id').split(',');
    const changelog = (url.searchParams.get('expand') ?? '').split(',').indexOf('changelog') >= 0;
    const max = Math.min(Number(url.searchParams.get('maxResults') ?? 50), pageSize);
    const start = cloud
      ? Number(url.searchParams.get('nextPageToken') ?? 0)
      : Number(url.searchParams.get('startAt') ?? 0);
    const issues = selected.slice(start, start + max).map((i) => issueJson(i, fields, changelog, cloud));
    const more = start + max < selected.length;
    if (cloud) {
      return {
        status: 200,
        body: more ? { issues, nextPageToken: String(start + max), isLast: false } : { issues, isLast: true },
      };
    }
    return { status: 200, body: { startAt: start, maxResults: max, total: selected.length, issues } };
  }
  return { status: 404, body: { errorMessages: ['Not found'] } };
}

export async function startFakeJira(world: JiraWorld): Promise<FakeJira> {
  const knobs: FakeJira['knobs'] = { scripted: [], pageSize: 100 };
  const requests: LoggedRequest[] = [];
  const heldResponses = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/jira\/(cloud|datacenter)(\/.*)$/.exec(url.pathname);
    const logged: LoggedRequest = { path: `${m ? m[2] : url.pathname}${url.search}`, status: 0 };
    if (typeof req.headers.authorization === 'string') {
      logged.authorization = req.headers.authorization;
    }
    requests.push(logged);
    const send = (a: Answer) => {
      logged.status = a.status;
      res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    };
    if (knobs.hold && knobs.hold(logged.path)) {
      heldResponses.add(res);
      res.on('close', () => heldResponses.delete(res));
      return;
    }
    const scripted = knobs.scripted.find((s) => (s.times ?? 1) > 0 && (!s.match || s.match(logged.path)));
    if (scripted) {
      scripted.times = (scripted.times ?? 1) - 1;
      send(scripted);
      return;
    }
    if (!m || req.method !== 'GET') {
      send({ status: 404, body: { errorMessages: ['Not found'] } });
      return;
    }
    send(route(world, knobs.pageSize, m[1] === 'cloud', m[2], url));
  };
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errorMessages: [`fake Jira failed: ${(e as Error).message}`] }));
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
