/**
 * Reads the incidents of a created-time range and the log entries that give their first acknowledgement, notes
 * and field changes. PagerDuty limits how far one request may span (6 months for incidents) and how deep offset
 * paging goes (10,000 items): ranges are cut into windows, and a window that hits the paging limit is halved.
 * A refresh continues from the last read (snapshot.ts): new incidents, still-open ones, new log entries.
 */
import { Instant } from '../../engine';
import { CallContext, PagerDutyClient } from './client';
import { IncidentsPage, LogEntriesPage, PdIncident, PdLogEntry } from './apiTypes';
import { IncidentState } from './snapshot';
import { chunkIds } from './services';
import { Urgency } from '../../settings/pagerduty';
import { QueryValue } from '../url';
import { isAbortError } from '../abort';

const DAY_MS = 24 * 3600 * 1000;
/** PagerDuty: "Maximum range is 6 months"; 180 days is within any six calendar months. */
export const MAX_WINDOW_MS = 180 * DAY_MS;
/** A window is not halved below this; what it holds beyond 10,000 items is reported as missing. */
const MIN_WINDOW_MS = 60 * 1000;
/** Re-read a little before the last read's end: PagerDuty's lists settle within seconds. */
export const OVERLAP_MS = 5 * 60 * 1000;
/** Log entry types the mapper uses. */
const KEPT_LOG_TYPES: Record<string, boolean> = {
  acknowledge_log_entry: true,
  annotate_log_entry: true,
  custom_field_value_change_log_entry: true,
  field_value_change_log_entry: true,
};

export interface IncidentQuery {
  /** Service ID groups (undefined: every service, no filter). */
  serviceIds?: string[];
  /** Team IDs for the account-wide log entries ('teams' scope). */
  teamIds?: string[];
  urgencies: Urgency[];
}

export function iso(t: Instant): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** [from, to) cut into windows of at most `max`. */
export function windows(from: Instant, to: Instant, max = MAX_WINDOW_MS): Array<{ from: Instant; to: Instant }> {
  const out: Array<{ from: Instant; to: Instant }> = [];
  for (let start = from; start < to; start += max) {
    out.push({ from: start, to: Math.min(to, start + max) });
  }
  return out;
}

export interface WindowedOutcome {
  /** Windows (ISO) that held more than paging reaches even at the smallest size. */
  truncated: string[];
}

/** Reads a since/until list over [from, to): windows, halving any window that hits the paging limit. */
async function readWindowed<P extends { more?: boolean }, I>(
  client: PagerDutyClient,
  path: string,
  query: Record<string, QueryValue>,
  items: (p: P) => I[],
  onItems: (items: I[]) => void,
  from: Instant,
  to: Instant,
  call: CallContext
): Promise<WindowedOutcome> {
  const truncated: string[] = [];
  const read = async (w: { from: Instant; to: Instant }): Promise<void> => {
    const outcome = await client.pages<P & { offset?: number }, I>(
      path,
      { ...query, since: iso(w.from), until: iso(w.to) },
      items,
      (list) => {
        onItems(list);
        return 'continue';
      },
      call
    );
    if (outcome.capped) {
      if (w.to - w.from <= MIN_WINDOW_MS) {
        truncated.push(`${iso(w.from)}/${iso(w.to)}`);
        return;
      }
      const mid = w.from + Math.floor((w.to - w.from) / 2);
      await Promise.all([read({ from: w.from, to: mid }), read({ from: mid, to: w.to })]);
    }
  };
  await Promise.all(windows(from, to).map(read));
  return { truncated };
}

function incidentQuery(
  q: IncidentQuery,
  extra: Record<string, QueryValue>,
  serviceIds: string[] | undefined
): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {
    ...extra,
    'include[]': ['first_trigger_log_entries'],
    time_zone: 'UTC',
    sort_by: 'created_at:asc',
  };
  if (q.urgencies.length === 1) {
    query['urgencies[]'] = q.urgencies;
  }
  if (serviceIds) {
    query['service_ids[]'] = serviceIds;
  }
  return query;
}

/** A list that could not be read: for which services (undefined: all), and why. */
export interface ReadFailure {
  list: 'incidents' | 'log entries';
  serviceIds?: string[];
  error: unknown;
}

export interface ReadProblems {
  truncated: string[];
  failures: ReadFailure[];
}

/** Runs a read; a cancelled query propagates, any other error becomes a failure of that list. */
async function attempt(
  run: () => Promise<WindowedOutcome>,
  failure: Omit<ReadFailure, 'error'>,
  out: ReadProblems
): Promise<void> {
  try {
    out.truncated.push(...(await run()).truncated);
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    out.failures.push({ ...failure, error });
  }
}

async function readIncidents(
  client: PagerDutyClient,
  q: IncidentQuery,
  extra: Record<string, QueryValue>,
  from: Instant,
  to: Instant,
  into: Record<string, PdIncident>,
  out: ReadProblems,
  call: CallContext
): Promise<void> {
  const groups: Array<string[] | undefined> = q.serviceIds ? chunkIds(q.serviceIds) : [undefined];
  await Promise.all(
    groups.map((ids) =>
      attempt(
        () =>
          readWindowed<IncidentsPage, PdIncident>(
            client,
            '/incidents',
            incidentQuery(q, extra, ids),
            (p) => p.incidents,
            (list) => list.forEach((i) => (into[i.id] = i)),
            from,
            to,
            call
          ),
        { list: 'incidents', serviceIds: ids },
        out
      )
    )
  );
}

async function readLogEntries(
  client: PagerDutyClient,
  q: IncidentQuery,
  from: Instant,
  to: Instant,
  into: Record<string, PdLogEntry>,
  out: ReadProblems,
  call: CallContext
): Promise<void> {
  const query: Record<string, QueryValue> = { is_overview: true, time_zone: 'UTC' };
  if (q.teamIds && q.teamIds.length > 0) {
    query['team_ids[]'] = q.teamIds;
  }
  await attempt(
    () =>
      readWindowed<LogEntriesPage, PdLogEntry>(
        client,
        '/log_entries',
        query,
        (p) => p.log_entries,
        (list) => {
          for (const entry of list) {
            if (KEPT_LOG_TYPES[entry.type]) {
              into[entry.id] = entry;
            }
          }
        },
        from,
        to,
        call
      ),
    { list: 'log entries' },
    out
  );
}

export interface ReadResult extends ReadProblems {
  state: IncidentState;
}

/**
 * Incidents created in [since, until) with their log entries, continuing `previous` when it covers `since` for
 * the same query: then only new incidents, open ones and new log entries are read. With failures, the state holds
 * what was read and must not be kept.
 */
export async function readIncidentState(
  client: PagerDutyClient,
  q: IncidentQuery,
  key: string,
  since: Instant,
  until: Instant,
  previous: IncidentState | undefined,
  call: CallContext
): Promise<ReadResult> {
  const continuing = previous && previous.key === key && previous.since <= since ? previous : undefined;
  const incidents: Record<string, PdIncident> = {};
  const logEntries: Record<string, PdLogEntry> = {};
  const out: ReadProblems = { truncated: [], failures: [] };
  const state: IncidentState = { key, since, readUntil: until, incidents, logEntries };
  if (!continuing) {
    await Promise.all([
      readIncidents(client, q, {}, since, until, incidents, out, call),
      readLogEntries(client, q, since, until, logEntries, out, call),
    ]);
    return { state, ...out };
  }
  for (const [id, incident] of Object.entries(continuing.incidents)) {
    if (Date.parse(incident.created_at) >= since) {
      incidents[id] = incident;
    }
  }
  for (const [id, entry] of Object.entries(continuing.logEntries)) {
    if (Date.parse(entry.created_at) >= since) {
      logEntries[id] = entry;
    }
  }
  const newFrom = Math.max(since, continuing.readUntil - OVERLAP_MS);
  const wasOpen = Object.values(incidents).filter((i) => i.status !== 'resolved');
  const open: Record<string, PdIncident> = {};
  await Promise.all([
    readIncidents(client, q, {}, newFrom, until, incidents, out, call),
    // Still-open incidents, whenever created: they may have been acknowledged or resolved since.
    wasOpen.length > 0
      ? readIncidents(client, q, { 'statuses[]': ['triggered', 'acknowledged'] }, since, until, open, out, call)
      : Promise.resolve(),
    readLogEntries(client, q, newFrom, until, logEntries, out, call),
  ]);
  Object.assign(incidents, open);
  // Open at the last read, open no longer and not re-read as new: resolved since; read each (few).
  const settled = out.failures.length > 0 ? [] : wasOpen.filter((i) => !open[i.id] && incidents[i.id] === i);
  await Promise.all(
    settled.map((i) =>
      attempt(
        async () => {
          const answer = await client.get<{ incident: PdIncident }>(
            `/incidents/${encodeURIComponent(i.id)}`,
            { 'include[]': ['first_trigger_log_entries'], time_zone: 'UTC' },
            call
          );
          incidents[i.id] = answer.incident;
          return { truncated: [] };
        },
        { list: 'incidents', serviceIds: [i.service.id] },
        out
      )
    )
  );
  return { state, ...out };
}
