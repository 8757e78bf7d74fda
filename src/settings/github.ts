/**
 * GitHub settings: defaults, the repository line syntax and validation. Shared by the source (which refuses to
 * run on invalid settings) and the config editor (which shows the same messages as the user types).
 */
import { regexProblem } from '../engine';
import { GitHubDeploymentSource, GitHubRepositoryRules, GitHubSettings } from './model';
import { DEFAULT_TAG_PATTERN } from './releaseTags';
import { nonEmpty, parseRuleLines, splitList, withOverrides } from './ruleLines';
import { SettingsProblem } from './settingsProblem';

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_GRAPHQL_URL = 'https://api.github.com/graphql';
export const DEFAULT_ENVIRONMENT_PATTERN = '^production$';
export const DEFAULT_INCIDENT_LABELS = 'incident';
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEPLOYMENT_SOURCES: GitHubDeploymentSource[] = ['deployments', 'workflows', 'releases', 'tags'];

/** The rules of one repository after defaults and overrides are applied. */
export interface RepositoryConfig {
  /** owner/name */
  repo: string;
  owner: string;
  name: string;
  service: string;
  deploymentSource: GitHubDeploymentSource;
  environmentPattern: string;
  workflowPattern: string;
  jobPattern: string;
  /** Undefined: the production branch. */
  workflowBranch?: string;
  /** Undefined: the repository's default branch. */
  productionBranch?: string;
  incidentLabels: string[];
  /** Tags that are production releases ('releases' and 'tags'). */
  tagPattern: string;
}

export interface ResolvedGitHubSettings {
  apiUrl: string;
  graphqlUrl: string;
  repositories: RepositoryConfig[];
  organization?: { name: string; include: string; rules: GitHubRepositoryRules };
  timeoutMs: number;
}

export type { SettingsProblem };

const REPO_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ORG_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const BRANCH_RE = /^[^\s~^:?*[\\]+$/;

/** Line keys -> rule fields. */
const LINE_KEYS: Record<string, keyof GitHubRepositoryRules> = {
  deploy: 'deploymentSource',
  env: 'environmentPattern',
  workflow: 'workflowPattern',
  job: 'jobPattern',
  branch: 'workflowBranch',
  production: 'productionBranch',
  labels: 'incidentLabels',
  tags: 'tagPattern',
  service: 'service',
};

const PATTERN_FIELDS: Array<keyof GitHubRepositoryRules> = [
  'environmentPattern',
  'workflowPattern',
  'jobPattern',
  'tagPattern',
];
const BRANCH_FIELDS: Array<keyof GitHubRepositoryRules> = ['workflowBranch', 'productionBranch'];

export function validateApiUrl(field: 'apiUrl' | 'graphqlUrl', url: string): SettingsProblem | null {
  const value = url.trim();
  if (!/^https:\/\/[^\s/]+/i.test(value)) {
    const example = field === 'apiUrl' ? 'https://api.github.com or https://HOST/api/v3' : 'https://HOST/api/graphql';
    return { field, message: `${field} "${url}" is not an https URL; use ${example}.` };
  }
  return null;
}

/** The GraphQL endpoint that belongs to a REST API URL (github.com and GitHub Enterprise Server). */
export function graphqlUrlFor(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, '');
  if (/^https:\/\/api\.github\.com$/i.test(trimmed)) {
    return DEFAULT_GRAPHQL_URL;
  }
  if (/\/api\/v3$/i.test(trimmed)) {
    return trimmed.replace(/\/api\/v3$/i, '/api/graphql');
  }
  return `${trimmed}/graphql`;
}

function rulesProblems(rules: GitHubRepositoryRules, where: string): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (rules.deploymentSource !== undefined && DEPLOYMENT_SOURCES.indexOf(rules.deploymentSource) < 0) {
    problems.push({
      field: `${where}deploymentSource`,
      message: `deployment source "${rules.deploymentSource}" is unknown; use one of ${DEPLOYMENT_SOURCES.join(', ')}.`,
    });
  }
  for (const key of PATTERN_FIELDS) {
    const value = rules[key];
    const error = typeof value === 'string' && value !== '' ? regexProblem(value) : undefined;
    if (error) {
      problems.push({
        field: `${where}${key}`,
        message: `${key} "${value}" is not a valid regular expression: ${error}.`,
      });
    }
  }
  for (const key of BRANCH_FIELDS) {
    const value = rules[key];
    if (typeof value === 'string' && value !== '' && !BRANCH_RE.test(value)) {
      problems.push({ field: `${where}${key}`, message: `${key} "${value}" is not a branch name (e.g. main).` });
    }
  }
  return problems;
}

export interface ParsedRepositoryLine {
  repo: string;
  overrides: GitHubRepositoryRules;
}

/** Parses the repositories text: one "owner/name key=value ..." per line. */
export function parseRepositoryLines(text: string): { lines: ParsedRepositoryLine[]; problems: SettingsProblem[] } {
  const parsed = parseRuleLines<GitHubRepositoryRules>(text, {
    field: 'repositories',
    name: REPO_RE,
    nameHint: 'owner/name (e.g. grafana/grafana)',
    keys: LINE_KEYS,
    check: (overrides) => rulesProblems(overrides, '').map((p) => p.message),
  });
  return { lines: parsed.lines.map((l) => ({ repo: l.name, overrides: l.overrides })), problems: parsed.problems };
}

function splitLabels(labels: string | undefined): string[] {
  return splitList(labels ?? DEFAULT_INCIDENT_LABELS);
}

/** Applies the rules (defaults, then overrides) to a repository. */
export function repositoryConfig(
  repo: string,
  defaults: GitHubRepositoryRules,
  overrides: GitHubRepositoryRules = {}
): RepositoryConfig {
  const r = withOverrides(defaults, overrides);
  const [owner, name] = repo.split('/');
  return {
    repo,
    owner,
    name,
    service: nonEmpty(r.service) ?? repo,
    deploymentSource: r.deploymentSource ?? 'deployments',
    environmentPattern: nonEmpty(r.environmentPattern) ?? DEFAULT_ENVIRONMENT_PATTERN,
    workflowPattern: r.workflowPattern ?? '',
    jobPattern: r.jobPattern ?? '',
    workflowBranch: nonEmpty(r.workflowBranch),
    productionBranch: nonEmpty(r.productionBranch),
    incidentLabels: splitLabels(r.incidentLabels),
    tagPattern: nonEmpty(r.tagPattern) ?? DEFAULT_TAG_PATTERN,
  };
}

function defaultRules(s: GitHubSettings): GitHubRepositoryRules {
  return {
    deploymentSource: s.deploymentSource,
    environmentPattern: s.environmentPattern,
    workflowPattern: s.workflowPattern,
    jobPattern: s.jobPattern,
    workflowBranch: s.workflowBranch,
    productionBranch: s.productionBranch,
    incidentLabels: s.incidentLabels,
    tagPattern: s.tagPattern,
    // service is per repository only: a shared default would merge every repository into one service.
  };
}

/** Every problem of the settings, in the order of the form. Empty when the source can run. */
export function validateGitHubSettings(s: GitHubSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const api = validateApiUrl('apiUrl', settings.apiUrl ?? DEFAULT_API_URL);
  if (api) {
    problems.push(api);
  }
  if (settings.graphqlUrl !== undefined && settings.graphqlUrl !== '') {
    const gql = validateApiUrl('graphqlUrl', settings.graphqlUrl);
    if (gql) {
      problems.push(gql);
    }
  }
  problems.push(...rulesProblems(defaultRules(settings), ''));
  problems.push(...parseRepositoryLines(settings.repositories ?? '').problems);
  const org = nonEmpty(settings.organization);
  if (org !== undefined && !ORG_RE.test(org)) {
    problems.push({
      field: 'organization',
      message: `organization "${org}" is not a GitHub organisation login (e.g. grafana).`,
    });
  }
  if (settings.organizationInclude) {
    const error = regexProblem(settings.organizationInclude);
    if (error) {
      problems.push({
        field: 'organizationInclude',
        message: `organizationInclude "${settings.organizationInclude}" is not a valid regular expression: ${error}.`,
      });
    }
  }
  if (parseRepositoryLines(settings.repositories ?? '').lines.length === 0 && org === undefined) {
    problems.push({
      field: 'repositories',
      message: 'no repository configured; add owner/name lines or an organization.',
    });
  }
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolveGitHubSettings(s: GitHubSettings | undefined): ResolvedGitHubSettings {
  const problems = validateGitHubSettings(s);
  if (problems.length > 0) {
    throw new Error(`GitHub settings are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  const settings = s ?? {};
  const apiUrl = (settings.apiUrl ?? DEFAULT_API_URL).trim().replace(/\/+$/, '');
  const defaults = defaultRules(settings);
  const org = nonEmpty(settings.organization);
  return {
    apiUrl,
    graphqlUrl: nonEmpty(settings.graphqlUrl) ?? graphqlUrlFor(apiUrl),
    repositories: parseRepositoryLines(settings.repositories ?? '').lines.map((l) =>
      repositoryConfig(l.repo, defaults, l.overrides)
    ),
    organization: org ? { name: org, include: settings.organizationInclude ?? '', rules: defaults } : undefined,
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}
