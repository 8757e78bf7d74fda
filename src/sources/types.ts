import { DoraEvents, TimeRange } from '../engine';

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

/** A provider: fetches the events of a (look-back widened) range and maps them. Knows nothing of metrics. */
export interface EventSource {
  /** Stable name used in notices and the cache key, e.g. "github", "demo". */
  readonly name: string;
  fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult>;
  healthCheck?(signal?: AbortSignal): Promise<HealthCheckItem[]>;
}
