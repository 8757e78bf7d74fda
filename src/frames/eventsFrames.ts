/**
 * Event tables with their attribution, newest first: what each number on a panel is made of.
 * Times are epoch ms; durations are ms ('dtdurationms'); lists are comma-separated text.
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { AttributedChange, AttributedDeployment, AttributedIncident, LinkMethod } from '../engine';
import { openUrlLink } from './links';
import { fieldConfigFor } from './units';

const DURATION = fieldConfigFor('duration');

export function deploymentsFrame(
  deployments: AttributedDeployment[],
  incidentLinks: Record<string, LinkMethod>,
  refId: string
): DataFrame {
  const rows = deployments.slice().sort((a, b) => b.deployment.finishedAt - a.deployment.finishedAt);
  const col = <T>(f: (d: AttributedDeployment) => T) => rows.map(f);
  return createDataFrame({
    refId,
    name: 'Deployments',
    fields: [
      { name: 'Finished', type: FieldType.time, values: col((d) => d.deployment.finishedAt) },
      { name: 'Deployment', type: FieldType.string, values: col((d) => d.deployment.id) },
      { name: 'Service', type: FieldType.string, values: col((d) => d.deployment.service) },
      { name: 'Team', type: FieldType.string, values: col((d) => d.team) },
      { name: 'Environment', type: FieldType.string, values: col((d) => d.deployment.environment) },
      { name: 'Repository', type: FieldType.string, values: col((d) => d.deployment.repo) },
      { name: 'SHA', type: FieldType.string, values: col((d) => d.deployment.sha) },
      {
        name: 'Changes',
        type: FieldType.number,
        values: col((d) => (d.changeShas ? d.changeShas.length : null)),
        config: {
          noValue: 'unknown',
          description: 'Changes shipped for the first time; unknown for a first deployment',
        },
      },
      { name: 'Change method', type: FieldType.string, values: col((d) => d.changeMethod) },
      { name: 'Failed', type: FieldType.boolean, values: col((d) => d.failed) },
      { name: 'Failure reasons', type: FieldType.string, values: col((d) => d.failureReasons.join(', ')) },
      { name: 'Rework', type: FieldType.boolean, values: col((d) => d.isRework) },
      { name: 'Rework reasons', type: FieldType.string, values: col((d) => d.reworkReasons.join(', ')) },
      { name: 'Rollback of', type: FieldType.string, values: col((d) => d.rollbackOf ?? '') },
      { name: 'Incidents', type: FieldType.string, values: col((d) => d.incidentIds.join(', ')) },
      {
        name: 'Incident link methods',
        type: FieldType.string,
        values: col((d) => d.incidentIds.map((id) => incidentLinks[id] ?? 'none').join(', ')),
      },
      {
        name: 'Recovery time',
        type: FieldType.number,
        values: col((d) => (d.failed ? (d.recoveryMs ?? null) : null)),
        config: DURATION,
      },
      { name: 'Restored by', type: FieldType.string, values: col((d) => d.restoredBy ?? '') },
      { name: 'Source', type: FieldType.string, values: col((d) => d.deployment.source) },
      {
        name: 'URL',
        type: FieldType.string,
        values: col((d) => d.deployment.url ?? ''),
        config: { links: openUrlLink('Open deployment') },
      },
    ],
  });
}

export function changesFrame(changes: AttributedChange[], refId: string): DataFrame {
  const rows = changes.slice().sort((a, b) => b.deployedAt - a.deployedAt || b.startAt - a.startAt);
  const col = <T>(f: (c: AttributedChange) => T) => rows.map(f);
  return createDataFrame({
    refId,
    name: 'Changes',
    fields: [
      { name: 'Deployed', type: FieldType.time, values: col((c) => c.deployedAt) },
      { name: 'SHA', type: FieldType.string, values: col((c) => c.change.sha) },
      { name: 'Repository', type: FieldType.string, values: col((c) => c.change.repo) },
      { name: 'Service', type: FieldType.string, values: col((c) => c.service) },
      { name: 'Team', type: FieldType.string, values: col((c) => c.team) },
      { name: 'Deployment', type: FieldType.string, values: col((c) => c.deploymentId) },
      { name: 'Started', type: FieldType.time, values: col((c) => c.startAt) },
      {
        name: 'Lead time',
        type: FieldType.number,
        values: col((c) => c.leadTimeMs),
        config: { ...DURATION, noValue: 'dropped (<= 0)' },
      },
      { name: 'PR', type: FieldType.number, values: col((c) => c.change.pullRequest?.number ?? null) },
      {
        name: 'PR title',
        type: FieldType.string,
        values: col((c) => c.change.pullRequest?.title ?? c.change.message ?? ''),
      },
      { name: 'Coding', type: FieldType.number, values: col((c) => c.breakdown?.codingMs ?? null), config: DURATION },
      { name: 'Pickup', type: FieldType.number, values: col((c) => c.breakdown?.pickupMs ?? null), config: DURATION },
      { name: 'Review', type: FieldType.number, values: col((c) => c.breakdown?.reviewMs ?? null), config: DURATION },
      { name: 'Deploy', type: FieldType.number, values: col((c) => c.breakdown?.deployMs ?? null), config: DURATION },
      {
        name: 'PR URL',
        type: FieldType.string,
        values: col((c) => c.change.pullRequest?.url ?? ''),
        config: { links: openUrlLink('Open pull request') },
      },
    ],
  });
}

export function incidentsFrame(incidents: AttributedIncident[], refId: string): DataFrame {
  const rows = incidents.slice().sort((a, b) => b.incident.createdAt - a.incident.createdAt);
  const col = <T>(f: (i: AttributedIncident) => T) => rows.map(f);
  return createDataFrame({
    refId,
    name: 'Incidents',
    fields: [
      { name: 'Created', type: FieldType.time, values: col((i) => i.incident.createdAt) },
      { name: 'Incident', type: FieldType.string, values: col((i) => i.incident.id) },
      { name: 'Service', type: FieldType.string, values: col((i) => i.incident.service ?? '') },
      { name: 'Team', type: FieldType.string, values: col((i) => i.team) },
      { name: 'Title', type: FieldType.string, values: col((i) => i.incident.title ?? '') },
      { name: 'Severity', type: FieldType.string, values: col((i) => i.incident.severity ?? '') },
      { name: 'Started', type: FieldType.time, values: col((i) => i.incident.startedAt ?? null) },
      { name: 'Resolved', type: FieldType.time, values: col((i) => i.incident.resolvedAt ?? null) },
      { name: 'Link method', type: FieldType.string, values: col((i) => i.link.method) },
      { name: 'Linked deployment', type: FieldType.string, values: col((i) => i.link.deploymentId ?? '') },
      { name: 'Link detail', type: FieldType.string, values: col((i) => i.link.detail) },
      { name: 'Time to restore', type: FieldType.number, values: col((i) => i.timeToRestoreMs), config: DURATION },
      { name: 'Time to detect', type: FieldType.number, values: col((i) => i.timeToDetectMs), config: DURATION },
      {
        name: 'Time to acknowledge',
        type: FieldType.number,
        values: col((i) => i.timeToAcknowledgeMs),
        config: DURATION,
      },
      {
        name: 'URL',
        type: FieldType.string,
        values: col((i) => i.incident.url ?? ''),
        config: { links: openUrlLink('Open incident') },
      },
    ],
  });
}

/** incident id -> how it was linked, for the deployments table. */
export function incidentLinkMethods(incidents: AttributedIncident[]): Record<string, LinkMethod> {
  const out: Record<string, LinkMethod> = {};
  for (const i of incidents) {
    out[i.incident.id] = i.link.method;
  }
  return out;
}
