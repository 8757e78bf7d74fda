/**
 * GitLab settings: defaults, the project line syntax and validation. Shared by the source (which refuses to run on
 * invalid settings) and the config editor (which shows the same messages as the user types).
 */
import { regexProblem } from '../engine';
import { GitLabDeploymentSource, GitLabProjectRules, GitLabSettings } from './model';
import { DEFAULT_TAG_PATTERN } from './releaseTags';
import { nonEmpty, parseRuleLines, splitList, withOverrides } from './ruleLines';
import { SettingsProblem } from './settingsProblem';

export const DEFAULT_URL = 'https://gitlab.com';
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** GitLab's deployment tier of production environments, used when no environment pattern is set. */
export const PRODUCTION_TIER = 'production';
export const DEPLOYMENT_SOURCES: GitLabDeploymentSource[] = ['deployments', 'jobs', 'releases', 'tags'];

/** The rules of one project after defaults and overrides are applied. */
export interface ProjectConfig {
  /** group/subgroup/project */
  path: string;
  service: string;
  deploymentSource: GitLabDeploymentSource;
  /** '' = environments of tier production. */
  environmentPattern: string;
  jobPattern: string;
  /** Undefined: the production branch. */
  jobRef?: string;
  /** Undefined: the project's default branch. */
  productionBranch?: string;
  /** Labels that also make an issue an incident (issues of type incident always do). */
  incidentLabels: string[];
  tagPattern: string;
}

export interface ResolvedGitLabSettings {
  /** Instance URL without a trailing slash (path prefix kept). */
  url: string;
  apiUrl: string;
  projects: ProjectConfig[];
  group?: { path: string; include: string; rules: GitLabProjectRules };
  timeoutMs: number;
}

/** A project or group path: segments of letters, digits, _ . - (not starting with - or .), at least two for a project. */
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const PROJECT_RE = new RegExp(`^${SEGMENT}(?:/${SEGMENT})+$`);
const GROUP_RE = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
const BRANCH_RE = /^[^\s~^:?*[\\]+$/;

/** Line keys -> rule fields. */
const LINE_KEYS: Record<string, keyof GitLabProjectRules> = {
  deploy: 'deploymentSource',
  env: 'environmentPattern',
  job: 'jobPattern',
  ref: 'jobRef',
  production: 'productionBranch',
  labels: 'incidentLabels',
  tags: 'tagPattern',
  service: 'service',
};

const PATTERN_FIELDS: Array<keyof GitLabProjectRules> = ['environmentPattern', 'jobPattern', 'tagPattern'];
const BRANCH_FIELDS: Array<keyof GitLabProjectRules> = ['jobRef', 'productionBranch'];

/** The instance URL as the source uses it: trimmed, no trailing slash, no /api/v4 suffix. */
export function normalizeUrl(url: string | undefined): string {
  return (nonEmpty(url) ?? DEFAULT_URL).replace(/\/+$/, '').replace(/\/api\/v4$/i, '');
}

/** The REST API URL of an instance URL (a self-managed path prefix is kept). */
export function apiUrlFor(url: string | undefined): string {
  return `${normalizeUrl(url)}/api/v4`;
}

export function validateUrl(url: string | undefined): SettingsProblem | null {
  const value = normalizeUrl(url);
  if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value)) {
    return {
      field: 'url',
      message: `url "${url}" is not an https URL; use https://gitlab.com or your instance, e.g. https://gitlab.example.com or https://example.com/gitlab.`,
    };
  }
  return null;
}

function rulesProblems(rules: GitLabProjectRules): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (rules.deploymentSource !== undefined && DEPLOYMENT_SOURCES.indexOf(rules.deploymentSource) < 0) {
    problems.push({
      field: 'deploymentSource',
      message: `deployment source "${rules.deploymentSource}" is unknown; use one of ${DEPLOYMENT_SOURCES.join(', ')}.`,
    });
  }
  for (const key of PATTERN_FIELDS) {
    const value = rules[key];
    const error = typeof value === 'string' && value !== '' ? regexProblem(value) : undefined;
    if (error) {
      problems.push({ field: key, message: `${key} "${value}" is not a valid regular expression: ${error}.` });
    }
  }
  for (const key of BRANCH_FIELDS) {
    const value = rules[key];
    if (typeof value === 'string' && value !== '' && !BRANCH_RE.test(value)) {
      problems.push({ field: key, message: `${key} "${value}" is not a branch name (e.g. main).` });
    }
  }
  return problems;
}

export interface ParsedProjectLine {
  path: string;
  overrides: GitLabProjectRules;
}

/** Parses the projects text: one "group/subgroup/project key=value ..." per line. */
export function parseProjectLines(text: string): { lines: ParsedProjectLine[]; problems: SettingsProblem[] } {
  const parsed = parseRuleLines<GitLabProjectRules>(text, {
    field: 'projects',
    name: PROJECT_RE,
    nameHint: 'a project path group/project or group/subgroup/project (e.g. gitlab-org/gitlab)',
    keys: LINE_KEYS,
    check: (overrides) => rulesProblems(overrides).map((p) => p.message),
  });
  return { lines: parsed.lines.map((l) => ({ path: l.name, overrides: l.overrides })), problems: parsed.problems };
}

/** Applies the rules (defaults, then overrides) to a project. */
export function projectConfig(
  path: string,
  defaults: GitLabProjectRules,
  overrides: GitLabProjectRules = {}
): ProjectConfig {
  const r = withOverrides(defaults, overrides);
  const deploymentSource = r.deploymentSource ?? 'deployments';
  return {
    path,
    service: nonEmpty(r.service) ?? path,
    deploymentSource,
    environmentPattern: nonEmpty(r.environmentPattern) ?? '',
    jobPattern: nonEmpty(r.jobPattern) ?? '',
    jobRef: nonEmpty(r.jobRef),
    productionBranch: nonEmpty(r.productionBranch),
    incidentLabels: splitList(r.incidentLabels ?? ''),
    tagPattern: nonEmpty(r.tagPattern) ?? DEFAULT_TAG_PATTERN,
  };
}

function defaultRules(s: GitLabSettings): GitLabProjectRules {
  return {
    deploymentSource: s.deploymentSource,
    environmentPattern: s.environmentPattern,
    jobPattern: s.jobPattern,
    jobRef: s.jobRef,
    productionBranch: s.productionBranch,
    incidentLabels: s.incidentLabels,
    tagPattern: s.tagPattern,
    // service is per project only: a shared default would merge every project into one service.
  };
}

/** Every problem of the settings, in the order of the form. Empty when the source can run. */
export function validateGitLabSettings(s: GitLabSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const url = validateUrl(settings.url);
  if (url) {
    problems.push(url);
  }
  problems.push(...rulesProblems(defaultRules(settings)));
  const lines = parseProjectLines(settings.projects ?? '');
  problems.push(...lines.problems);
  for (const line of lines.lines) {
    const cfg = projectConfig(line.path, defaultRules(settings), line.overrides);
    if (cfg.deploymentSource === 'jobs' && cfg.jobPattern === '') {
      problems.push({
        field: 'projects',
        message: `${line.path}: deploy=jobs needs a job name pattern (job=^deploy-prod or the default job pattern).`,
      });
    }
  }
  const group = nonEmpty(settings.group);
  if (group !== undefined && !GROUP_RE.test(group)) {
    problems.push({
      field: 'group',
      message: `group "${group}" is not a group path (e.g. gitlab-org or acme/platform).`,
    });
  }
  if (settings.groupInclude) {
    const error = regexProblem(settings.groupInclude);
    if (error) {
      problems.push({
        field: 'groupInclude',
        message: `groupInclude "${settings.groupInclude}" is not a valid regular expression: ${error}.`,
      });
    }
  }
  if (
    (settings.deploymentSource ?? 'deployments') === 'jobs' &&
    !nonEmpty(settings.jobPattern) &&
    group !== undefined
  ) {
    problems.push({
      field: 'jobPattern',
      message: 'deployments from jobs need a job name pattern, e.g. ^deploy-prod.',
    });
  }
  if (lines.lines.length === 0 && group === undefined) {
    problems.push({ field: 'projects', message: 'no project configured; add group/project lines or a group.' });
  }
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolveGitLabSettings(s: GitLabSettings | undefined): ResolvedGitLabSettings {
  const problems = validateGitLabSettings(s);
  if (problems.length > 0) {
    throw new Error(`GitLab settings are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  const settings = s ?? {};
  const defaults = defaultRules(settings);
  const group = nonEmpty(settings.group);
  return {
    url: normalizeUrl(settings.url),
    apiUrl: apiUrlFor(settings.url),
    projects: parseProjectLines(settings.projects ?? '').lines.map((l) => projectConfig(l.path, defaults, l.overrides)),
    group: group ? { path: group, include: settings.groupInclude ?? '', rules: defaults } : undefined,
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}
