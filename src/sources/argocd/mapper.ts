/**
 * Argo CD applications to deployments (pure). Each entry of an application's sync history is a successful
 * deployment of its revision; the current operation, when it failed, is a failed attempt, and when it runs, a
 * deployment in progress. Returning to an older revision is an ordinary history entry: the engine's rollback
 * rule recognises it. Commits come from GitHub or GitLab, met on the repository key and the SHA.
 */
import { Deployment, Instant, utcMinute } from '../../engine';
import { toInstant, withoutUndefined } from '../mapping';
import { SourceNotice } from '../types';
import { ArgoApplication, ArgoRevisionHistory, ArgoSource } from './apiTypes';
import { NameRule, ResolvedArgoCdSettings } from '../../settings/argocd';

export const SOURCE = 'argocd';
/** Argo CD keeps this many history entries when spec.revisionHistoryLimit is not set. */
export const DEFAULT_HISTORY_LIMIT = 10;
const SHA_RE = /^[0-9a-f]{7,40}$/i;
const FAILED_PHASES = ['Failed', 'Error'];
const RUNNING_PHASES = ['Running', 'Terminating'];

export interface ArgoMapRules {
  service: NameRule;
  environment: NameRule;
  production?: RegExp;
  /** Argo CD's web address, for links to each application (the configured server URL). */
  webUrl?: string;
}

export interface MappedApplications {
  deployments: Deployment[];
  notices: SourceNotice[];
}

export function rulesOf(settings: ResolvedArgoCdSettings): ArgoMapRules {
  return {
    service: settings.service,
    environment: settings.environment,
    production: settings.production,
    webUrl: settings.url,
  };
}

/**
 * "owner/name" (or "group/sub/project") of a Git URL in any of its forms: https://host/o/r.git,
 * git@host:o/r.git, ssh://git@host:22/o/r. This is the key GitHub and GitLab changes carry.
 */
export function repositoryKey(repoURL: string | undefined): string | undefined {
  if (!repoURL) {
    return undefined;
  }
  let rest = repoURL.trim();
  let path: string | undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?[^/]+\/(.*)$/i.exec(rest);
  if (withScheme) {
    path = withScheme[1];
  } else {
    rest = rest.replace(/^[^@/:]+@/, '');
    const scp = /^[^/:]+:(.*)$/.exec(rest);
    path = scp ? scp[1] : rest;
  }
  const key = path
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/^\/+/, '');
  return key === '' ? undefined : key;
}

function nameFrom(rule: NameRule, app: ArgoApplication): string | undefined {
  const name = app.metadata?.name;
  switch (rule.from) {
    case 'name':
      return name;
    case 'label':
      return rule.value ? app.metadata?.labels?.[rule.value] : undefined;
    case 'namespace':
      return app.spec?.destination?.namespace;
    case 'cluster':
      return app.spec?.destination?.name || hostOf(app.spec?.destination?.server);
    case 'project':
      return app.spec?.project;
    case 'fixed':
      return rule.value;
  }
}

function hostOf(server: string | undefined): string | undefined {
  if (!server) {
    return undefined;
  }
  const m = /^[a-z]+:\/\/([^/:]+)/i.exec(server);
  return m ? m[1] : server;
}

function describeRule(rule: NameRule): string {
  switch (rule.from) {
    case 'label':
      return `label ${rule.value}`;
    case 'namespace':
      return 'destination namespace';
    case 'cluster':
      return 'destination cluster';
    default:
      return rule.from;
  }
}

/** The Git source of a (multi-source) application: the first with a path and no Helm chart, else the first. */
function gitSourceIndex(sources: ArgoSource[]): number {
  for (let i = 0; i < sources.length; i++) {
    if (!sources[i].chart && sources[i].path !== undefined) {
      return i;
    }
  }
  for (let i = 0; i < sources.length; i++) {
    if (!sources[i].chart) {
      return i;
    }
  }
  return 0;
}

interface Revision {
  sha?: string;
  source?: ArgoSource;
}

function revisionOf(
  single: { revision?: string; source?: ArgoSource },
  multi: { revisions?: string[]; sources?: ArgoSource[] },
  specSources: ArgoSource[]
): Revision {
  const sources = multi.sources && multi.sources.length > 0 ? multi.sources : specSources;
  if (multi.revisions && multi.revisions.length > 0) {
    const index = gitSourceIndex(sources);
    return { sha: multi.revisions[index] ?? multi.revisions[0], source: sources[index] };
  }
  return { sha: single.revision || undefined, source: single.source ?? specSources[0] };
}

function specSourcesOf(app: ArgoApplication): ArgoSource[] {
  const spec = app.spec;
  if (spec?.sources && spec.sources.length > 0) {
    return spec.sources;
  }
  return spec?.source ? [spec.source] : [];
}

function historyLimit(app: ArgoApplication): number {
  const limit = Number(app.spec?.revisionHistoryLimit ?? DEFAULT_HISTORY_LIMIT);
  return isFinite(limit) && limit > 0 ? limit : DEFAULT_HISTORY_LIMIT;
}

/** Maps every application; problems become notices naming the application and the fix. */
export function mapApplications(
  apps: ArgoApplication[],
  rules: ArgoMapRules,
  range: { from: Instant }
): MappedApplications {
  const deployments: Deployment[] = [];
  const notices: SourceNotice[] = [];
  const missingService: string[] = [];
  const missingEnvironment: string[] = [];
  const notCommits: string[] = [];
  const truncated: string[] = [];
  for (const app of apps) {
    const name = app.metadata?.name;
    if (!name) {
      continue;
    }
    const key = app.metadata?.namespace ? `${app.metadata.namespace}/${name}` : name;
    let service = nameFrom(rules.service, app);
    if (!service) {
      missingService.push(name);
      service = name;
    }
    let environment = nameFrom(rules.environment, app);
    if (!environment) {
      missingEnvironment.push(name);
      environment = 'unknown';
    }
    const common = {
      service,
      environment,
      source: SOURCE,
      title: name,
      url: rules.webUrl
        ? `${rules.webUrl}/applications/${app.metadata?.namespace ? `${app.metadata.namespace}/` : ''}${name}`
        : undefined,
      production: rules.production ? rules.production.test(name) : undefined,
    };
    const specSources = specSourcesOf(app);
    const history = app.status?.history ?? [];
    let nonCommit: string | undefined;
    const fromHistory = (entry: ArgoRevisionHistory): Deployment | undefined => {
      const finishedAt = toInstant(entry.deployedAt);
      const revision = revisionOf(entry, entry, specSources);
      if (finishedAt === undefined || !revision.sha) {
        return undefined;
      }
      if (!SHA_RE.test(revision.sha)) {
        nonCommit = revision.sha;
      }
      return withoutUndefined<Deployment>({
        ...common,
        id: `${SOURCE}:${key}:${String(entry.id ?? finishedAt)}`,
        repo: repositoryKey(revision.source?.repoURL) ?? name,
        sha: revision.sha,
        startedAt: toInstant(entry.deployStartedAt),
        finishedAt,
        status: 'success',
        ref: revision.source?.targetRevision,
      });
    };
    const mapped = history.map(fromHistory).filter((d): d is Deployment => d !== undefined);
    deployments.push(...mapped);
    const operation = operationDeployment(app, key, specSources, mapped);
    if (operation) {
      deployments.push(withoutUndefined<Deployment>({ ...common, ...operation }));
    }
    if (nonCommit !== undefined) {
      notCommits.push(`${name} (${nonCommit})`);
    }
    const oldest = mapped.length > 0 ? Math.min(...mapped.map((d) => d.finishedAt)) : undefined;
    if (history.length >= historyLimit(app) && oldest !== undefined && oldest > range.from) {
      truncated.push(`${name} (since ${utcMinute(oldest)})`);
    }
  }
  if (missingService.length > 0) {
    notices.push({
      severity: 'warning',
      text: `Argo CD: ${list(missingService)} ${missingService.length === 1 ? 'has' : 'have'} no ${describeRule(rules.service)}; the application name is used as the service. Add it, or change "Service from" in the Argo CD settings.`,
    });
  }
  if (missingEnvironment.length > 0) {
    notices.push({
      severity: 'warning',
      text: `Argo CD: ${list(missingEnvironment)} ${missingEnvironment.length === 1 ? 'has' : 'have'} no ${describeRule(rules.environment)}; the environment is "unknown" and counts as production only by the production applications pattern. Add it, or change "Environment from" in the Argo CD settings.`,
    });
  }
  if (notCommits.length > 0) {
    notices.push({
      severity: 'info',
      text: `Argo CD: ${list(notCommits)} deploy${notCommits.length === 1 ? 's' : ''} a revision that is not a commit SHA (a Helm chart version); their deployments count, but their changes and lead times cannot be known.`,
    });
  }
  if (truncated.length > 0) {
    notices.push({
      severity: 'info',
      text: `Argo CD keeps only the last syncs of each application (spec.revisionHistoryLimit, default ${DEFAULT_HISTORY_LIMIT}): deployments before the oldest kept one are missing for ${list(truncated)}. Raise revisionHistoryLimit on these applications to see the whole range.`,
    });
  }
  return { deployments, notices };
}

/** The application's current operation: a failed sync is a failed attempt, a running one is in progress. */
function operationDeployment(
  app: ArgoApplication,
  key: string,
  specSources: ArgoSource[],
  history: Deployment[]
): Omit<Deployment, 'service' | 'environment' | 'source'> | undefined {
  const op = app.status?.operationState;
  const phase = op?.phase ?? '';
  const startedAt = toInstant(op?.startedAt);
  if (!op || startedAt === undefined) {
    return undefined;
  }
  const fromResult = revisionOf(op.syncResult ?? {}, op.syncResult ?? {}, specSources);
  const requested = revisionOf(op.operation?.sync ?? {}, op.operation?.sync ?? {}, specSources);
  const sha = fromResult.sha ?? requested.sha;
  const source = fromResult.sha ? fromResult.source : requested.source;
  if (!sha) {
    return undefined;
  }
  const base = {
    id: `${SOURCE}:${key}:operation:${op.startedAt}`,
    repo: repositoryKey(source?.repoURL) ?? app.metadata?.name ?? key,
    sha,
    startedAt,
    ref: source?.targetRevision,
  };
  if (FAILED_PHASES.indexOf(phase) >= 0) {
    return { ...base, finishedAt: toInstant(op.finishedAt) ?? startedAt, status: 'failure' as const };
  }
  if (RUNNING_PHASES.indexOf(phase) >= 0) {
    return { ...base, finishedAt: startedAt, status: 'in_progress' as const };
  }
  // A successful operation is in the history; an application without history (limit 0) still counts it.
  const finishedAt = toInstant(op.finishedAt);
  if (
    phase === 'Succeeded' &&
    finishedAt !== undefined &&
    !history.some((d) => d.sha === sha && d.finishedAt >= startedAt)
  ) {
    return { ...base, finishedAt, status: 'success' as const };
  }
  return undefined;
}

function list(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}
