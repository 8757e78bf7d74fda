/**
 * Event tables with their attribution, newest first: what each number on a panel is made of.
 * Times are epoch ms; durations are ms ('dtdurationms'); lists are comma-separated text.
 */
import {
  Attributed,
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  AttributedPipelineRun,
  commitKey,
  DeploymentContext,
  deploymentOutcome,
  LinkMethod,
  sharedOwners,
  ShippedBy,
} from '../engine';
import { FrameDescription } from './frame';
import { openUrlLink } from './links';
import { fieldConfigFor } from './units';

const DURATION = fieldConfigFor('duration');

/** What a deployments table shows beside each deployment: how its incidents were linked, its neighbours, its authors. */
export interface DeploymentTableContext {
  incidentLinks: Record<string, LinkMethod>;
  contexts: Record<string, DeploymentContext>;
  owners?: Owners;
}

/** Every owning team of the services several teams own (the attributed history's `owners`). */
type Owners = Attributed['owners'];

/**
 * A Team cell: every owner of a service several teams own, comma-separated (the item counts in each owner's
 * group), else the item's team.
 */
function teamCell(team: string | undefined, service: string | undefined, owners: Owners): string {
  const shared = sharedOwners(owners, service);
  return shared && shared.length > 1 ? shared.join(', ') : (team ?? '');
}

export function deploymentsFrame(
  deployments: AttributedDeployment[],
  { incidentLinks, contexts, owners }: DeploymentTableContext,
  refId: string
): FrameDescription {
  const rows = deployments.slice().sort((a, b) => b.deployment.finishedAt - a.deployment.finishedAt);
  const col = <T>(f: (d: AttributedDeployment) => T) => rows.map(f);
  const context = (d: AttributedDeployment): DeploymentContext | undefined => contexts[d.deployment.id];
  return {
    refId,
    name: 'Deployments',
    fields: [
      { name: 'Finished', type: 'time', values: col((d) => d.deployment.finishedAt) },
      { name: 'Deployment', type: 'string', values: col((d) => d.deployment.id) },
      { name: 'Service', type: 'string', values: col((d) => d.deployment.service) },
      { name: 'Team', type: 'string', values: col((d) => teamCell(d.team, d.deployment.service, owners)) },
      { name: 'Environment', type: 'string', values: col((d) => d.deployment.environment) },
      { name: 'Repository', type: 'string', values: col((d) => d.deployment.repo) },
      { name: 'SHA', type: 'string', values: col((d) => d.deployment.sha) },
      { name: 'Outcome', type: 'string', values: col((d) => deploymentOutcome(d)) },
      {
        name: 'Authors',
        type: 'string',
        values: col((d) => (context(d)?.authors ?? []).join(', ')),
        config: { description: 'Authors of the changes this deployment shipped for the first time' },
      },
      {
        name: 'Changes',
        type: 'number',
        // Read once: attribution builds the list on each read (see shippedDeployment.ts).
        values: col((d) => {
          const shas = d.changeShas;
          return shas ? shas.length : null;
        }),
        config: {
          noValue: 'unknown',
          description: 'Changes shipped for the first time; unknown for a first deployment',
        },
      },
      { name: 'Change method', type: 'string', values: col((d) => d.changeMethod) },
      { name: 'Failed', type: 'boolean', values: col((d) => d.failed) },
      { name: 'Failure reasons', type: 'string', values: col((d) => d.failureReasons.join(', ')) },
      { name: 'Rework', type: 'boolean', values: col((d) => d.isRework) },
      { name: 'Rework reasons', type: 'string', values: col((d) => d.reworkReasons.join(', ')) },
      { name: 'Rollback of', type: 'string', values: col((d) => d.rollbackOf ?? '') },
      {
        name: 'Replaced',
        type: 'string',
        values: col((d) => context(d)?.previous ?? ''),
        config: { description: 'The deployment of the same service and environment just before this one' },
      },
      {
        name: 'Replaced by',
        type: 'string',
        values: col((d) => context(d)?.next ?? ''),
        config: { description: 'The deployment of the same service and environment just after this one' },
      },
      { name: 'Incidents', type: 'string', values: col((d) => d.incidentIds.join(', ')) },
      {
        name: 'Incident link methods',
        type: 'string',
        values: col((d) => d.incidentIds.map((id) => incidentLinks[id] ?? 'none').join(', ')),
      },
      {
        name: 'Recovery time',
        type: 'number',
        values: col((d) => (d.failed ? (d.recoveryMs ?? null) : null)),
        config: DURATION,
      },
      { name: 'Restored by', type: 'string', values: col((d) => d.restoredBy ?? '') },
      { name: 'Source', type: 'string', values: col((d) => d.deployment.source) },
      {
        name: 'URL',
        type: 'string',
        values: col((d) => d.deployment.url ?? ''),
        config: { links: openUrlLink('Open deployment') },
      },
    ],
  };
}

export function changesFrame(changes: AttributedChange[], refId: string, owners?: Owners): FrameDescription {
  const rows = changes.slice().sort((a, b) => b.deployedAt - a.deployedAt || b.startAt - a.startAt);
  const col = <T>(f: (c: AttributedChange) => T) => rows.map(f);
  return {
    refId,
    name: 'Changes',
    fields: [
      { name: 'Deployed', type: 'time', values: col((c) => c.deployedAt) },
      { name: 'SHA', type: 'string', values: col((c) => c.change.sha) },
      { name: 'Repository', type: 'string', values: col((c) => c.change.repo) },
      { name: 'Service', type: 'string', values: col((c) => c.service) },
      { name: 'Team', type: 'string', values: col((c) => teamCell(c.team, c.service, owners)) },
      { name: 'Deployment', type: 'string', values: col((c) => c.deploymentId) },
      { name: 'Started', type: 'time', values: col((c) => c.startAt) },
      {
        name: 'Lead time',
        type: 'number',
        values: col((c) => c.leadTimeMs),
        config: { ...DURATION, noValue: 'dropped (<= 0)' },
      },
      { name: 'PR', type: 'number', values: col((c) => c.change.pullRequest?.number ?? null) },
      {
        name: 'PR title',
        type: 'string',
        values: col((c) => c.change.pullRequest?.title ?? c.change.message ?? ''),
      },
      {
        name: 'Author',
        type: 'string',
        values: col((c) => c.change.author ?? ''),
        config: { description: 'Who wrote the change, as the code host says', noValue: 'not reported' },
      },
      { name: 'Coding', type: 'number', values: col((c) => c.breakdown?.codingMs ?? null), config: DURATION },
      { name: 'Pickup', type: 'number', values: col((c) => c.breakdown?.pickupMs ?? null), config: DURATION },
      { name: 'Review', type: 'number', values: col((c) => c.breakdown?.reviewMs ?? null), config: DURATION },
      { name: 'Deploy', type: 'number', values: col((c) => c.breakdown?.deployMs ?? null), config: DURATION },
      {
        name: 'PR URL',
        type: 'string',
        values: col((c) => c.change.pullRequest?.url ?? ''),
        config: { links: openUrlLink('Open pull request') },
      },
    ],
  };
}

/** Open until resolved; acknowledged once someone took it. */
export function incidentStatus(item: AttributedIncident): 'resolved' | 'acknowledged' | 'open' {
  const { resolvedAt, acknowledgedAt } = item.incident;
  return resolvedAt !== undefined ? 'resolved' : acknowledgedAt !== undefined ? 'acknowledged' : 'open';
}

export function incidentsFrame(
  incidents: AttributedIncident[],
  refId: string,
  runbooks: Record<string, string> = {},
  owners?: Owners
): FrameDescription {
  const runbookOf = (i: AttributedIncident) => {
    const service = i.incident.service;
    return service !== undefined && Object.prototype.hasOwnProperty.call(runbooks, service) ? runbooks[service] : '';
  };
  const rows = incidents.slice().sort((a, b) => b.incident.createdAt - a.incident.createdAt);
  const col = <T>(f: (i: AttributedIncident) => T) => rows.map(f);
  return {
    refId,
    name: 'Incidents',
    fields: [
      { name: 'Created', type: 'time', values: col((i) => i.incident.createdAt) },
      { name: 'Incident', type: 'string', values: col((i) => i.incident.id) },
      { name: 'Service', type: 'string', values: col((i) => i.incident.service ?? '') },
      { name: 'Team', type: 'string', values: col((i) => teamCell(i.team, i.incident.service, owners)) },
      { name: 'Title', type: 'string', values: col((i) => i.incident.title ?? '') },
      { name: 'Severity', type: 'string', values: col((i) => i.incident.severity ?? '') },
      { name: 'Status', type: 'string', values: col((i) => incidentStatus(i)) },
      {
        name: 'Owner',
        type: 'string',
        values: col((i) => i.incident.owner ?? ''),
        config: { description: 'Who owns the incident now, as the incident tool says', noValue: 'not reported' },
      },
      { name: 'Started', type: 'time', values: col((i) => i.incident.startedAt ?? null) },
      { name: 'Resolved', type: 'time', values: col((i) => i.incident.resolvedAt ?? null) },
      { name: 'Link method', type: 'string', values: col((i) => i.link.method) },
      { name: 'Linked deployment', type: 'string', values: col((i) => i.link.deploymentId ?? '') },
      { name: 'Link detail', type: 'string', values: col((i) => i.link.detail) },
      { name: 'Time to restore', type: 'number', values: col((i) => i.timeToRestoreMs), config: DURATION },
      { name: 'Time to detect', type: 'number', values: col((i) => i.timeToDetectMs), config: DURATION },
      {
        name: 'Time to acknowledge',
        type: 'number',
        values: col((i) => i.timeToAcknowledgeMs),
        config: DURATION,
      },
      {
        name: 'URL',
        type: 'string',
        values: col((i) => i.incident.url ?? ''),
        config: { links: openUrlLink('Open incident') },
      },
      {
        name: 'Runbook',
        type: 'string',
        values: col(runbookOf),
        config: { links: openUrlLink('Open runbook'), description: "The service's runbook from the service catalog" },
      },
    ],
  };
}

/** incident id -> how it was linked, for the deployments table. */
export function incidentLinkMethods(incidents: AttributedIncident[]): Record<string, LinkMethod> {
  const out: Record<string, LinkMethod> = {};
  for (const i of incidents) {
    out[i.incident.id] = i.link.method;
  }
  return out;
}

/**
 * CI runs and re-runs, newest first: each workflow run's status, duration and attempt, whether it was a flaky
 * failure (failed, then passed on a later run of the same SHA and workflow), and the deployment that shipped its SHA.
 */
export function pipelineRunsFrame(
  runs: AttributedPipelineRun[],
  shipped: ShippedBy,
  refId: string,
  owners?: Owners
): FrameDescription {
  const rows = runs.slice().sort((a, b) => b.run.startedAt - a.run.startedAt || b.run.attempt - a.run.attempt);
  const col = <T>(f: (r: AttributedPipelineRun) => T) => rows.map(f);
  const finish = (r: AttributedPipelineRun) => r.run.finishedAt;
  return {
    refId,
    name: 'Pipeline runs',
    fields: [
      { name: 'Started', type: 'time', values: col((r) => r.run.startedAt) },
      { name: 'Finished', type: 'time', values: col((r) => finish(r) ?? null) },
      { name: 'Workflow', type: 'string', values: col((r) => r.run.workflow) },
      { name: 'Repository', type: 'string', values: col((r) => r.run.repo) },
      { name: 'Service', type: 'string', values: col((r) => r.service ?? '') },
      { name: 'Team', type: 'string', values: col((r) => teamCell(r.team, r.service, owners)) },
      { name: 'SHA', type: 'string', values: col((r) => r.run.sha) },
      { name: 'Branch', type: 'string', values: col((r) => r.run.branch ?? '') },
      {
        name: 'Attempt',
        type: 'number',
        values: col((r) => r.run.attempt),
        config: { description: '1 for a first run; a re-run of the same run raises it' },
      },
      { name: 'Status', type: 'string', values: col((r) => r.run.conclusion) },
      {
        name: 'Duration',
        type: 'number',
        values: col((r) => {
          const end = finish(r);
          return end !== undefined ? end - r.run.startedAt : null;
        }),
        config: { ...DURATION, noValue: 'running' },
      },
      {
        name: 'Flaky',
        type: 'boolean',
        values: col((r) => r.flaky),
        config: { description: 'Failed, then passed on a later run or re-run of the same SHA and workflow' },
      },
      {
        name: 'Deployment',
        type: 'string',
        values: col((r) => shipped.get(commitKey(r.run.repo, r.run.sha)) ?? ''),
        config: {
          description: 'The production deployment that first shipped this SHA',
          noValue: 'not deployed',
        },
      },
      {
        name: 'URL',
        type: 'string',
        values: col((r) => r.run.url ?? ''),
        config: { links: openUrlLink('Open run') },
      },
    ],
  };
}
