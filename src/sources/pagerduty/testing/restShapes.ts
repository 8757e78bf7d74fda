/**
 * Answers of the fake PagerDuty, built from the response examples in PagerDuty's OpenAPI description
 * (openapi-examples.json) with the world's values put in. fixtures.test.ts validates them against the schemas of
 * their operations (openapi-excerpt.json), so the fake cannot drift from PagerDuty's documented shapes.
 */
import examples from './openapi-examples.json';
import { FakeIncident, FakeLogEntry, FakeOncall, FakeService, FakeTeam, PagerDutyWorld } from './world';

const API = 'https://api.pagerduty.com';
const WEB = 'https://acme.pagerduty.com';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function ref(kind: string, id: string, summary: string, path: string, web?: string) {
  return {
    id,
    type: `${kind}_reference`,
    summary,
    self: `${API}/${path}/${id}`,
    html_url: `${WEB}/${web ?? path}/${id}`,
  };
}

export function teamRef(world: PagerDutyWorld, id: string) {
  return ref('team', id, world.teams.find((t) => t.id === id)?.name ?? id, 'teams');
}

export function serviceRef(world: PagerDutyWorld, id: string) {
  return ref('service', id, world.services.find((s) => s.id === id)?.name ?? id, 'services', 'service-directory');
}

function userRef(name: string) {
  const id = `U${name.replace(/\W/g, '').toUpperCase().slice(0, 6)}`;
  return ref('user', id, name, 'users');
}

export function logEntryJson(world: PagerDutyWorld, entry: FakeLogEntry) {
  const base = clone(examples.log_entries.log_entries[0]) as Record<string, unknown>;
  const incident = world.incidents.find((i) => i.id === entry.incidentId);
  const out: Record<string, unknown> = {
    ...base,
    id: entry.id,
    type: entry.type,
    summary: entry.type.replace(/_log_entry$/, '').replace(/_/g, ' '),
    self: `${API}/log_entries/${entry.id}?incident_id=${entry.incidentId}`,
    html_url: `${WEB}/incidents/${entry.incidentId}/log_entries/${entry.id}`,
    created_at: entry.createdAt,
    agent: entry.agent ? userRef(entry.agent) : serviceRef(world, incident?.serviceId ?? ''),
    channel: { type: entry.agent ? 'website' : 'api' },
    incident: { ...ref('incident', entry.incidentId, incident?.title ?? '', 'incidents') },
    teams: (incident?.teamIds ?? []).map((t) => teamRef(world, t)),
  };
  if (entry.type === 'annotate_log_entry') {
    out.channel = { type: 'note', summary: entry.note ?? '' };
  }
  if (entry.type === 'custom_field_value_change_log_entry') {
    out.channel = {
      type: 'web_trigger',
      changeset: {
        customer_fields: (entry.fields ?? []).map((f, i) => ({
          id: `F${i}`,
          name: f.name,
          value: f.value,
          namespace: 'incidents',
          old_value: null,
        })),
      },
    };
  }
  return out;
}

function triggerEntryJson(world: PagerDutyWorld, incident: FakeIncident) {
  const entry = logEntryJson(world, {
    id: `T${incident.id}`,
    type: 'trigger_log_entry',
    createdAt: incident.createdAt,
    incidentId: incident.id,
  });
  if (incident.details) {
    entry.channel = {
      type: 'api',
      summary: incident.title,
      description: incident.title,
      details: incident.details,
      cef_details: { details: incident.details, message: incident.title },
    };
  }
  return entry;
}

export function incidentJson(world: PagerDutyWorld, incident: FakeIncident, includeTrigger: boolean) {
  const base = clone(examples.incidents.incidents[0]) as Record<string, unknown>;
  const service = world.services.find((s) => s.id === incident.serviceId);
  const lastChange = incident.resolvedAt ?? incident.acknowledgedAt ?? incident.createdAt;
  return {
    ...base,
    id: incident.id,
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${API}/incidents/${incident.id}`,
    html_url: `${WEB}/incidents/${incident.id}`,
    incident_number: incident.number,
    title: incident.title,
    created_at: incident.createdAt,
    updated_at: lastChange,
    status: incident.status,
    incident_key: `key-${incident.id}`,
    service: serviceRef(world, incident.serviceId),
    assignments:
      incident.status === 'resolved'
        ? []
        : incident.assignees.map((a) => ({ at: incident.createdAt, assignee: userRef(a) })),
    last_status_change_at: lastChange,
    // The description's own example sends null here; a string when resolved.
    resolved_at: incident.resolvedAt ?? undefined,
    first_trigger_log_entry: includeTrigger
      ? triggerEntryJson(world, incident)
      : ref('trigger_log_entry', `T${incident.id}`, 'Triggered through the API', 'log_entries'),
    escalation_policy: ref(
      'escalation_policy',
      service?.policyId ?? 'P0',
      service?.policyName ?? '',
      'escalation_policies'
    ),
    teams: incident.teamIds.map((t) => teamRef(world, t)),
    acknowledgements:
      incident.status === 'acknowledged' && incident.acknowledgedAt
        ? [{ at: incident.acknowledgedAt, acknowledger: userRef(incident.acknowledgedBy ?? 'Someone') }]
        : [],
    alert_grouping: undefined,
    resolve_reason: undefined,
    priority: incident.priority
      ? {
          id: `PR${incident.priority}`,
          type: 'priority_reference',
          summary: incident.priority,
          self: `${API}/priorities/PR${incident.priority}`,
        }
      : null,
    urgency: incident.urgency,
  };
}

export function serviceJson(world: PagerDutyWorld, service: FakeService) {
  const base = clone(examples.services.services[0]) as Record<string, unknown>;
  return {
    ...base,
    id: service.id,
    summary: service.name,
    name: service.name,
    self: `${API}/services/${service.id}`,
    html_url: `${WEB}/service-directory/${service.id}`,
    escalation_policy: ref('escalation_policy', service.policyId, service.policyName, 'escalation_policies'),
    teams: service.teamIds.map((t) => teamRef(world, t)),
    // The description's time format wants a zone the example leaves out; not read by the source.
    support_hours: undefined,
    alert_grouping_parameters: undefined,
  };
}

export function teamJson(team: FakeTeam) {
  const base = clone(examples.teams.teams[0]) as Record<string, unknown>;
  return {
    ...base,
    id: team.id,
    summary: team.name,
    name: team.name,
    self: `${API}/teams/${team.id}`,
    html_url: `${WEB}/teams/${team.id}`,
  };
}

export function oncallJson(oncall: FakeOncall) {
  const base = clone(examples.oncalls.oncalls[0]) as Record<string, unknown>;
  return {
    ...base,
    user: userRef(oncall.user),
    schedule: oncall.schedule ? ref('schedule', `S${oncall.schedule.length}`, oncall.schedule, 'schedules') : undefined,
    escalation_policy: ref('escalation_policy', oncall.policyId, oncall.policyName, 'escalation_policies'),
    escalation_level: oncall.level,
    start: oncall.start ?? null,
    end: oncall.end ?? null,
  };
}

export function abilitiesJson(world: PagerDutyWorld) {
  return { ...clone(examples.abilities), abilities: world.abilities.slice() };
}
