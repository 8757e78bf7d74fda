/**
 * testDatasource for incident.io: is the API key valid (and read-only), can it list incidents, and do the custom
 * fields, timestamps, severities, incident types and schedules the settings name exist? Each failure names what
 * failed and how to fix it.
 */
import { incidentIoName, ResolvedIncidentIoSettings } from '../../settings/incidentio';
import { isAbortError } from '../abort';
import { HealthCheckItem } from '../types';
import { IoIdentity, IoIncidentList, IoNamed, IoScheduleList } from './apiTypes';
import { CallContext, IncidentIoClient } from './client';
import { describeError } from './errors';
import { selectSchedules } from './mapper';

const SOURCE = 'incidentio';
/** Roles that let a key change incident.io (the plugin only reads). */
const WRITE_ROLES = ['incident_creator', 'incident_editor', 'manage_settings', 'catalog_editor', 'schedules_editor'];

interface NameCheck {
  /** What the settings call it: "service field", "impact start timestamp". */
  what: string;
  /** Names in order of preference; one existing is enough. */
  names: string[];
}

interface NamedList {
  path: string;
  /** "custom field", "timestamp". */
  kind: string;
  items: (answer: Record<string, IoNamed[]>) => IoNamed[] | undefined;
  checks: NameCheck[];
}

export async function checkHealth(
  client: IncidentIoClient,
  s: ResolvedIncidentIoSettings,
  call: CallContext,
  now: () => number
): Promise<HealthCheckItem[]> {
  const items: HealthCheckItem[] = [];
  const fail = (subject: string, e: unknown, status: HealthCheckItem['status'] = 'error') => {
    if (isAbortError(e)) {
      throw e;
    }
    items.push({ source: SOURCE, status, message: describeError(subject, e, now()) });
  };
  try {
    const { identity } = await client.get<IoIdentity>('/v1/identity', {}, call);
    const writes = identity.roles.filter((r) => WRITE_ROLES.indexOf(r) >= 0);
    items.push({
      source: SOURCE,
      status: writes.length > 0 ? 'warning' : 'ok',
      message:
        writes.length > 0
          ? `API key "${identity.name}" may change incident.io (${writes.join(', ')}); the plugin only reads: create a key with only the Viewer role (and Schedules reader for on-call).`
          : `API key "${identity.name}" is valid (roles: ${identity.roles.join(', ') || 'none'}).`,
    });
  } catch (e) {
    fail('incident.io API key', e);
    return items;
  }
  try {
    const page = await client.get<IoIncidentList>('/v2/incidents', { page_size: 1, 'mode[one_of]': s.modes }, call);
    items.push({
      source: SOURCE,
      status: page.incidents.length > 0 ? 'ok' : 'warning',
      message:
        page.incidents.length > 0
          ? `Incidents can be read (modes ${s.modes.join(', ')}).`
          : `No incident of the modes ${s.modes.join(', ')} is visible to the API key; check the modes and that the key has the Viewer role.`,
    });
  } catch (e) {
    fail('incident.io incidents', e);
  }
  const fields: NameCheck[] =
    s.service.from === 'customField' ? [{ what: 'service field', names: [s.service.field] }] : [];
  if (s.causeField) {
    fields.push({ what: 'cause field', names: [s.causeField] });
  }
  const lists: NamedList[] = [
    { path: '/v2/custom_fields', kind: 'custom field', items: (a) => a.custom_fields, checks: fields },
    {
      path: '/v2/incident_timestamps',
      kind: 'timestamp',
      items: (a) => a.incident_timestamps,
      checks: [
        { what: 'impact start timestamp', names: s.impactStart },
        { what: 'acknowledged timestamp', names: s.acknowledged },
        { what: 'resolved timestamp', names: s.resolved },
      ],
    },
    {
      path: '/v1/severities',
      kind: 'severity',
      items: (a) => a.severities,
      checks: s.severities.map((name) => ({ what: 'severity', names: [name] })),
    },
    {
      path: '/v1/incident_types',
      kind: 'incident type',
      items: (a) => a.incident_types,
      checks: s.incidentTypes.map((name) => ({ what: 'incident type', names: [name] })),
    },
  ];
  for (const list of lists.filter((l) => l.checks.length > 0)) {
    try {
      const known = (list.items(await client.get<Record<string, IoNamed[]>>(list.path, {}, call)) ?? []).map((i) =>
        incidentIoName(i.name)
      );
      for (const check of list.checks) {
        const found = check.names.find((n) => known.indexOf(incidentIoName(n)) >= 0);
        items.push(
          found
            ? { source: SOURCE, status: 'ok', message: `${check.what}: ${list.kind} "${found}" exists.` }
            : {
                source: SOURCE,
                status: 'warning',
                message: `${check.what}: no ${list.kind} is named ${check.names.map((n) => `"${n}"`).join(' or ')}; type the name as incident.io shows it in Settings (incident.io section of the data source settings).`,
              }
        );
      }
    } catch (e) {
      fail(`incident.io ${list.kind} list`, e, 'warning');
    }
  }
  if (s.schedules.length > 0) {
    try {
      const page = await client.get<IoScheduleList>('/v2/schedules', { page_size: 100 }, call);
      const { missing } = selectSchedules(page.schedules, s.schedules);
      items.push({
        source: SOURCE,
        status: missing.length > 0 ? 'warning' : 'ok',
        message:
          missing.length > 0
            ? `schedules ${missing.map((m) => `"${m}"`).join(', ')} not found; fix the schedule list (names or IDs).`
            : `schedules ${s.schedules.join(', ')} exist.`,
      });
    } catch (e) {
      fail('incident.io schedules', e, 'warning');
    }
  }
  return items;
}
