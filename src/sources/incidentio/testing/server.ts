/**
 * A fake incident.io on loopback, standing where Grafana's proxy route `incidentio/api` would be:
 * `${url}/incidentio/api/v2/incidents` with the API's filters the source sends (`mode[one_of]`, `created_at[gte]`,
 * `updated_at[gte]` as dates), newest first, `page_size` + `after` paging; schedules, the identity of the key and
 * the configuration lists. Errors use incident.io's error body; scripted answers (401, 429, 5xx) go first.
 */
import { Loopback, startLoopback } from '../../testing/loopback';
import {
  FakeIncident,
  identityJson,
  IncidentIoWorld,
  incidentListJson,
  namedListJson,
  scheduleListJson,
} from './shapes';

export interface FakeIncidentIo extends Loopback {
  world: IncidentIoWorld;
}

const ROUTE = '/incidentio/api';

export function errorBody(status: number, type: string, code: string, message: string) {
  return { type, status, request_id: '8e3cc412-b49d-4957-9073-2c19d2c61804', errors: [{ code, message }] };
}

function day(value: string | null): number | undefined {
  return value ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : undefined;
}

function selectIncidents(world: IncidentIoWorld, q: URLSearchParams): FakeIncident[] {
  const modes = q.getAll('mode[one_of]');
  const wanted = modes.length > 0 ? modes : ['standard', 'retrospective'];
  const created = day(q.get('created_at[gte]'));
  const updated = day(q.get('updated_at[gte]'));
  const newestFirst = (q.get('sort_by') ?? 'created_at_newest_first') === 'created_at_newest_first';
  return world.incidents
    .filter((i) => wanted.indexOf(i.mode ?? 'standard') >= 0)
    .filter((i) => created === undefined || Date.parse(i.createdAt) >= created)
    .filter((i) => updated === undefined || Date.parse(i.updatedAt) >= updated)
    .sort((a, b) => (Date.parse(b.createdAt) - Date.parse(a.createdAt)) * (newestFirst ? 1 : -1));
}

export async function startFakeIncidentIo(world: IncidentIoWorld): Promise<FakeIncidentIo> {
  const loopback = await startLoopback((r) => {
    const path = r.path.startsWith(ROUTE) ? r.path.slice(ROUTE.length) : '';
    if (r.method !== 'GET' || path === '') {
      return { status: 404, body: errorBody(404, 'not_found', 'not_found', 'Not found') };
    }
    const pageSize = Number(r.query.get('page_size') ?? 25);
    if (!(pageSize >= 1 && pageSize <= 500)) {
      return {
        status: 422,
        body: errorBody(422, 'validation_error', 'invalid_value', 'page_size must be between 1 and 500'),
      };
    }
    const after = r.query.get('after') ?? undefined;
    if (path === '/v2/incidents') {
      const selected = selectIncidents(world, r.query);
      const start = after ? selected.findIndex((i) => i.id === after) + 1 : 0;
      const page = selected.slice(start, start + pageSize);
      const more = start + pageSize < selected.length;
      return { status: 200, body: incidentListJson(page, pageSize, more ? page[page.length - 1].id : undefined) };
    }
    if (path === '/v2/schedules') {
      return { status: 200, body: scheduleListJson(world, pageSize, after) };
    }
    if (path === '/v1/identity') {
      return { status: 200, body: identityJson(world) };
    }
    const list = namedListJson(world, path);
    return list
      ? { status: 200, body: list }
      : { status: 404, body: errorBody(404, 'not_found', 'not_found', `No route for ${path}`) };
  });
  return Object.assign(loopback, { world });
}
