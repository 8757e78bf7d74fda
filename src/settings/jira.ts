/**
 * Jira settings: defaults and validation, shared by the source (which refuses to run on invalid settings) and the
 * config editor (which shows the same messages as the user types).
 */
import { JiraDeployment, JiraSettings } from './model';

export const DEFAULT_JQL = 'issuetype = Incident';
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEPLOYMENTS: JiraDeployment[] = ['cloud', 'datacenter'];

/** Where the service comes from: components, labels ("service:<name>"), or a custom field. */
export type ServiceFrom = 'components' | 'labels' | { field: string };

export interface ResolvedJiraSettings {
  url: string;
  deployment: JiraDeployment;
  jql: string;
  service: ServiceFrom;
  /** 'priority' or a custom field id. */
  severityField: string;
  impactStartField?: string;
  /** 'resolutiondate', 'status' (from the changelog) or a custom field id. */
  resolvedField: string;
  /** A custom field id or 'status' (from the changelog); undefined: none. */
  acknowledgedField?: string;
  causeField?: string;
  timeoutMs: number;
  /** Whether the changelog is needed (status times). */
  changelog: boolean;
}

export interface SettingsProblem {
  field: string;
  message: string;
}

const CUSTOM_FIELD = /^customfield_\d+$/;

function fieldProblem(field: string, value: string | undefined, allowed: string[]): SettingsProblem | null {
  if (value === undefined || value === '' || allowed.indexOf(value) >= 0 || CUSTOM_FIELD.test(value)) {
    return null;
  }
  const choices = allowed.length ? `${allowed.join(', ')} or ` : '';
  return { field, message: `${field} "${value}" is not ${choices}a custom field id (customfield_10042).` };
}

export function validateJiraSettings(s: JiraSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const url = (settings.url ?? '').trim();
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/i.test(url)) {
    problems.push({
      field: 'url',
      message: `url "${settings.url ?? ''}" is not an https site URL; use https://SITE.atlassian.net (Cloud) or your Data Center base URL.`,
    });
  }
  const deployment = settings.deployment ?? (/\.atlassian\.net\/?$/i.test(url) ? 'cloud' : undefined);
  if (deployment === undefined || DEPLOYMENTS.indexOf(deployment) < 0) {
    problems.push({
      field: 'deployment',
      message: `deployment "${String(settings.deployment ?? '')}" must be cloud or datacenter.`,
    });
  }
  if (deployment === 'cloud' && !/^[^\s@]+@[^\s@]+$/.test((settings.email ?? '').trim())) {
    problems.push({
      field: 'email',
      message: `email "${settings.email ?? ''}" is not an email address; Jira Cloud needs the account's email with its API token.`,
    });
  }
  const checks = [
    fieldProblem('serviceField', settings.serviceField, ['components', 'labels']),
    fieldProblem('severityField', settings.severityField, ['priority']),
    fieldProblem('impactStartField', settings.impactStartField, []),
    fieldProblem('resolvedField', settings.resolvedField, ['resolutiondate', 'status']),
    fieldProblem('acknowledgedField', settings.acknowledgedField, ['status']),
    fieldProblem('causeField', settings.causeField, []),
  ];
  problems.push(...checks.filter((p): p is SettingsProblem => p !== null));
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolveJiraSettings(s: JiraSettings | undefined): ResolvedJiraSettings {
  const problems = validateJiraSettings(s);
  if (problems.length > 0) {
    throw new Error(`Jira settings are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  const settings = s ?? {};
  const url = (settings.url ?? '').trim().replace(/\/+$/, '');
  const serviceField = nonEmpty(settings.serviceField) ?? 'components';
  const resolvedField = nonEmpty(settings.resolvedField) ?? 'resolutiondate';
  const acknowledgedField = nonEmpty(settings.acknowledgedField);
  return {
    url,
    deployment: settings.deployment ?? 'cloud',
    jql: nonEmpty(settings.jql) ?? DEFAULT_JQL,
    service: serviceField === 'components' || serviceField === 'labels' ? serviceField : { field: serviceField },
    severityField: nonEmpty(settings.severityField) ?? 'priority',
    impactStartField: nonEmpty(settings.impactStartField),
    resolvedField,
    acknowledgedField,
    causeField: nonEmpty(settings.causeField),
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    changelog: resolvedField === 'status' || acknowledgedField === 'status',
  };
}

/** The fields a search asks for: only those the mapping reads. */
export function searchFields(s: ResolvedJiraSettings): string[] {
  const fields = [
    'summary',
    'created',
    'updated',
    'status',
    'priority',
    'labels',
    'components',
    'issuelinks',
    'resolutiondate',
    'assignee',
  ];
  for (const f of [
    typeof s.service === 'object' ? s.service.field : undefined,
    s.severityField,
    s.impactStartField,
    s.resolvedField,
    s.acknowledgedField,
    s.causeField,
  ]) {
    if (f && CUSTOM_FIELD.test(f) && fields.indexOf(f) < 0) {
      fields.push(f);
    }
  }
  return fields;
}

/** The basic credentials of Jira Cloud: base64 of "email:API token" (UTF-8). Grafana's proxy routes cannot encode. */
export function basicCredentials(email: string, token: string): string {
  const bytes = new TextEncoder().encode(`${email.trim()}:${token}`);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
}
