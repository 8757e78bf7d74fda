/**
 * Pure mapping from PagerDuty answers to events: incidents (with the first acknowledgement, notes and field changes
 * folded from log entries) and current on-call owners. No I/O; the source fetches, this maps.
 */
import { Incident, IncidentCause, Instant } from '../../engine';
import { causeFieldKind, causeFromFields, causeFromText } from '../incidentCause';
import { incidentInstants } from '../mapping';
import { OnCallOwner } from '../types';
import { PdIncident, PdLogEntry, PdOncall, PdService, Reference } from './apiTypes';
import { Urgency } from '../../settings/pagerduty';

export const SOURCE = 'pagerduty';

/** What the log entries of one incident add to it. */
export interface IncidentLog {
  /** Earliest acknowledgement (epoch ms). */
  firstAckAt?: Instant;
  /** Who acknowledged (names, in order). */
  acknowledgers: string[];
  /** Note texts (annotate log entries), oldest first. */
  notes: string[];
  /** Custom field values set on the incident (latest wins). */
  fields: Record<string, unknown>;
}

export interface MapRules {
  urgencies: Urgency[];
  /** Lower-cased priority names that count; empty: all. */
  priorities: string[];
  severityFrom: 'priority' | 'urgency';
}

export function toInstant(iso: string | null | undefined): Instant | undefined {
  if (typeof iso !== 'string' || iso === '') {
    return undefined;
  }
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

export function incidentEventId(id: string): string {
  return `${SOURCE}:${id}`;
}

function name(ref: Reference | null | undefined): string | undefined {
  const text = ref?.summary ?? (ref as { name?: string } | undefined)?.name;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

function emptyLog(): IncidentLog {
  return { acknowledgers: [], notes: [], fields: {} };
}

/** Folds log entries (any order, any incidents) into what each incident's log says, by incident id. */
export function foldLogEntries(
  entries: PdLogEntry[],
  into: Record<string, IncidentLog> = {}
): Record<string, IncidentLog> {
  const sorted = entries.slice().sort((a, b) => (toInstant(a.created_at) ?? 0) - (toInstant(b.created_at) ?? 0));
  for (const entry of sorted) {
    const incidentId = entry.incident?.id;
    const at = toInstant(entry.created_at);
    if (!incidentId || at === undefined) {
      continue;
    }
    const log = into[incidentId] ?? (into[incidentId] = emptyLog());
    switch (entry.type) {
      case 'acknowledge_log_entry': {
        log.firstAckAt = log.firstAckAt === undefined ? at : Math.min(log.firstAckAt, at);
        const who = name(entry.agent);
        if (who && log.acknowledgers.indexOf(who) < 0) {
          log.acknowledgers.push(who);
        }
        break;
      }
      case 'annotate_log_entry': {
        const text = entry.channel?.summary ?? entry.note;
        if (typeof text === 'string' && text !== '') {
          log.notes.push(text);
        }
        break;
      }
      case 'custom_field_value_change_log_entry':
      case 'field_value_change_log_entry':
        for (const field of entry.channel?.changeset?.customer_fields ?? []) {
          if (typeof field.name === 'string') {
            // Text fields arrive as one-element arrays.
            const v = field.value;
            log.fields[field.name] = Array.isArray(v) && v.length === 1 ? v[0] : v;
          }
        }
        break;
      default:
        break;
    }
  }
  return into;
}

/** The custom details the incident's first trigger carried (Events API v2 cef_details.details, or details). */
export function customDetails(incident: PdIncident): Record<string, unknown> {
  const trigger = incident.first_trigger_log_entry as PdLogEntry | undefined;
  const channel = trigger?.channel;
  const details = channel?.cef_details?.details ?? channel?.details;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    return details as Record<string, unknown>;
  }
  return {};
}

const IMPACT_KEYS = /^(impact[\s_-]?start(ed)?(_at)?|started[\s_-]?at|impact[\s_-]?began)$/i;

function impactStart(details: Record<string, unknown>, fields: Record<string, unknown>): Instant | undefined {
  for (const source of [fields, details]) {
    for (const [key, value] of Object.entries(source)) {
      if (IMPACT_KEYS.test(key) && typeof value === 'string') {
        const t = toInstant(value);
        if (t !== undefined) {
          return t;
        }
      }
    }
  }
  return undefined;
}

/** The explicit cause: custom fields first, then the trigger's custom details, then notes ("caused by ..."). */
export function incidentCause(incident: PdIncident, log: IncidentLog | undefined): IncidentCause | undefined {
  const fromFields = causeFromFields(log?.fields ?? {});
  if (fromFields) {
    return fromFields;
  }
  const details = customDetails(incident);
  const fromDetails = causeFromFields(details);
  if (fromDetails) {
    return fromDetails;
  }
  for (const note of log?.notes ?? []) {
    const cause = causeFromText(note);
    if (cause) {
      const repo = Object.keys(details).find((k) => causeFieldKind(k) === 'repo');
      return repo && typeof details[repo] === 'string' && !cause.repo
        ? { ...cause, repo: details[repo] as string }
        : cause;
    }
  }
  return undefined;
}

function priorityName(incident: PdIncident): string | undefined {
  return name(incident.priority ?? undefined);
}

/** Whether the incident counts under the urgency and priority settings. */
export function counts(incident: PdIncident, rules: MapRules): boolean {
  if (incident.urgency && rules.urgencies.indexOf(incident.urgency) < 0) {
    return false;
  }
  if (rules.priorities.length > 0) {
    const priority = priorityName(incident);
    return priority !== undefined && rules.priorities.indexOf(priority.toLowerCase()) >= 0;
  }
  return true;
}

/** One PagerDuty incident as an Incident event; undefined when the settings leave it out. */
export function mapIncident(incident: PdIncident, log: IncidentLog | undefined, rules: MapRules): Incident | undefined {
  const createdAt = toInstant(incident.created_at);
  if (createdAt === undefined || !counts(incident, rules)) {
    return undefined;
  }
  const details = customDetails(incident);
  const priority = priorityName(incident);
  const acks = (incident.acknowledgements ?? [])
    .map((a) => toInstant(a.at))
    .filter((t): t is number => t !== undefined);
  if (log?.firstAckAt !== undefined) {
    acks.push(log.firstAckAt);
  }
  const acknowledgedAt = acks.length > 0 ? Math.min(...acks) : undefined;
  const resolvedAt =
    toInstant(incident.resolved_at) ??
    (incident.status === 'resolved' ? toInstant(incident.last_status_change_at) : undefined);
  const labels: string[] = [];
  if (incident.urgency) {
    labels.push(`urgency:${incident.urgency}`);
  }
  if (priority) {
    labels.push(`priority:${priority}`);
  }
  for (const team of incident.teams ?? []) {
    const t = name(team);
    if (t) {
      labels.push(`team:${t}`);
    }
  }
  const type = incident.incident_type?.name;
  if (type && type !== 'incident_default') {
    labels.push(`type:${type}`);
  }
  const assigned = (incident.assignments ?? []).map((a) => name(a.assignee)).filter((n): n is string => !!n);
  const assignees = assigned.length > 0 ? assigned : (log?.acknowledgers ?? []);
  const severity = rules.severityFrom === 'priority' && priority ? priority.toLowerCase() : incident.urgency;
  const event: Incident = {
    id: incidentEventId(incident.id),
    service: name(incident.service) ?? incident.service.id,
    title: incident.title ?? name(incident) ?? undefined,
    createdAt,
    source: SOURCE,
  };
  const startedAt = impactStart(details, log?.fields ?? {});
  Object.assign(event, incidentInstants(createdAt, { startedAt, acknowledgedAt, resolvedAt }));
  if (severity) {
    event.severity = severity;
  }
  if (incident.html_url) {
    event.url = incident.html_url;
  }
  if (assignees.length > 0) {
    // Who owns it now: the first current assignee (after resolution PagerDuty keeps none: the acknowledger).
    event.owner = assignees[0];
  }
  for (const person of assignees) {
    labels.push(`assignee:${person}`);
  }
  if (labels.length > 0) {
    event.labels = labels;
  }
  const cause = incidentCause(incident, log);
  if (cause) {
    event.cause = cause;
  }
  return event;
}

/**
 * Current on-call owners per service: each service's escalation policy's on-calls, every level, lowest first.
 * A service whose policy has nobody on call gets no row.
 */
export function mapOnCalls(services: PdService[], oncalls: PdOncall[]): OnCallOwner[] {
  const byPolicy = new Map<string, PdOncall[]>();
  for (const oncall of oncalls) {
    const id = oncall.escalation_policy?.id;
    if (id) {
      const list = byPolicy.get(id) ?? [];
      list.push(oncall);
      byPolicy.set(id, list);
    }
  }
  const owners: OnCallOwner[] = [];
  for (const service of services) {
    const policy = service.escalation_policy;
    const list = policy ? (byPolicy.get(policy.id) ?? []) : [];
    const seen: Record<string, boolean> = {};
    for (const oncall of list.slice().sort((a, b) => (a.escalation_level ?? 1) - (b.escalation_level ?? 1))) {
      const user = name(oncall.user) ?? oncall.user.id;
      const level = oncall.escalation_level ?? 1;
      const key = `${level}|${user}`;
      if (seen[key]) {
        continue; // one person on two schedules of the same level
      }
      seen[key] = true;
      const owner: OnCallOwner = { service: service.name, level, user, source: SOURCE };
      const policyName = name(policy);
      if (policyName) {
        owner.escalationPolicy = policyName;
      }
      if (oncall.user.html_url) {
        owner.userUrl = oncall.user.html_url;
      }
      const schedule = name(oncall.schedule ?? undefined);
      if (schedule) {
        owner.schedule = schedule;
      }
      const start = toInstant(oncall.start);
      const end = toInstant(oncall.end);
      if (start !== undefined) {
        owner.start = start;
      }
      if (end !== undefined) {
        owner.end = end;
      }
      owners.push(owner);
    }
  }
  return owners;
}
