/**
 * incident.io as a source of incidents (and of who is on call now). Incidents created in the range, newest first,
 * paging stopped at the look-back start; a refresh continues from the last read and asks only for incidents updated
 * since. A list that fails is a notice naming the fix; what could be read still arrives, and so do the other
 * sources' events.
 */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { IncidentIoSettings } from '../../settings/model';
import { resolveIncidentIoSettings, ResolvedIncidentIoSettings } from '../../settings/incidentio';
import { abortError, isAbortError } from '../abort';
import { HttpClient } from '../http';
import { capture, SnapshotStore } from '../lists';
import { toInstant } from '../mapping';
import { EventSource, HealthCheckItem, OnCallResult, SourceNotice, SourceResult } from '../types';
import { IoIncident, IoIncidentList, IoSchedule, IoScheduleList } from './apiTypes';
import { CallContext, IncidentIoClient } from './client';
import { describeError } from './errors';
import { checkHealth } from './health';
import { mapIncident, mapSchedules, selectSchedules } from './mapper';

const DAY_MS = 24 * 3600 * 1000;
/** The API's created_at / updated_at filters take dates: read from a day earlier and filter exactly here. */
const DATE_SLACK_MS = DAY_MS;
/** Schedules a page holds (current shifts come with every page size). */
const SCHEDULE_PAGE_SIZE = 100;

/** What the last read of one account's incidents holds, valid from `since` on. */
export interface IncidentState {
  since: Instant;
  readAt: Instant;
  incidents: Record<string, IoIncident>;
}

export type IncidentIoSnapshots = SnapshotStore<{ state?: IncidentState }>;
export const sharedIncidentIoSnapshots: IncidentIoSnapshots = new SnapshotStore(50);

export interface IncidentIoSourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the plugin.json route incidentio/api hangs below it. */
  proxyUrl: string;
  settings: IncidentIoSettings | undefined;
  now?: () => Instant;
  snapshots?: IncidentIoSnapshots;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  pageSize?: number;
}

/** "2026-02-02": the date of an instant (UTC), as the API's date filters take it. */
export function apiDate(t: Instant): string {
  return new Date(t).toISOString().slice(0, 10);
}

export class IncidentIoSource implements EventSource {
  readonly name = 'incidentio';
  readonly client: IncidentIoClient;
  private readonly now: () => Instant;
  private readonly snapshots: IncidentIoSnapshots;

  constructor(private readonly options: IncidentIoSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.snapshots = options.snapshots ?? sharedIncidentIoSnapshots;
    this.client = new IncidentIoClient({
      http: options.http,
      proxyUrl: options.proxyUrl,
      now: this.now,
      sleep: options.sleep,
    });
  }

  private settings(): ResolvedIncidentIoSettings | string {
    try {
      return resolveIncidentIoSettings(this.options.settings);
    } catch (e) {
      return (e as Error).message;
    }
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    const s = this.settings();
    if (typeof s === 'string') {
      return { events, notices: [{ severity: 'error', text: s }] };
    }
    const call: CallContext = { signal, deadline: this.now() + s.timeoutMs };
    const snapshot = this.snapshots.get(`${this.options.proxyUrl}|${s.modes.join(',')}`);
    const previous = snapshot.state && snapshot.state.since <= range.from ? snapshot.state : undefined;
    const readAt = this.now();
    const oldest = range.from - DATE_SLACK_MS;
    const query: Record<string, string | string[]> = {
      'mode[one_of]': s.modes,
      sort_by: 'created_at_newest_first',
    };
    if (previous) {
      query['updated_at[gte]'] = apiDate(previous.readAt - DATE_SLACK_MS);
    } else {
      query['created_at[gte]'] = apiDate(oldest);
    }
    const incidents: Record<string, IoIncident> = { ...previous?.incidents };
    const read = await capture(
      () => incidents,
      () =>
        this.client.pages<IoIncidentList, IoIncident>(
          '/v2/incidents',
          query,
          (page) => page.incidents,
          (page) => {
            for (const incident of page) {
              if (!previous && (toInstant(incident.created_at) ?? 0) < oldest) {
                return 'stop';
              }
              incidents[incident.id] = incident;
            }
            return 'continue';
          },
          call,
          this.options.pageSize
        )
    );
    if (signal?.aborted) {
      throw abortError();
    }
    const notices: SourceNotice[] = [];
    if (read.error === undefined) {
      const kept: Record<string, IoIncident> = {};
      for (const [id, incident] of Object.entries(incidents)) {
        if ((toInstant(incident.created_at) ?? 0) >= oldest) {
          kept[id] = incident;
        }
      }
      snapshot.state = { since: previous?.since ?? range.from, readAt, incidents: kept };
    } else {
      snapshot.state = undefined;
      notices.push({ severity: 'error', text: describeError('incident.io incidents', read.error, this.now()) });
    }
    const mapped = Object.values(incidents)
      .map((incident) => mapIncident(incident, s))
      .filter((e): e is NonNullable<typeof e> => e !== undefined && e.createdAt >= range.from && e.createdAt < range.to)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    events.incidents.push(...mapped);
    return { events, notices };
  }

  async onCall(signal?: AbortSignal): Promise<OnCallResult> {
    const s = this.settings();
    if (typeof s === 'string') {
      return { owners: [], notices: [{ severity: 'error', text: s }] };
    }
    const call: CallContext = { signal, deadline: this.now() + s.timeoutMs };
    const schedules: IoSchedule[] = [];
    try {
      await this.client.pages<IoScheduleList, IoSchedule>(
        '/v2/schedules',
        {},
        (page) => page.schedules,
        (page) => {
          schedules.push(...page);
          return 'continue';
        },
        call,
        SCHEDULE_PAGE_SIZE
      );
    } catch (e) {
      if (isAbortError(e)) {
        throw e;
      }
      return {
        owners: [],
        notices: [{ severity: 'error', text: describeError('incident.io schedules', e, this.now()) }],
      };
    }
    const { selected, missing } = selectSchedules(schedules, s.schedules);
    const notices: SourceNotice[] = missing.map((name) => ({
      severity: 'warning',
      text: `incident.io schedule "${name}" was not found (no schedule has this name or ID, or the API key cannot read schedules). Fix the schedule list in the data source settings (incident.io section).`,
    }));
    return { owners: mapSchedules(selected, this.now()), notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    const s = this.settings();
    if (typeof s === 'string') {
      return [{ source: this.name, status: 'error', message: s }];
    }
    return checkHealth(this.client, s, { signal, deadline: this.now() + s.timeoutMs }, this.now);
  }
}
