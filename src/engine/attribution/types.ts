/** What attribution produces: every deployment, change and incident with the reasons behind it. */
import { AvailabilityObjective, Change, Deployment, Incident, Instant, PipelineRun } from '../model';

export type LinkMethod = 'explicit' | 'service-window' | 'none';

export interface IncidentLink {
  incidentId: string;
  /** null when no deployment could be linked (method 'none'). */
  deploymentId: string | null;
  method: LinkMethod;
  /** Human-readable reason, e.g. "incident names SHA abc123" or "latest deploy of checkout 3h before". */
  detail: string;
}

export type FailureReason = 'incident' | 'rolled-back' | 'hotfix' | 'revert' | 'fix-forward';
export type ReworkReason = 'rollback' | 'hotfix' | 'revert' | 'fix-forward';

export interface AttributedDeployment {
  deployment: Deployment;
  /** Team from the service catalog, or '' when unknown. */
  team: string;
  /** SHAs shipped for the first time; null = unknown (first deployment of the service, no predecessor). */
  changeShas: string[] | null;
  /** How the change list was found. */
  changeMethod: 'explicit' | 'ancestry' | 'unknown';
  isRedeploy: boolean;
  isRollback: boolean;
  /** For a rollback: the deployment it replaced (which is failed). */
  rollbackOf?: string;
  failed: boolean;
  failureReasons: FailureReason[];
  isRework: boolean;
  reworkReasons: ReworkReason[];
  /** Incidents linked to this deployment. */
  incidentIds: string[];
  /** For failed deployments: failure start, restore instant and recovery time (null when unrestored). */
  failureStartAt?: Instant;
  restoredAt?: Instant;
  recoveryMs?: number | null;
  /** Id of the rollback/fix deployment that restored it, if that was the earliest restore. */
  restoredBy?: string;
}

export interface AttributedChange {
  change: Change;
  /** The first successful production deployment that contains it. */
  deploymentId: string;
  service: string;
  team: string;
  environment: string;
  deployedAt: Instant;
  /** Start instant per the leadTimeStart option (falls back to commit time when PR data is missing). */
  startAt: Instant;
  /** null when <= 0 (dropped, reported in data quality). */
  leadTimeMs: number | null;
  breakdown?: LeadTimeBreakdown;
}

export interface LeadTimeBreakdown {
  codingMs?: number;
  pickupMs?: number;
  reviewMs?: number;
  deployMs?: number;
}

export interface AttributedIncident {
  incident: Incident;
  team: string;
  link: IncidentLink;
  /** resolved - (started or created); null when unresolved. */
  timeToRestoreMs: number | null;
  timeToDetectMs: number | null;
  timeToAcknowledgeMs: number | null;
}

export type DataQualityKind =
  | 'unknown-changes'
  | 'non-positive-lead-time'
  | 'unlinked-incident'
  | 'unknown-service'
  | 'future-timestamp'
  | 'out-of-order-timestamps'
  | 'source-without-events'
  | 'missing-commit'
  | 'duplicate-event'
  /** An event without a usable required field (id, sha, a finite instant); it is left out. */
  | 'invalid-event';

export interface DataQualityFinding {
  kind: DataQualityKind;
  severity: 'info' | 'warning' | 'error';
  /** What the finding is about: a deployment id, change SHA, incident id, service or source name. */
  subject: string;
  service?: string;
  message: string;
  at?: Instant;
  /** How many events the finding stands for, when it groups several (e.g. unknown-service). */
  count?: number;
}

/** Pipeline runs after pairing re-runs. */
export interface AttributedPipelineRun {
  run: PipelineRun;
  /** Failed, then passed on a re-run of the same SHA and workflow. */
  flaky: boolean;
  /** Service and team from the catalog (pipelines, or a repository only one service uses), where known. */
  service?: string;
  team?: string;
}

export interface Attributed {
  /** Successful production deployments (after pipeline de-duplication), sorted by finish time. */
  deployments: AttributedDeployment[];
  /** Failed or cancelled production deploy attempts (for deploy attempt failure rate). */
  failedAttempts: Deployment[];
  changes: AttributedChange[];
  incidents: AttributedIncident[];
  pipelineRuns: AttributedPipelineRun[];
  dataQuality: DataQualityFinding[];
  /** service -> team from the catalog (the first owning team of a service several teams own). */
  teams: Record<string, string>;
  /**
   * service -> every owning team, for the services the catalog gives several ("teams: [a, b]"); absent or empty when
   * no service is shared. Grouped by team, such a service counts in each owner's group.
   */
  owners?: Record<string, string[]>;
  /** service -> runbook URL from the catalog (absent or empty without runbooks). */
  runbooks?: Record<string, string>;
  /** service -> availability objective from the catalog (absent or empty without objectives). */
  objectives?: Record<string, AvailabilityObjective>;
}
