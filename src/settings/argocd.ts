/**
 * Argo CD settings: defaults, validation (shared by the source, which refuses to run on invalid settings, and
 * the config editor, which shows the same messages as the user types), and what they resolve to.
 */
import { regexProblem } from '../engine';
import { SettingsProblem, serverUrlProblem, settingsError, trimUrl } from './settingsProblem';

/** Which applications are read. */
export type ArgoApplicationScope = 'all' | 'projects' | 'pattern';
/** Where an application's service or environment name comes from. */
export type ArgoNameFrom = 'name' | 'label' | 'namespace' | 'cluster' | 'project' | 'fixed';

export interface ArgoCdSettings {
  enabled?: boolean;
  /** Argo CD server URL, e.g. https://argocd.example.com (always stored: the proxy route reads it). */
  url?: string;
  applications?: ArgoApplicationScope;
  /** 'projects': project names, comma-separated. */
  projects?: string;
  /** 'pattern': a regular expression over application names. */
  namePattern?: string;
  /** Service name: the application's name (default), a label, or its destination namespace. */
  serviceFrom?: ArgoNameFrom;
  serviceLabel?: string;
  /** Environment name: a label, the destination namespace or cluster, the project, or one fixed name (default). */
  environmentFrom?: ArgoNameFrom;
  environmentLabel?: string;
  /** 'fixed': the environment every application deploys to (default production). */
  environment?: string;
  /**
   * Applications that deploy to production: a regular expression over application names. Empty: the data
   * source's production environment pattern decides from the environment.
   */
  productionPattern?: string;
  /** Seconds a query may take, retries included (default 30). */
  timeoutSeconds?: number;
}

export const ARGOCD_URL_EXAMPLE = 'https://argocd.example.com';
export const SERVICE_FROM: ArgoNameFrom[] = ['name', 'label', 'namespace'];
export const ENVIRONMENT_FROM: ArgoNameFrom[] = ['fixed', 'label', 'namespace', 'cluster', 'project'];
export const APPLICATION_SCOPES: ArgoApplicationScope[] = ['all', 'projects', 'pattern'];
export const DEFAULT_ENVIRONMENT = 'production';
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** A Kubernetes label key: optional DNS prefix and "/", then a name of 63 characters at most. */
const LABEL_KEY_RE = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** An Argo CD project name (a Kubernetes object name). */
const PROJECT_RE = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export interface NameRule {
  from: ArgoNameFrom;
  /** The label key ('label') or the fixed name ('fixed'). */
  value?: string;
}

export interface ResolvedArgoCdSettings {
  url: string;
  scope: ArgoApplicationScope;
  projects: string[];
  namePattern?: RegExp;
  service: NameRule;
  environment: NameRule;
  production?: RegExp;
  timeoutMs: number;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function patternProblem(field: string, pattern: string | undefined): SettingsProblem | null {
  if (pattern === undefined || pattern === '') {
    return null;
  }
  const problem = regexProblem(pattern);
  return problem ? { field, message: `${field} "${pattern}" is not a valid regular expression: ${problem}.` } : null;
}

function labelProblem(field: string, key: string | undefined): SettingsProblem | null {
  if (key === undefined || key.trim() === '') {
    return { field, message: `${field} is empty; enter the label key, e.g. app.kubernetes.io/part-of.` };
  }
  return LABEL_KEY_RE.test(key.trim())
    ? null
    : { field, message: `${field} "${key}" is not a Kubernetes label key (e.g. app.kubernetes.io/part-of).` };
}

/** Every problem of the settings, in the order of the form. Empty when the source can run. */
export function validateArgoCdSettings(s: ArgoCdSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const add = (p: SettingsProblem | null) => p && problems.push(p);
  add(serverUrlProblem('url', settings.url, ARGOCD_URL_EXAMPLE));
  const scope = settings.applications ?? 'all';
  if (APPLICATION_SCOPES.indexOf(scope) < 0) {
    add({
      field: 'applications',
      message: `applications "${scope}" is unknown; use one of ${APPLICATION_SCOPES.join(', ')}.`,
    });
  }
  if (scope === 'projects') {
    const projects = splitList(settings.projects);
    if (projects.length === 0) {
      add({
        field: 'projects',
        message: 'projects is empty; enter one or more Argo CD project names, comma-separated.',
      });
    }
    for (const project of projects) {
      if (!PROJECT_RE.test(project)) {
        add({
          field: 'projects',
          message: `project "${project}" is not an Argo CD project name (lower case, e.g. payments).`,
        });
      }
    }
  }
  if (scope === 'pattern') {
    if (!settings.namePattern) {
      add({
        field: 'namePattern',
        message: 'namePattern is empty; enter a regular expression over application names, e.g. ^checkout-.',
      });
    }
    add(patternProblem('namePattern', settings.namePattern));
  }
  const serviceFrom = settings.serviceFrom ?? 'name';
  if (SERVICE_FROM.indexOf(serviceFrom) < 0) {
    add({
      field: 'serviceFrom',
      message: `serviceFrom "${serviceFrom}" is unknown; use one of ${SERVICE_FROM.join(', ')}.`,
    });
  } else if (serviceFrom === 'label') {
    add(labelProblem('serviceLabel', settings.serviceLabel));
  }
  const environmentFrom = settings.environmentFrom ?? 'fixed';
  if (ENVIRONMENT_FROM.indexOf(environmentFrom) < 0) {
    add({
      field: 'environmentFrom',
      message: `environmentFrom "${environmentFrom}" is unknown; use one of ${ENVIRONMENT_FROM.join(', ')}.`,
    });
  } else if (environmentFrom === 'label') {
    add(labelProblem('environmentLabel', settings.environmentLabel));
  }
  add(patternProblem('productionPattern', settings.productionPattern));
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    add({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolveArgoCdSettings(s: ArgoCdSettings | undefined): ResolvedArgoCdSettings {
  const problems = validateArgoCdSettings(s);
  if (problems.length > 0) {
    throw settingsError('Argo CD', problems);
  }
  const settings = s ?? {};
  const serviceFrom = settings.serviceFrom ?? 'name';
  const environmentFrom = settings.environmentFrom ?? 'fixed';
  const scope = settings.applications ?? 'all';
  return {
    url: trimUrl(settings.url ?? ''),
    scope,
    projects: scope === 'projects' ? splitList(settings.projects) : [],
    namePattern: scope === 'pattern' && settings.namePattern ? new RegExp(settings.namePattern, 'i') : undefined,
    service: { from: serviceFrom, value: serviceFrom === 'label' ? settings.serviceLabel?.trim() : undefined },
    environment: {
      from: environmentFrom,
      value:
        environmentFrom === 'label'
          ? settings.environmentLabel?.trim()
          : environmentFrom === 'fixed'
            ? settings.environment?.trim() || DEFAULT_ENVIRONMENT
            : undefined,
    },
    production: settings.productionPattern ? new RegExp(settings.productionPattern, 'i') : undefined,
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}
