/**
 * PagerDuty as a source of incidents (and of who is on call now). The configured services' incidents of the range,
 * with first acknowledgement, resolution, urgency, priority, teams, assignees and explicit causes. A list that
 * fails is a notice naming its services; what could be read still arrives, and so do the other sources' events.
 */
import { emptyEvents, Instant, MINUTE_MS, TimeRange } from '../../engine';
import { PagerDutySettings } from '../../settings/model';
import { abortError, isAbortError } from '../abort';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, OnCallResult, SourceNotice, SourceResult } from '../types';
import { CallContext, PagerDutyClient } from './client';
import { describeError } from './errors';
import { IncidentQuery, ReadFailure, readIncidentState } from './fetchIncidents';
import { checkHealth } from './health';
import { foldLogEntries, mapIncident, mapOnCalls } from './mapper';
import { readServices, serviceListKey, SERVICE_LIST_TTL_MS } from './services';
import { resolvePagerDutySettings, ResolvedPagerDutySettings } from '../../settings/pagerduty';
import { PagerDutySnapshot, ServiceListState, sharedSnapshots, SnapshotStore } from './snapshot';
import { readOnCalls } from './onCall';

export interface PagerDutySourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the plugin.json route pagerduty/api hangs below it. */
  proxyUrl: string;
  settings: PagerDutySettings | undefined;
  now?: () => Instant;
  /** For tests and the bench; default: module-level, so it outlives a refresh. */
  snapshots?: SnapshotStore;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  concurrency?: number;
}

export class PagerDutySource implements EventSource {
  readonly name = 'pagerduty';
  readonly client: PagerDutyClient;
  private readonly now: () => Instant;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: PagerDutySourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.snapshots = options.snapshots ?? sharedSnapshots;
    this.client = new PagerDutyClient({
      http: options.http,
      proxyUrl: options.proxyUrl,
      sleep: options.sleep,
      now: this.now,
      concurrency: options.concurrency,
    });
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    let settings: ResolvedPagerDutySettings;
    try {
      settings = resolvePagerDutySettings(this.options.settings);
    } catch (e) {
      return { events, notices: [{ severity: 'error', text: `PagerDuty: ${(e as Error).message}` }] };
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const snapshot = this.snapshots.get(`${this.options.proxyUrl}|${settings.apiUrl}`);
    const notices: SourceNotice[] = [];
    const list = await this.services(settings, snapshot, call, notices);
    if (!list) {
      return { events, notices };
    }
    if (settings.scope !== 'all' && list.services.length === 0) {
      return { events, notices };
    }
    const names: Record<string, string> = {};
    list.services.forEach((s) => (names[s.id] = s.name));
    const query: IncidentQuery = {
      serviceIds: settings.scope === 'all' ? undefined : list.services.map((s) => s.id),
      urgencies: settings.urgencies,
    };
    // Whole minutes, so that panels of one refresh ask the same URLs.
    const until = Math.ceil(Math.min(range.to, this.now()) / MINUTE_MS) * MINUTE_MS;
    const key = `${list.key}|${settings.urgencies.join(',')}`;
    const read = await readIncidentState(this.client, query, key, range.from, until, snapshot.incidents, call);
    if (signal?.aborted) {
      throw abortError();
    }
    if (read.failures.length === 0) {
      snapshot.incidents = read.state;
    } else {
      snapshot.incidents = undefined;
      notices.push(...read.failures.map((f) => this.failureNotice(f, names)));
    }
    if (read.truncated.length > 0) {
      notices.push({
        severity: 'warning',
        text: `PagerDuty: more than 10,000 incidents or log entries within one minute (${read.truncated.join(', ')}); some are missing. Narrow the services read.`,
      });
    }
    const logs = foldLogEntries(Object.values(read.state.logEntries));
    const rules = {
      urgencies: settings.urgencies,
      priorities: settings.priorities,
      severityFrom: settings.severityFrom,
    };
    const incidents = Object.values(read.state.incidents).sort(
      (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : 1)
    );
    for (const incident of incidents) {
      const event = mapIncident(incident, logs[incident.id], rules);
      if (event && event.createdAt >= range.from && event.createdAt < range.to) {
        events.incidents.push(event);
      }
    }
    return { events, notices };
  }

  async onCall(signal?: AbortSignal): Promise<OnCallResult> {
    let settings: ResolvedPagerDutySettings;
    try {
      settings = resolvePagerDutySettings(this.options.settings);
    } catch (e) {
      return { owners: [], notices: [{ severity: 'error', text: `PagerDuty: ${(e as Error).message}` }] };
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const snapshot = this.snapshots.get(`${this.options.proxyUrl}|${settings.apiUrl}`);
    const notices: SourceNotice[] = [];
    const list = await this.services(settings, snapshot, call, notices);
    if (!list) {
      return { owners: [], notices };
    }
    const { oncalls, failures } = await readOnCalls(this.client, list.services, call);
    for (const failure of failures) {
      const services = list.services.filter((s) => failure.policyIds.indexOf(s.escalation_policy?.id ?? '') >= 0);
      notices.push({
        severity: 'error',
        text: describeError(
          `PagerDuty on-call of ${services.map((s) => s.name).join(', ') || 'the services'}`,
          failure.error,
          this.now()
        ),
      });
    }
    return { owners: mapOnCalls(list.services, oncalls), notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let settings: ResolvedPagerDutySettings;
    try {
      settings = resolvePagerDutySettings(this.options.settings);
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    return checkHealth(this.client, settings, { signal, deadline: this.now() + settings.timeoutMs }, this.now);
  }

  /** The selected services (kept a few minutes); undefined when they cannot be read (a notice says why). */
  private async services(
    settings: ResolvedPagerDutySettings,
    snapshot: PagerDutySnapshot,
    call: CallContext,
    notices: SourceNotice[]
  ): Promise<ServiceListState | undefined> {
    const now = this.now();
    let list = snapshot.services;
    if (!list || list.key !== serviceListKey(settings) || now - list.readAt > SERVICE_LIST_TTL_MS) {
      try {
        list = await readServices(this.client, settings, call, now);
        snapshot.services = list;
      } catch (e) {
        if (isAbortError(e)) {
          throw e;
        }
        snapshot.services = undefined;
        const what = settings.scope === 'teams' ? 'teams and their services' : 'services';
        notices.push({ severity: 'error', text: describeError(`PagerDuty ${what}`, e, now) });
        return undefined;
      }
    }
    for (const missing of list.missing) {
      const kind = settings.scope === 'teams' ? 'team' : 'service';
      notices.push({
        severity: 'warning',
        text: `PagerDuty ${kind} "${missing}" was not found (no ${kind} has this ID or name, or the API key cannot see it). Fix the ${kind} list in the data source settings (PagerDuty section).`,
      });
    }
    if (settings.scope !== 'all' && list.services.length === 0 && list.missing.length === 0) {
      notices.push({
        severity: 'warning',
        text: `PagerDuty: the teams ${settings.teams.join(', ')} have no services. Add the teams' services in PagerDuty or list services instead.`,
      });
    }
    return list;
  }

  private failureNotice(failure: ReadFailure, names: Record<string, string>): SourceNotice {
    const services = failure.serviceIds?.map((id) => names[id] ?? id);
    const subject = services
      ? `PagerDuty ${failure.list} of ${services.length === 1 ? 'service' : 'services'} ${services.join(', ')}`
      : `PagerDuty ${failure.list}`;
    const partial = failure.list === 'log entries' ? ' (acknowledgements and notes are missing)' : '';
    return { severity: 'error', text: `${describeError(subject, failure.error, this.now())}${partial}` };
  }
}
