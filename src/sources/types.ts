import { DoraEvents, Instant, TimeRange } from '../engine';

export interface SourceNotice {
  severity: 'info' | 'warning' | 'error';
  /** Names the source (and repository/service), what went wrong and the fix. Never contains a token. */
  text: string;
}

export interface SourceResult {
  events: DoraEvents;
  notices: SourceNotice[];
}

export interface HealthCheckItem {
  source: string;
  status: 'ok' | 'warning' | 'error';
  /** e.g. "reachable, authorised, 42 deployments in the last 7 days" or what is wrong and how to fix it. */
  message: string;
}

/** Who is on call now for a service (the first escalation level pages first). */
export interface OnCallOwner {
  /** The incident tool's service name; the catalog's incidentServices map it to a catalog service. */
  service: string;
  escalationPolicy?: string;
  /** Escalation level, 1 = paged first. */
  level: number;
  /** The person on call (name). */
  user: string;
  userUrl?: string;
  schedule?: string;
  /** Current on-call shift; absent when permanent. */
  start?: Instant;
  end?: Instant;
  /** Which source said so (pagerduty, demo, ...). */
  source: string;
}

export interface OnCallResult {
  owners: OnCallOwner[];
  notices: SourceNotice[];
}

/** A provider: fetches the events of a (look-back widened) range and maps them. Knows nothing of metrics. */
export interface EventSource {
  /** Stable name used in notices and the cache key, e.g. "github", "demo". */
  readonly name: string;
  fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult>;
  healthCheck?(signal?: AbortSignal): Promise<HealthCheckItem[]>;
  /** Sources that know on-call schedules (PagerDuty, demo): who is on call now, per service. */
  onCall?(signal?: AbortSignal): Promise<OnCallResult>;
}
