/** Per-incident durations (docs/definitions.md#time-to-restore-service, docs/definitions.md#paired-metrics). */
import { Incident, Instant } from '../model';
import { AttributedIncident } from './types';

/** Impact start: startedAt when the incident tool knows it, else its creation. */
export function incidentStart(incident: Incident): Instant {
  return incident.startedAt ?? incident.createdAt;
}

/**
 * Negative spans are null: they come from timestamps out of order, which the data-quality pass reports
 * on the incident itself.
 */
export function incidentTimes(
  incident: Incident
): Pick<AttributedIncident, 'timeToRestoreMs' | 'timeToDetectMs' | 'timeToAcknowledgeMs'> {
  return {
    timeToRestoreMs: span(incidentStart(incident), incident.resolvedAt),
    timeToDetectMs: span(incident.startedAt, incident.createdAt),
    timeToAcknowledgeMs: span(incident.createdAt, incident.acknowledgedAt),
  };
}

function span(from: Instant | undefined, to: Instant | undefined): number | null {
  return from === undefined || to === undefined || to < from ? null : to - from;
}
