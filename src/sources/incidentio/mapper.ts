/**
 * Pure mapping from incident.io answers to events: an incident (GET /v2/incidents) to an Incident event, by the
 * rules of the settings (which severities, types and modes count; where the service comes from; which timestamps
 * are impact start, acknowledgement and resolution; the cause field), and schedules' current shifts to on-call
 * owners. Declined, merged and canceled incidents are not incidents.
 */
import { Incident, IncidentCause, Instant } from '../../engine';
import { incidentIoName, ResolvedIncidentIoSettings } from '../../settings/incidentio';
import { causeFieldKind, causeFromFields, causeFromTarget, causeFromText } from '../incidentCause';
import { incidentInstants, toInstant, withoutUndefined } from '../mapping';
import { OnCallOwner } from '../types';
import { IoCustomFieldEntry, IoCustomFieldValue, IoIncident, IoSchedule } from './apiTypes';

export const SOURCE = 'incidentio';
/** Status categories of incidents that turned out not to be incidents. */
export const NOT_INCIDENTS = ['declined', 'merged', 'canceled'];

/** The rules of the settings the mapper needs. */
export type MappingRules = Pick<
  ResolvedIncidentIoSettings,
  'severities' | 'incidentTypes' | 'modes' | 'service' | 'impactStart' | 'acknowledged' | 'resolved' | 'causeField'
>;

/** The text of a custom field value: a catalog entry's name, an option, a text, a link or a number. */
export function valueText(v: IoCustomFieldValue): string | undefined {
  const text =
    v.value_catalog_entry?.name ?? v.value_option?.value ?? v.value_text ?? v.value_link ?? v.value_numeric ?? '';
  return text.trim() || undefined;
}

function entryNamed(incident: IoIncident, name: string): IoCustomFieldEntry | undefined {
  const wanted = incidentIoName(name);
  return (incident.custom_field_entries ?? []).find((e) => incidentIoName(e.custom_field.name) === wanted);
}

function texts(entry: IoCustomFieldEntry | undefined): string[] {
  return (entry?.values ?? []).map(valueText).filter((t): t is string => t !== undefined);
}

/** The incident's timestamps by normalised name. */
function timestamps(incident: IoIncident): Record<string, Instant> {
  const out: Record<string, Instant> = {};
  for (const t of incident.incident_timestamp_values ?? []) {
    const at = toInstant(t.value?.value);
    if (at !== undefined) {
      out[incidentIoName(t.incident_timestamp.name)] = at;
    }
  }
  return out;
}

function firstOf(values: Record<string, Instant>, names: string[]): Instant | undefined {
  for (const name of names) {
    const at = values[incidentIoName(name)];
    if (at !== undefined) {
      return at;
    }
  }
  return undefined;
}

function cause(incident: IoIncident, rules: MappingRules): IncidentCause | undefined {
  if (rules.causeField) {
    for (const text of texts(entryNamed(incident, rules.causeField))) {
      const found = causeFromFields({ cause: text }) ?? causeFromTarget(text);
      if (found) {
        return found;
      }
    }
  }
  const named: Record<string, unknown> = {};
  for (const entry of incident.custom_field_entries ?? []) {
    if (causeFieldKind(entry.custom_field.name) !== undefined) {
      named[entry.custom_field.name] = texts(entry)[0];
    }
  }
  return causeFromFields(named) ?? (incident.summary ? causeFromText(incident.summary) : undefined);
}

function counts(incident: IoIncident, rules: MappingRules): boolean {
  if (NOT_INCIDENTS.indexOf(incident.incident_status?.category) >= 0) {
    return false;
  }
  if ((rules.modes as string[]).indexOf(incident.mode) < 0) {
    return false;
  }
  const severity = incident.severity ? incidentIoName(incident.severity.name) : undefined;
  if (rules.severities.length > 0 && (severity === undefined || rules.severities.indexOf(severity) < 0)) {
    return false;
  }
  const type = incident.incident_type ? incidentIoName(incident.incident_type.name) : undefined;
  return rules.incidentTypes.length === 0 || (type !== undefined && rules.incidentTypes.indexOf(type) >= 0);
}

/** The Incident event of an incident.io incident; undefined when the rules leave it out. */
export function mapIncident(incident: IoIncident, rules: MappingRules): Incident | undefined {
  const created = toInstant(incident.created_at);
  if (created === undefined || !counts(incident, rules)) {
    return undefined;
  }
  const times = timestamps(incident);
  // A retrospective incident is created after the fact; its "Reported" timestamp says when it was reported.
  const createdAt = Math.min(created, times.reported ?? created);
  const startedAt = firstOf(times, rules.impactStart);
  const acknowledgedAt = firstOf(times, rules.acknowledged);
  const services =
    rules.service.from === 'incidentType'
      ? [incident.incident_type?.name].filter((n): n is string => Boolean(n))
      : texts(entryNamed(incident, rules.service.field));
  const labels: string[] = services.slice(1).map((s) => `service:${s}`);
  if (incident.incident_type && !incident.incident_type.is_default) {
    labels.push(`type:${incident.incident_type.name}`);
  }
  labels.push(`status:${incident.incident_status.name}`);
  if (incident.mode !== 'standard') {
    labels.push(`mode:${incident.mode}`);
  }
  for (const entry of incident.custom_field_entries ?? []) {
    const kind = entry.custom_field.field_type;
    if (kind === 'single_select' || kind === 'multi_select' || entry.values.some((v) => v.value_catalog_entry)) {
      texts(entry).forEach((t) => labels.push(`${entry.custom_field.name}:${t}`));
    }
  }
  const lead = (incident.incident_role_assignments ?? []).find((a) => a.role.role_type === 'lead' && a.assignee);
  return withoutUndefined<Incident>({
    id: `${SOURCE}:${incident.reference || incident.id}`,
    title: incident.name,
    createdAt,
    ...incidentInstants(createdAt, { startedAt, acknowledgedAt, resolvedAt: firstOf(times, rules.resolved) }),
    severity: incident.severity ? incident.severity.name.toLowerCase() : undefined,
    service: services[0],
    owner: lead?.assignee?.name,
    url: incident.permalink,
    source: SOURCE,
    labels,
    cause: cause(incident, rules),
  });
}

/** Who is on call now: each schedule's current shifts (level 1), the schedule's name as the service name. */
export function mapSchedules(schedules: IoSchedule[], now: Instant): OnCallOwner[] {
  const owners: OnCallOwner[] = [];
  for (const schedule of schedules) {
    for (const shift of schedule.current_shifts ?? []) {
      const start = toInstant(shift.start_at);
      const end = toInstant(shift.end_at);
      if (!shift.user || (start !== undefined && start > now) || (end !== undefined && end <= now)) {
        continue;
      }
      owners.push(
        withoutUndefined<OnCallOwner>({
          service: schedule.name,
          level: 1,
          user: shift.user.name,
          schedule: schedule.name,
          start,
          end,
          source: SOURCE,
        })
      );
    }
  }
  return owners.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.user < b.user ? -1 : 1));
}

/** The schedules the settings name (by name or ID; all when none), and the names no schedule has. */
export function selectSchedules(
  schedules: IoSchedule[],
  wanted: string[]
): { selected: IoSchedule[]; missing: string[] } {
  if (wanted.length === 0) {
    return { selected: schedules, missing: [] };
  }
  const matches = (s: IoSchedule, w: string) => s.id === w || incidentIoName(s.name) === incidentIoName(w);
  return {
    selected: schedules.filter((s) => wanted.some((w) => matches(s, w))),
    missing: wanted.filter((w) => !schedules.some((s) => matches(s, w))),
  };
}
