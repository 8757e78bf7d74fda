/**
 * Jira (Cloud or Data Center) as a source of incidents: the issues the JQL selects, created in the range, mapped by
 * the field mapping of the settings. A refresh continues from the last read: it asks only for issues updated since
 * (one request when nothing changed). Errors are notices naming the query and the fix.
 */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { JiraSettings } from '../../settings/model';
import { abortError, isAbortError } from '../abort';
import { BoundedMap } from '../boundedMap';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, SourceResult } from '../types';
import { JiraIssue } from './apiTypes';
import { CallContext, JiraClient } from './client';
import { describeError } from './errors';
import { checkHealth } from './health';
import { mapIssue, toInstant } from './mapper';
import { resolveJiraSettings, ResolvedJiraSettings, searchFields } from '../../settings/jira';

const DAY_MS = 24 * 3600 * 1000;
/** JQL dates are read in the account's time zone: widen by a day and filter exactly here. */
const ZONE_SLACK_MS = DAY_MS;

export interface IssueState {
  key: string;
  since: Instant;
  readAt: Instant;
  issues: Record<string, JiraIssue>;
}

export class JiraSnapshots {
  private readonly states = new BoundedMap<string, IssueState>(50);
  get(key: string): IssueState | undefined {
    return this.states.touch(key);
  }
  set(key: string, state: IssueState | undefined): void {
    if (state) {
      this.states.set(key, state);
    } else {
      this.states.delete(key);
    }
  }
  clear(): void {
    this.states.clear();
  }
}

export const sharedJiraSnapshots = new JiraSnapshots();

export interface JiraSourceOptions {
  http: HttpClient;
  proxyUrl: string;
  settings: JiraSettings | undefined;
  now?: () => Instant;
  snapshots?: JiraSnapshots;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** "yyyy-MM-dd" of an instant (UTC), as JQL takes dates. */
export function jqlDate(t: Instant): string {
  return new Date(t).toISOString().slice(0, 10);
}

export class JiraSource implements EventSource {
  readonly name = 'jira';
  private readonly now: () => Instant;
  private readonly snapshots: JiraSnapshots;
  private clientFor?: JiraClient;

  constructor(private readonly options: JiraSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.snapshots = options.snapshots ?? sharedJiraSnapshots;
  }

  get client(): JiraClient | undefined {
    return this.clientFor;
  }

  private makeClient(s: ResolvedJiraSettings): JiraClient {
    this.clientFor =
      this.clientFor ??
      new JiraClient({
        http: this.options.http,
        proxyUrl: this.options.proxyUrl,
        deployment: s.deployment,
        now: this.now,
        sleep: this.options.sleep,
      });
    return this.clientFor;
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    let s: ResolvedJiraSettings;
    try {
      s = resolveJiraSettings(this.options.settings);
    } catch (e) {
      return { events, notices: [{ severity: 'error', text: `Jira: ${(e as Error).message}` }] };
    }
    const client = this.makeClient(s);
    const call: CallContext = { signal, deadline: this.now() + s.timeoutMs };
    const fields = searchFields(s);
    const key = `${this.options.proxyUrl}|${s.url}|${s.jql}|${fields.join(',')}|${s.changelog}`;
    const previous = this.snapshots.get(key);
    const continuing = previous && previous.since <= range.from ? previous : undefined;
    const readAt = this.now();
    const issues: Record<string, JiraIssue> = {};
    const where = continuing
      ? `updated >= "${jqlDate(continuing.readAt - ZONE_SLACK_MS)}"`
      : `created >= "${jqlDate(range.from - ZONE_SLACK_MS)}"`;
    const jql = `(${s.jql}) AND ${where} ORDER BY created ASC`;
    try {
      if (continuing) {
        Object.assign(issues, continuing.issues);
      }
      await client.search(jql, fields, s.changelog, (page) => page.forEach((i) => (issues[i.key] = i)), call);
    } catch (e) {
      if (isAbortError(e)) {
        throw e;
      }
      this.snapshots.set(key, undefined);
      return {
        events,
        notices: [{ severity: 'error', text: describeError(`Jira incidents (${s.jql})`, e, this.now()) }],
      };
    }
    if (signal?.aborted) {
      throw abortError();
    }
    const kept: Record<string, JiraIssue> = {};
    for (const [k, issue] of Object.entries(issues)) {
      const created = toInstant(issue.fields.created);
      if (created !== undefined && created >= range.from - ZONE_SLACK_MS) {
        kept[k] = issue;
      }
    }
    this.snapshots.set(key, { key, since: continuing?.since ?? range.from, readAt, issues: kept });
    const sorted = Object.values(kept).sort(
      (a, b) => (toInstant(a.fields.created) ?? 0) - (toInstant(b.fields.created) ?? 0) || (a.key < b.key ? -1 : 1)
    );
    for (const issue of sorted) {
      const event = mapIssue(issue, s);
      if (event && event.createdAt >= range.from && event.createdAt < range.to) {
        events.incidents.push(event);
      }
    }
    return { events, notices: [] };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let s: ResolvedJiraSettings;
    try {
      s = resolveJiraSettings(this.options.settings);
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    return checkHealth(this.makeClient(s), s, { signal, deadline: this.now() + s.timeoutMs }, this.now);
  }
}
