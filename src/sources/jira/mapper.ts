/**
 * Pure mapping from Jira issues to Incident events, by the field mapping of the settings: service (components,
 * "service:" labels or a custom field), severity (priority or a custom field), impact start, acknowledgement and
 * resolution (resolution date, a custom date or time-to-restore field, or status times from the changelog), the owner
 * (the assignee), and an explicit cause (a cause field, fields named by the convention, issue links whose type says
 * "cause").
 */
import { Incident, IncidentCause, Instant } from '../../engine';
import { causeFieldKind, causeFromFields, causeFromTarget } from '../incidentCause';
import { incidentInstants } from '../mapping';
import { JiraIssue, JiraNamed, JiraUser } from './apiTypes';
import { ResolvedJiraSettings } from '../../settings/jira';

export const SOURCE = 'jira';
const MIN = 60 * 1000;

export function toInstant(value: unknown): Instant | undefined {
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  // Jira writes "2026-02-03T10:00:00.000+0000": a zone without a colon, which Date.parse reads in every engine
  // only once normalised.
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return isNaN(t) ? undefined : t;
}

/** A text, a select option ({value}), a named object ({name}) or the first of a list of those. */
export function fieldText(value: unknown): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  if (typeof one === 'string') {
    return one.trim() || undefined;
  }
  if (typeof one === 'number') {
    return String(one);
  }
  if (one && typeof one === 'object') {
    const named = one as JiraNamed;
    return named.value ?? named.name ?? named.key ?? undefined;
  }
  return undefined;
}

/**
 * An instant from a date-time field, or the stop of the first completed cycle of a Jira Service Management SLA
 * field ("Time to resolution", "Time to first response").
 */
function fieldInstant(value: unknown): Instant | undefined {
  if (typeof value === 'string') {
    return toInstant(value);
  }
  if (value && typeof value === 'object') {
    const cycles = (value as { completedCycles?: Array<{ stopTime?: { epochMillis?: number; iso8601?: string } }> })
      .completedCycles;
    const stop = cycles?.[0]?.stopTime;
    if (stop) {
      return typeof stop.epochMillis === 'number' ? stop.epochMillis : toInstant(stop.iso8601);
    }
  }
  return undefined;
}

function service(issue: JiraIssue, s: ResolvedJiraSettings): string | undefined {
  if (s.service === 'components') {
    return fieldText(issue.fields.components);
  }
  if (s.service === 'labels') {
    for (const label of issue.fields.labels ?? []) {
      const m = /^service[:=](.+)$/i.exec(label);
      if (m) {
        return m[1];
      }
    }
    return undefined;
  }
  return fieldText(issue.fields[s.service.field]);
}

/** Status times from the changelog: the first move out of the first status, the last move into a done status. */
function statusTimes(issue: JiraIssue): { firstMove?: Instant; lastDone?: Instant } {
  const histories = (issue.changelog?.histories ?? [])
    .map((h) => ({ at: toInstant(h.created), items: h.items ?? [] }))
    .filter((h): h is { at: number; items: NonNullable<typeof h.items> } => h.at !== undefined)
    .sort((a, b) => a.at - b.at);
  let firstMove: Instant | undefined;
  let lastDone: Instant | undefined;
  const current = issue.fields.status?.name;
  const done = issue.fields.status?.statusCategory?.key === 'done';
  for (const h of histories) {
    for (const item of h.items) {
      if (item.field !== 'status' && item.fieldId !== 'status') {
        continue;
      }
      firstMove = firstMove ?? h.at;
      if (done && item.toString === current) {
        lastDone = h.at;
      }
    }
  }
  return { firstMove, lastDone };
}

function cause(issue: JiraIssue, s: ResolvedJiraSettings): IncidentCause | undefined {
  const f = issue.fields;
  if (s.causeField) {
    const value = f[s.causeField];
    const text = fieldText(value);
    const fromField = text !== undefined ? (causeFromFields({ cause: text }) ?? causeFromTarget(text)) : undefined;
    if (fromField) {
      return fromField;
    }
  }
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if (causeFieldKind(key) !== undefined) {
      named[key] = fieldText(value);
    }
  }
  const fromNames = causeFromFields(named);
  if (fromNames) {
    return fromNames;
  }
  for (const link of f.issuelinks ?? []) {
    const type = link.type;
    const inwardCause = link.inwardIssue && /cause/i.test(type?.inward ?? '');
    const outwardCause = link.outwardIssue && /cause/i.test(type?.outward ?? '');
    const other = inwardCause ? link.inwardIssue : outwardCause ? link.outwardIssue : undefined;
    const summary = other?.fields?.summary;
    const fromLink = summary ? causeFromTarget(summary) : undefined;
    if (fromLink) {
      return fromLink;
    }
  }
  return undefined;
}

/**
 * The assignee as people know them: the display name, else (Data Center) the username. Cloud's accountId alone is an
 * opaque id nobody recognises in a table, so an assignee with nothing else names no owner.
 */
export function assigneeName(user: JiraUser | null | undefined): string | undefined {
  return user?.displayName?.trim() || user?.name?.trim() || undefined;
}

export function issueUrl(site: string, key: string): string {
  return `${site}/browse/${encodeURIComponent(key)}`;
}

export function mapIssue(issue: JiraIssue, s: ResolvedJiraSettings): Incident | undefined {
  const f = issue.fields;
  const createdAt = toInstant(f.created);
  if (createdAt === undefined) {
    return undefined;
  }
  const times = s.changelog ? statusTimes(issue) : {};
  const startedAt = s.impactStartField ? fieldInstant(f[s.impactStartField]) : undefined;
  let resolvedAt: Instant | undefined;
  if (s.resolvedField === 'resolutiondate') {
    resolvedAt = toInstant(f.resolutiondate ?? undefined);
  } else if (s.resolvedField === 'status') {
    resolvedAt = times.lastDone;
  } else {
    const value = f[s.resolvedField];
    // A number is a time to restore in minutes, from impact start (else creation).
    resolvedAt = typeof value === 'number' && value >= 0 ? (startedAt ?? createdAt) + value * MIN : fieldInstant(value);
  }
  const acknowledgedAt =
    s.acknowledgedField === 'status'
      ? times.firstMove
      : s.acknowledgedField
        ? fieldInstant(f[s.acknowledgedField])
        : undefined;
  const severity = s.severityField === 'priority' ? f.priority?.name : fieldText(f[s.severityField]);
  const labels = (f.labels ?? []).slice();
  if (f.priority?.name) {
    labels.push(`priority:${f.priority.name}`);
  }
  for (const c of f.components ?? []) {
    if (c.name) {
      labels.push(`component:${c.name}`);
    }
  }
  if (f.status?.name) {
    labels.push(`status:${f.status.name}`);
  }
  const event: Incident = {
    id: `${SOURCE}:${issue.key}`,
    title: f.summary,
    createdAt,
    source: SOURCE,
    url: issueUrl(s.url, issue.key),
  };
  const name = service(issue, s);
  if (name) {
    event.service = name;
  }
  Object.assign(event, incidentInstants(createdAt, { startedAt, acknowledgedAt, resolvedAt }));
  if (severity) {
    event.severity = severity.toLowerCase();
  }
  const owner = assigneeName(f.assignee);
  if (owner) {
    event.owner = owner;
  }
  if (labels.length > 0) {
    event.labels = labels;
  }
  const c = cause(issue, s);
  if (c) {
    event.cause = c;
  }
  if (event.title === undefined) {
    delete event.title;
  }
  return event;
}
