/**
 * What can go wrong talking to incident.io, as typed errors, and how each becomes a notice that names the list and
 * the fix. Messages never contain the API key: it only exists in Grafana's proxy (or the backend), never here.
 */
import { messageOf } from '../../engine';
import { HttpApiError, RateLimitError, resetWhen } from '../httpError';

export class IncidentIoHttpError extends HttpApiError {
  constructor(status: number, path: string, detail: string) {
    super('incident.io', status, path, detail, { 400: 'bad-query', 422: 'bad-query' });
    this.name = 'IncidentIoHttpError';
  }
}

/** A rate limit (1,200 requests a minute per API key) that could not be waited out before the query's deadline. */
export class IncidentIoRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, path: string) {
    super('incident.io', resetAt, path);
    this.name = 'IncidentIoRateLimitError';
  }
}

/** "incident.io incidents: what happened. The fix." */
export function describeError(subject: string, e: unknown, now: number): string {
  if (e instanceof IncidentIoRateLimitError) {
    return `${subject}: data is incomplete, incident.io's API rate limit (429) could not be waited out within the query timeout; ${resetWhen('incident.io', e.resetAt, now)}. Refresh after that, or raise the timeout.`;
  }
  if (e instanceof IncidentIoHttpError) {
    const detail = e.detail ? `: ${e.detail}` : '';
    switch (e.kind) {
      case 'auth':
        return `${subject}: incident.io rejected the API key (${e.status}). Set a valid API key (incident.io: Settings, API keys, with the Viewer role) in the data source settings (incident.io section).`;
      case 'forbidden':
        return `${subject}: the API key may not read this (${e.status}${detail}). Create a key with the Viewer role (and Schedules reader for on-call).`;
      case 'not-found':
        return `${subject}: not found (404${detail}). The incidentio/api route must point at https://api.incident.io; update the plugin if it was changed.`;
      case 'bad-query':
        return `${subject}: incident.io refused the request (${e.status}${detail}). Check the modes in the incident.io section.`;
      case 'server':
        return `${subject}: incident.io answered ${e.status} (an incident.io-side error${detail}) after retries. Check https://status.incident.io and refresh later.`;
      default:
        return `${subject}: incident.io answered ${e.status}${detail} for ${e.path}.`;
    }
  }
  return `${subject}: request failed (${messageOf(e)}). Check that Grafana can reach https://api.incident.io.`;
}
