/**
 * Hand-made Attributed fixtures for the metric tests: small builders with defaults, so each test
 * states only what it is about. Not used by the engine itself.
 */
import {
  Attributed,
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  AttributedPipelineRun,
} from '../attribution/types';
import { Deployment, Instant, PipelineRun } from '../model';
import { DAY_MS, HOUR_MS } from '../options';
import { MetricRequest } from '../results';
import { UTC } from '../time';

/** 2024-01-01T00:00:00Z, a Monday. */
export const T0: Instant = Date.UTC(2024, 0, 1);

export function at(days: number, hours = 0): Instant {
  return T0 + days * DAY_MS + hours * HOUR_MS;
}

let counter = 0;
function nextId(prefix: string): string {
  counter++;
  return `${prefix}-${counter}`;
}

export interface DeploymentSpec extends Partial<Deployment> {
  finishedAt: Instant;
  team?: string;
  failed?: boolean;
  isRework?: boolean;
  recoveryMs?: number | null;
  incidentIds?: string[];
}

export function deployment(spec: DeploymentSpec): AttributedDeployment {
  const { team, failed, isRework, recoveryMs, incidentIds, ...fields } = spec;
  const d: Deployment = {
    id: nextId('dep'),
    service: 'checkout',
    environment: 'production',
    repo: 'acme/checkout',
    sha: nextId('sha'),
    status: 'success',
    source: 'test',
    ...fields,
  };
  const out: AttributedDeployment = {
    deployment: d,
    team: team === undefined ? '' : team,
    changeShas: [],
    changeMethod: 'ancestry',
    isRedeploy: false,
    isRollback: false,
    failed: !!failed,
    failureReasons: failed ? ['incident'] : [],
    isRework: !!isRework,
    reworkReasons: isRework ? ['hotfix'] : [],
    incidentIds: incidentIds || [],
  };
  if (failed) {
    out.recoveryMs = recoveryMs === undefined ? null : recoveryMs;
  }
  return out;
}

export interface ChangeSpec {
  deployedAt: Instant;
  leadTimeMs: number | null;
  service?: string;
  team?: string;
  environment?: string;
  repo?: string;
  deploymentId?: string;
  breakdown?: AttributedChange['breakdown'];
}

export function change(spec: ChangeSpec): AttributedChange {
  const lead = spec.leadTimeMs;
  const startAt = lead === null ? spec.deployedAt : spec.deployedAt - lead;
  return {
    change: { sha: nextId('c'), repo: spec.repo || 'acme/checkout', committedAt: startAt },
    deploymentId: spec.deploymentId || nextId('dep'),
    service: spec.service || 'checkout',
    team: spec.team || '',
    environment: spec.environment || 'production',
    deployedAt: spec.deployedAt,
    startAt,
    leadTimeMs: lead,
    breakdown: spec.breakdown,
  };
}

export interface IncidentSpec {
  createdAt: Instant;
  startedAt?: Instant;
  acknowledgedAt?: Instant;
  resolvedAt?: Instant;
  service?: string;
  team?: string;
  deploymentId?: string | null;
  severity?: string;
  labels?: string[];
}

export function incident(spec: IncidentSpec): AttributedIncident {
  const id = nextId('inc');
  const start = spec.startedAt !== undefined ? spec.startedAt : spec.createdAt;
  const linked = spec.deploymentId === undefined ? null : spec.deploymentId;
  return {
    incident: {
      id,
      service: spec.service === undefined ? 'checkout' : spec.service,
      createdAt: spec.createdAt,
      startedAt: spec.startedAt,
      acknowledgedAt: spec.acknowledgedAt,
      resolvedAt: spec.resolvedAt,
      source: 'test',
      ...(spec.severity !== undefined ? { severity: spec.severity } : {}),
      ...(spec.labels !== undefined ? { labels: spec.labels } : {}),
    },
    team: spec.team || '',
    link: { incidentId: id, deploymentId: linked, method: linked ? 'explicit' : 'none', detail: 'test' },
    timeToRestoreMs: spec.resolvedAt === undefined ? null : spec.resolvedAt - start,
    timeToDetectMs: spec.startedAt === undefined ? null : spec.createdAt - spec.startedAt,
    timeToAcknowledgeMs: spec.acknowledgedAt === undefined ? null : spec.acknowledgedAt - spec.createdAt,
  };
}

export interface RunSpec extends Partial<PipelineRun> {
  startedAt: Instant;
  flaky?: boolean;
  service?: string;
  team?: string;
}

export function run(spec: RunSpec): AttributedPipelineRun {
  const { flaky, service, team, ...fields } = spec;
  const out: AttributedPipelineRun = {
    run: {
      id: nextId('run'),
      repo: 'acme/checkout',
      workflow: 'ci',
      sha: nextId('sha'),
      attempt: 1,
      conclusion: 'success',
      ...fields,
    },
    flaky: !!flaky,
  };
  if (service !== undefined) {
    out.service = service;
  }
  if (team !== undefined) {
    out.team = team;
  }
  return out;
}

export function failedAttempt(spec: Partial<Deployment> & { finishedAt: Instant }): Deployment {
  return {
    id: nextId('attempt'),
    service: 'checkout',
    environment: 'production',
    repo: 'acme/checkout',
    sha: nextId('sha'),
    status: 'failure',
    source: 'test',
    ...spec,
  };
}

export function attributed(parts: Partial<Attributed> = {}): Attributed {
  const deployments = (parts.deployments || [])
    .slice()
    .sort((a, b) => a.deployment.finishedAt - b.deployment.finishedAt);
  return {
    deployments,
    failedAttempts: parts.failedAttempts || [],
    changes: parts.changes || [],
    incidents: parts.incidents || [],
    pipelineRuns: parts.pipelineRuns || [],
    dataQuality: parts.dataQuality || [],
    teams: parts.teams || {},
    ...(parts.owners ? { owners: parts.owners } : {}),
    ...(parts.runbooks ? { runbooks: parts.runbooks } : {}),
    ...(parts.objectives ? { objectives: parts.objectives } : {}),
  };
}

/** A request over [from, to) with UTC day buckets, no grouping and median aggregation unless overridden. */
export function request(overrides: Partial<MetricRequest> & Pick<MetricRequest, 'metric'>): MetricRequest {
  return {
    aggregation: 'median',
    bucket: 'day',
    groupBy: 'none',
    range: { from: T0, to: at(7) },
    zone: UTC,
    ...overrides,
  };
}
