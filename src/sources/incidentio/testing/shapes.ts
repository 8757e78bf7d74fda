/**
 * What the fake incident.io knows (incidents, schedules, the API key) and its answers, built in the shapes of
 * incident.io's OpenAPI description (openapi-examples.json shows them; fixtures.test.ts validates every answer).
 */
import {
  IoCustomFieldEntry,
  IoIdentity,
  IoIncident,
  IoIncidentList,
  IoNamed,
  IoSchedule,
  IoScheduleList,
} from '../apiTypes';

const DEFINED = '2025-06-01T09:00:00Z';

export interface FakeIncident {
  id: string;
  reference: string;
  name: string;
  summary?: string;
  createdAt: string;
  updatedAt: string;
  mode?: 'standard' | 'retrospective' | 'test' | 'tutorial';
  status: { name: string; category: string };
  severity?: { name: string; rank: number };
  type?: string;
  /** Custom field values: catalog entry names (catalog-backed fields) or texts, by field name. */
  catalog?: Record<string, string[]>;
  texts?: Record<string, string>;
  lead?: string;
  /** Timestamp values by timestamp name. */
  timestamps?: Record<string, string>;
}

export interface FakeShift {
  user: string;
  start: string;
  end: string;
}

export interface IncidentIoWorld {
  key: { name: string; roles: string[] };
  incidents: FakeIncident[];
  schedules: Array<{ id: string; name: string; shifts: FakeShift[] }>;
  customFields: string[];
  timestamps: string[];
  severities: string[];
  incidentTypes: string[];
}

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .padEnd(8, 'X')
    .slice(0, 26);

function user(name: string) {
  return { id: `U${slug(name)}`, name, email: `${name.split(' ')[0].toLowerCase()}@acme.test`, role: 'responder' };
}

function named(kind: string, name: string) {
  return {
    id: `${kind}${slug(name)}`,
    name,
    description: `${name} (${kind})`,
    created_at: DEFINED,
    updated_at: DEFINED,
  };
}

function entries(i: FakeIncident): IoCustomFieldEntry[] {
  const field = (name: string, type: string) => ({
    id: `F${slug(name)}`,
    name,
    description: name,
    field_type: type,
    options: [],
  });
  const catalog = Object.entries(i.catalog ?? {}).map(([name, values]) => ({
    custom_field: field(name, 'multi_select'),
    values: values.map((v) => ({ value_catalog_entry: { id: `C${slug(v)}`, name: v, aliases: [] } })),
  }));
  const texts = Object.entries(i.texts ?? {}).map(([name, value]) => ({
    custom_field: field(name, 'text'),
    values: [{ value_text: value }],
  }));
  return [...catalog, ...texts];
}

export function incidentJson(i: FakeIncident): IoIncident {
  const json: Record<string, unknown> = {
    id: i.id,
    reference: i.reference,
    name: i.name,
    permalink: `https://app.incident.io/acme/incidents/${i.reference.replace(/^INC-/, '')}`,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    mode: i.mode ?? 'standard',
    visibility: 'public',
    creator: { user: user('Ana Lopez') },
    slack_team_id: 'T02A1FSLE8J',
    slack_channel_id: `C${slug(i.reference)}`,
    incident_status: { ...named('S', i.status.name), category: i.status.category, rank: 1 },
    custom_field_entries: entries(i),
    incident_role_assignments: i.lead
      ? [
          {
            role: {
              ...named('R', 'Incident Lead'),
              instructions: 'Coordinate',
              shortform: 'lead',
              role_type: 'lead',
            },
            assignee: user(i.lead),
          },
        ]
      : [],
    incident_timestamp_values: Object.entries(i.timestamps ?? {}).map(([name, value], rank) => ({
      incident_timestamp: { id: `T${slug(name)}`, name, rank },
      value: { value },
    })),
  };
  if (i.summary) {
    json.summary = i.summary;
  }
  if (i.severity) {
    json.severity = { ...named('V', i.severity.name), rank: i.severity.rank };
  }
  if (i.type) {
    json.incident_type = {
      ...named('Y', i.type),
      is_default: i.type === 'Default',
      private_incidents_only: false,
      create_in_triage: 'optional',
    };
  }
  return json as unknown as IoIncident;
}

export function incidentListJson(incidents: FakeIncident[], pageSize: number, after?: string): IoIncidentList {
  const meta: IoIncidentList['pagination_meta'] = { page_size: pageSize, total_record_count: incidents.length };
  if (after) {
    meta.after = after;
  }
  return { incidents: incidents.map(incidentJson), pagination_meta: meta };
}

export function scheduleListJson(world: IncidentIoWorld, pageSize: number, after?: string): IoScheduleList {
  const start = after ? world.schedules.findIndex((s) => s.id === after) + 1 : 0;
  const page = world.schedules.slice(start, start + pageSize);
  const schedules: IoSchedule[] = page.map((s) => ({
    id: s.id,
    name: s.name,
    timezone: 'Europe/London',
    team_ids: [],
    permalink: `https://app.incident.io/acme/on-call/schedules/${s.id}`,
    created_at: DEFINED,
    updated_at: DEFINED,
    annotations: {},
    current_shifts: s.shifts.map((shift) => ({ start_at: shift.start, end_at: shift.end, user: user(shift.user) })),
  }));
  const more = start + pageSize < world.schedules.length;
  return {
    schedules,
    pagination_meta: more ? { page_size: pageSize, after: page[page.length - 1].id } : { page_size: pageSize },
  };
}

export function identityJson(world: IncidentIoWorld): IoIdentity {
  return {
    identity: {
      name: world.key.name,
      roles: world.key.roles,
      dashboard_url: 'https://app.incident.io/acme',
      team_roles: [],
      teams: [],
    } as IoIdentity['identity'],
  };
}

/** The account's configuration lists (custom fields, timestamps, severities, incident types), by path. */
export function namedListJson(world: IncidentIoWorld, path: string): Record<string, IoNamed[]> | undefined {
  switch (path) {
    case '/v2/custom_fields':
      return { custom_fields: world.customFields.map((n) => ({ ...named('F', n), field_type: 'multi_select' })) };
    case '/v2/incident_timestamps':
      return { incident_timestamps: world.timestamps.map((n, rank) => ({ id: `T${slug(n)}`, name: n, rank })) };
    case '/v1/severities':
      return { severities: world.severities.map((n, rank) => ({ ...named('V', n), rank })) };
    case '/v1/incident_types':
      return {
        incident_types: world.incidentTypes.map((n) => ({
          ...named('Y', n),
          is_default: n === 'Default',
          private_incidents_only: false,
          create_in_triage: 'optional',
        })),
      };
    default:
      return undefined;
  }
}
