/**
 * Grafana annotations settings: which tags mark deployments and incidents, an optional dashboard, and how tags
 * or text name the service, environment, repository, SHA, status and severity ("service:checkout", "sha=abc123").
 * Validation is shared by the source and the config editor.
 */
import { SettingsProblem, settingsError } from './settingsProblem';

export interface AnnotationsSettings {
  enabled?: boolean;
  /** Tags an annotation must all carry to be a deployment, comma-separated (default "deploy"). */
  deploymentTags?: string;
  /** Tags an annotation must all carry to be an incident, comma-separated (empty: no incidents). */
  incidentTags?: string;
  /** Only annotations of this dashboard (its UID); empty: organisation and dashboard annotations alike. */
  dashboardUid?: string;
  /** Keys of key:value (or key=value) tags and text words. */
  serviceKey?: string;
  environmentKey?: string;
  repoKey?: string;
  shaKey?: string;
  statusKey?: string;
  severityKey?: string;
  /** Used when an annotation names no service / environment / repository. */
  defaultService?: string;
  defaultEnvironment?: string;
  defaultRepo?: string;
  timeoutSeconds?: number;
}

export interface ResolvedAnnotationsSettings {
  deploymentTags: string[];
  incidentTags: string[];
  dashboardUid?: string;
  keys: { service: string; environment: string; repo: string; sha: string; status: string; severity: string };
  defaults: { service?: string; environment: string; repo?: string };
  timeoutMs: number;
}

export const DEFAULT_DEPLOYMENT_TAGS = 'deploy';
export const DEFAULT_KEYS = {
  service: 'service',
  environment: 'env',
  repo: 'repo',
  sha: 'sha',
  status: 'status',
  severity: 'severity',
};
export const DEFAULT_ENVIRONMENT = 'production';
const KEY_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const UID_RE = /^[A-Za-z0-9_-]{1,40}$/;
const REPO_RE = /^[^\s/]+(\/[^\s/]+)+$/;

export function splitTags(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

const KEY_FIELDS: Array<[keyof AnnotationsSettings, keyof typeof DEFAULT_KEYS]> = [
  ['serviceKey', 'service'],
  ['environmentKey', 'environment'],
  ['repoKey', 'repo'],
  ['shaKey', 'sha'],
  ['statusKey', 'status'],
  ['severityKey', 'severity'],
];

export function validateAnnotationsSettings(s: AnnotationsSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const deploymentTags = splitTags(settings.deploymentTags ?? DEFAULT_DEPLOYMENT_TAGS);
  const incidentTags = splitTags(settings.incidentTags);
  if (deploymentTags.length === 0 && incidentTags.length === 0) {
    problems.push({
      field: 'deploymentTags',
      message: 'no tags mark deployments or incidents; enter e.g. deploy for deployments, incident for incidents.',
    });
  }
  if (deploymentTags.length > 0 && incidentTags.length > 0 && deploymentTags.join(',') === incidentTags.join(',')) {
    problems.push({
      field: 'incidentTags',
      message: `incidentTags "${settings.incidentTags}" are the deployment tags; use a tag of their own, e.g. incident.`,
    });
  }
  const uid = settings.dashboardUid?.trim();
  if (uid && !UID_RE.test(uid)) {
    problems.push({
      field: 'dashboardUid',
      message: `dashboardUid "${uid}" is not a dashboard UID (letters, digits, - and _, as in /d/UID/ of the dashboard's URL).`,
    });
  }
  const seen: Record<string, string> = {};
  for (const [field, key] of KEY_FIELDS) {
    const value = (settings[field] as string | undefined)?.trim() || DEFAULT_KEYS[key];
    if (!KEY_RE.test(value)) {
      problems.push({ field, message: `${field} "${value}" is not a key; use a word such as ${DEFAULT_KEYS[key]}.` });
    } else if (seen[value.toLowerCase()]) {
      problems.push({
        field,
        message: `${field} "${value}" is also ${seen[value.toLowerCase()]}; each key must differ.`,
      });
    } else {
      seen[value.toLowerCase()] = field;
    }
  }
  const repo = settings.defaultRepo?.trim();
  if (repo && !REPO_RE.test(repo)) {
    problems.push({ field: 'defaultRepo', message: `defaultRepo "${repo}" is not owner/name (e.g. acme/checkout).` });
  }
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

export function resolveAnnotationsSettings(s: AnnotationsSettings | undefined): ResolvedAnnotationsSettings {
  const problems = validateAnnotationsSettings(s);
  if (problems.length > 0) {
    throw settingsError('Grafana annotations', problems);
  }
  const settings = s ?? {};
  const keys = { ...DEFAULT_KEYS };
  for (const [field, key] of KEY_FIELDS) {
    const value = (settings[field] as string | undefined)?.trim();
    if (value) {
      keys[key] = value;
    }
  }
  return {
    deploymentTags: splitTags(settings.deploymentTags ?? DEFAULT_DEPLOYMENT_TAGS),
    incidentTags: splitTags(settings.incidentTags),
    dashboardUid: settings.dashboardUid?.trim() || undefined,
    keys,
    defaults: {
      service: settings.defaultService?.trim() || undefined,
      environment: settings.defaultEnvironment?.trim() || DEFAULT_ENVIRONMENT,
      repo: settings.defaultRepo?.trim() || undefined,
    },
    timeoutMs: (settings.timeoutSeconds ?? 30) * 1000,
  };
}
