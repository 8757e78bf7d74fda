/**
 * A fake PagerDuty REST API on loopback (127.0.0.1, a free port), standing where Grafana's data source proxy
 * would be: `${url}/pagerduty/api/...` serves the endpoints the source uses, with PagerDuty's rules: offset/more
 * paging (limit at most 100, offset + limit at most 10,000), since/until on created time (at most 6 months for
 * incidents), service, team, urgency and status filters. Knobs: scripted answers (429 with or without
 * Retry-After, 5xx, 401/403/404 mid-way), held answers (for cancellation). Every request is logged.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { abilitiesJson, incidentJson, logEntryJson, oncallJson, serviceJson, teamJson } from './restShapes';
import { PagerDutyWorld } from './world';

export interface LoggedRequest {
  /** Path below the route with its query, e.g. /incidents?limit=100&offset=0. */
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

export interface Knobs {
  scripted: ScriptedAnswer[];
  /** Deepest offset + limit answered (PagerDuty: 10,000). */
  maxOffset: number;
  hold?: (path: string) => boolean;
}

export interface FakePagerDuty {
  url: string;
  world: PagerDutyWorld;
  knobs: Knobs;
  requests: LoggedRequest[];
  held(): number;
  close(): Promise<void>;
}

const SIX_MONTHS_MS = 183 * 24 * 3600 * 1000;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function error(status: number, message: string, code: number, errors: string[] = []): Answer {
  return { status, body: { error: { message, code, errors } } };
}

function list<T>(url: URL, key: string, items: T[], json: (item: T) => unknown, maxOffset: number): Answer {
  const limit = Number(url.searchParams.get('limit') ?? 25);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!(limit >= 1 && limit <= 100)) {
    return error(400, 'Invalid Input Provided', 2001, ['Limit must be between 1 and 100.']);
  }
  if (offset + limit > maxOffset) {
    return error(400, 'Invalid Input Provided', 2001, [`Offset must be less than ${maxOffset}.`]);
  }
  return {
    status: 200,
    body: {
      [key]: items.slice(offset, offset + limit).map(json),
      limit,
      offset,
      more: offset + limit < items.length,
      total: null,
    },
  };
}

function all(url: URL, key: string): string[] {
  return url.searchParams.getAll(key);
}

/** since/until on created time; the defaults and limits of /incidents. */
function createdWindow(url: URL, maxMs?: number): { from: number; to: number } | Answer {
  const since = url.searchParams.get('since');
  const until = url.searchParams.get('until');
  const to = until ? Date.parse(until) : Date.now();
  const from = since ? Date.parse(since) : to - 30 * 24 * 3600 * 1000;
  if (isNaN(from) || isNaN(to) || from > to) {
    return error(400, 'Invalid Input Provided', 2001, ['Since must be before until.']);
  }
  if (maxMs !== undefined && to - from > maxMs) {
    return error(400, 'Invalid Input Provided', 2001, ['The time range must be less than 6 months.']);
  }
  return { from, to };
}

/** Parsed instants, cached: the bench's worlds hold thousands of items and every page filters them all. */
const instants = new Map<string, number>();
function ms(iso: string): number {
  let t = instants.get(iso);
  if (t === undefined) {
    t = Date.parse(iso);
    instants.set(iso, t);
  }
  return t;
}

function route(world: PagerDutyWorld, knobs: Knobs, path: string, url: URL): Answer {
  if (path === '/abilities') {
    return { status: 200, body: abilitiesJson(world) };
  }
  if (path === '/teams') {
    return list(url, 'teams', world.teams, teamJson, knobs.maxOffset);
  }
  if (path === '/services') {
    const teams = all(url, 'team_ids[]');
    if (teams.length > 0 && world.abilities.indexOf('teams') < 0) {
      return error(402, 'Account does not have the required ability', 2012);
    }
    const services = world.services.filter((s) => teams.length === 0 || s.teamIds.some((t) => teams.indexOf(t) >= 0));
    return list(url, 'services', services, (s) => serviceJson(world, s), knobs.maxOffset);
  }
  let m: RegExpExecArray | null;
  if ((m = /^\/incidents\/([^/]+)$/.exec(path))) {
    const incident = world.incidents.find((i) => i.id === decodeURIComponent(m![1]));
    const include = all(url, 'include[]').indexOf('first_trigger_log_entries') >= 0;
    return incident
      ? { status: 200, body: { incident: incidentJson(world, incident, include) } }
      : error(404, 'Not Found', 2100);
  }
  if (path === '/incidents') {
    const w = createdWindow(url, SIX_MONTHS_MS);
    if ('status' in w) {
      return w;
    }
    const services = all(url, 'service_ids[]');
    const statuses = all(url, 'statuses[]');
    const urgencies = all(url, 'urgencies[]');
    const include = all(url, 'include[]').indexOf('first_trigger_log_entries') >= 0;
    const incidents = world.incidents
      .filter((i) => {
        const t = ms(i.createdAt);
        return t >= w.from && t < w.to;
      })
      .filter((i) => services.length === 0 || services.indexOf(i.serviceId) >= 0)
      .filter((i) => statuses.length === 0 || statuses.indexOf(i.status) >= 0)
      .filter((i) => urgencies.length === 0 || urgencies.indexOf(i.urgency) >= 0)
      .sort((a, b) => ms(a.createdAt) - ms(b.createdAt));
    return list(url, 'incidents', incidents, (i) => incidentJson(world, i, include), knobs.maxOffset);
  }
  if (path === '/log_entries') {
    const w = createdWindow(url);
    if ('status' in w) {
      return w;
    }
    const overview = url.searchParams.get('is_overview') === 'true';
    const teams = all(url, 'team_ids[]');
    const entries = world.logEntries
      .filter((e) => {
        const t = ms(e.createdAt);
        return t >= w.from && t < w.to;
      })
      .filter((e) => !overview || e.type !== 'notify_log_entry')
      .filter((e) => {
        if (teams.length === 0) {
          return true;
        }
        const incident = world.incidents.find((i) => i.id === e.incidentId);
        return (incident?.teamIds ?? []).some((t) => teams.indexOf(t) >= 0);
      })
      .sort((a, b) => ms(b.createdAt) - ms(a.createdAt));
    return list(url, 'log_entries', entries, (e) => logEntryJson(world, e), knobs.maxOffset);
  }
  if (path === '/oncalls') {
    const policies = all(url, 'escalation_policy_ids[]');
    const oncalls = world.oncalls.filter((o) => policies.length === 0 || policies.indexOf(o.policyId) >= 0);
    return list(url, 'oncalls', oncalls, oncallJson, knobs.maxOffset);
  }
  return error(404, 'Not Found', 2100);
}

export async function startFakePagerDuty(world: PagerDutyWorld): Promise<FakePagerDuty> {
  const knobs: Knobs = { scripted: [], maxOffset: 10000 };
  const requests: LoggedRequest[] = [];
  const heldResponses = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/pagerduty\/api/, '');
    const logged: LoggedRequest = { path: `${path}${url.search}`, status: 0 };
    const auth = req.headers.authorization;
    if (typeof auth === 'string') {
      logged.authorization = auth;
    }
    requests.push(logged);
    const send = (answer: Answer) => {
      logged.status = answer.status;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
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
    if (req.method !== 'GET' || !url.pathname.startsWith('/pagerduty/api/')) {
      send(error(404, 'Not Found', 2100));
      return;
    }
    send(route(world, knobs, path, url));
  };

  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake PagerDuty failed: ${(e as Error).message}`, code: 2000 } }));
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
