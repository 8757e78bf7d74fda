/**
 * Failed deployment recovery time (DORA 2023+, docs/definitions.md#failed-deployment-recovery-time):
 * restored - failure start.
 * Failure start = the earliest impact start (startedAt, else createdAt) of its linked incidents, else the
 * deployment's finish. Restored = the earliest of: a linked incident resolved, the finish of a rollback or
 * fix deployment (restoredBy, which also wins a tie). A restore before the failure start is contradictory
 * data: recovery is null and reported, never clamped to 0.
 */
import { Deployment, Incident, Instant } from '../model';
import { Findings } from './findings';
import { humanDuration } from './humanDuration';
import { incidentStart } from './incidentTimes';
import { AttributedDeployment } from './types';

export type Recovery = Pick<AttributedDeployment, 'failureStartAt' | 'restoredAt' | 'recoveryMs' | 'restoredBy'>;

export function recoveryOf(
  failed: Deployment,
  incidents: Incident[],
  fixers: Deployment[],
  findings: Findings
): Recovery {
  let failureStartAt: Instant = failed.finishedAt;
  if (incidents.length > 0) {
    failureStartAt = Math.min(...incidents.map(incidentStart));
  }
  let resolvedAt: Instant | undefined;
  for (const incident of incidents) {
    if (incident.resolvedAt !== undefined && (resolvedAt === undefined || incident.resolvedAt < resolvedAt)) {
      resolvedAt = incident.resolvedAt;
    }
  }
  let fixer: Deployment | undefined;
  for (const candidate of fixers) {
    if (!fixer || candidate.finishedAt < fixer.finishedAt) {
      fixer = candidate;
    }
  }
  const recovery: Recovery = { failureStartAt, recoveryMs: null };
  if (fixer && (resolvedAt === undefined || fixer.finishedAt <= resolvedAt)) {
    recovery.restoredAt = fixer.finishedAt;
    recovery.restoredBy = fixer.id;
  } else if (resolvedAt !== undefined) {
    recovery.restoredAt = resolvedAt;
  }
  if (recovery.restoredAt !== undefined) {
    const ms = recovery.restoredAt - failureStartAt;
    if (ms >= 0) {
      recovery.recoveryMs = ms;
    } else {
      findings.add(
        'out-of-order-timestamps',
        'warning',
        failed.id,
        `Deployment ${failed.id} of ${failed.service} was restored ${humanDuration(-ms)} before its failure ` +
          `started (${recovery.restoredBy ? `by deployment ${recovery.restoredBy}` : 'incident resolved'}); ` +
          'its recovery time is left out. Check the incident timestamps and its link.',
        { service: failed.service, at: failureStartAt }
      );
    }
  }
  return recovery;
}
