/**
 * The events file format (docs/events-format.md) as plain field specifications: the engine's model with
 * ISO-8601 instants. Objects are strict, because a misspelt optional field ("resolvedat") would otherwise
 * vanish silently and change the numbers. JSON null in an optional field means "absent".
 *
 * Plain data on purpose: the validator (validate.ts) walks these specs with a few comparisons per value, so
 * the same check runs fast in the CLI, the browser and the backend's JavaScript runtime alike.
 */
import { MAX_OBJECTIVE_WINDOW_DAYS } from '../../engine';

/**
 * One field's type. `optional` fields may be absent or null. `shared` texts are values many items repeat (a
 * repository, service, environment, author, label): the parsed events hold one copy of each per file, not one per item.
 */
export type FieldSpec =
  | { type: 'text'; optional?: boolean; nonEmpty?: boolean; shared?: boolean }
  | { type: 'instant'; optional?: boolean }
  | { type: 'whole'; min: number; optional?: boolean }
  | { type: 'number'; optional?: boolean }
  | { type: 'boolean'; optional?: boolean }
  | { type: 'enum'; values: readonly string[]; optional?: boolean }
  | { type: 'list'; of: FieldSpec; optional?: boolean }
  | { type: 'object'; shape: Shape; optional?: boolean; check?: ObjectCheck }
  | { type: 'repository'; optional?: boolean };

/** The fields of an object, in the order they are checked (and reported). */
export type Shape = Record<string, FieldSpec>;

/** A rule over a whole object whose fields are fine: the problem (shown after the value), or undefined. */
export type ObjectCheck = (value: Record<string, unknown>) => string | undefined;

type Optional<T extends FieldSpec> = T & { optional: true };

function optional<T extends FieldSpec>(spec: T): Optional<T> {
  return { ...spec, optional: true };
}

const instant: FieldSpec = { type: 'instant' };
const text: FieldSpec = { type: 'text' };
const name: FieldSpec = { type: 'text', nonEmpty: true };
const names: FieldSpec = { type: 'list', of: name };
/** Names and texts that many items repeat (see FieldSpec). */
const sharedName: FieldSpec = { type: 'text', nonEmpty: true, shared: true };
const sharedText: FieldSpec = { type: 'text', shared: true };
const sharedNames: FieldSpec = { type: 'list', of: sharedName };
const flag: FieldSpec = { type: 'boolean' };

export const PULL_REQUEST_SHAPE: Shape = {
  number: { type: 'whole', min: 1 },
  title: optional(text),
  labels: optional(sharedNames),
  branch: optional(text),
  url: optional(text),
  firstCommitAt: optional(instant),
  openedAt: optional(instant),
  firstReviewAt: optional(instant),
  mergedAt: optional(instant),
};

export const CHANGE_SHAPE: Shape = {
  sha: name,
  repo: sharedName,
  authoredAt: optional(instant),
  committedAt: instant,
  parents: names,
  message: optional(text),
  author: optional(sharedText),
  pullRequest: optional({ type: 'object', shape: PULL_REQUEST_SHAPE }),
  files: optional(names),
};

export const DEPLOYMENT_STATUSES = ['success', 'failure', 'cancelled', 'in_progress'] as const;

export const DEPLOYMENT_SHAPE: Shape = {
  id: name,
  service: sharedName,
  environment: sharedName,
  repo: sharedName,
  sha: name,
  startedAt: optional(instant),
  finishedAt: instant,
  status: { type: 'enum', values: DEPLOYMENT_STATUSES },
  source: optional(sharedName),
  url: optional(text),
  title: optional(text),
  ref: optional(sharedText),
  pipelineRunId: optional(name),
  changes: optional(names),
  production: optional(flag),
  rollback: optional(flag),
  hotfix: optional(flag),
  fixesDeploymentId: optional(name),
};

export const CAUSE_SHAPE: Shape = {
  deploymentId: optional(name),
  sha: optional(name),
  pullRequest: optional({ type: 'whole', min: 1 }),
  repo: optional(sharedName),
};

const namesACause: ObjectCheck = (c) =>
  c.deploymentId !== undefined || c.sha !== undefined || c.pullRequest !== undefined
    ? undefined
    : 'names nothing; give deploymentId, sha or pullRequest (with repo), or leave cause out';

export const INCIDENT_SHAPE: Shape = {
  id: name,
  service: optional(sharedName),
  title: optional(text),
  startedAt: optional(instant),
  createdAt: instant,
  acknowledgedAt: optional(instant),
  resolvedAt: optional(instant),
  severity: optional(sharedText),
  url: optional(text),
  source: optional(sharedName),
  labels: optional({ type: 'list', of: sharedText }),
  cause: optional({ type: 'object', shape: CAUSE_SHAPE, check: namesACause }),
  owner: optional(sharedText),
};

export const PIPELINE_CONCLUSIONS = ['success', 'failure', 'cancelled', 'skipped', 'in_progress'] as const;

export const PIPELINE_RUN_SHAPE: Shape = {
  id: name,
  repo: sharedName,
  workflow: sharedName,
  sha: name,
  attempt: optional({ type: 'whole', min: 1 }),
  startedAt: instant,
  finishedAt: optional(instant),
  conclusion: { type: 'enum', values: PIPELINE_CONCLUSIONS },
  branch: optional(sharedText),
  url: optional(text),
};

/** A catalog repository written as an object; "owner/name" alone is short for { "repo": "owner/name" }. */
export const REPOSITORY_SHAPE: Shape = {
  repo: name,
  paths: optional(names),
};

/** What a catalog repository must look like, said when it is neither form. */
export const REPOSITORY_FORMS = 'must be "owner/name" or { "repo": "owner/name", "paths": ["services/x"] }';

/** An availability objective as the model holds it: 99.9% over 30 days is { target: 0.999, windowDays: 30 }. */
export const OBJECTIVE_SHAPE: Shape = {
  target: { type: 'number' },
  windowDays: { type: 'whole', min: 1 },
};

const objectiveInRange: ObjectCheck = (o) =>
  typeof o.target === 'number' && !(o.target > 0 && o.target < 1)
    ? 'target is a fraction above 0 and below 1 (99.9% is 0.999)'
    : typeof o.windowDays === 'number' && o.windowDays > MAX_OBJECTIVE_WINDOW_DAYS
      ? `windowDays is at most ${MAX_OBJECTIVE_WINDOW_DAYS}`
      : undefined;

const runbookIsUrl: ObjectCheck = (s) =>
  typeof s.runbook === 'string' && !/^https?:\/\/\S+$/i.test(s.runbook)
    ? 'runbook must be an http or https URL, e.g. https://wiki.example.com/runbooks/checkout'
    : undefined;

export const SERVICE_SHAPE: Shape = {
  name,
  team: optional(name),
  teams: optional(names),
  repositories: optional({ type: 'list', of: { type: 'repository' } }),
  pipelines: optional(names),
  environments: optional(names),
  incidentServices: optional(names),
  runbook: optional(text),
  objective: optional({ type: 'object', shape: OBJECTIVE_SHAPE, check: objectiveInRange }),
};

export const CATALOG_SHAPE: Shape = {
  services: { type: 'list', of: { type: 'object', shape: SERVICE_SHAPE, check: runbookIsUrl } },
};

/** The lists of the file, and the shape of one item of each. */
export const LISTS = {
  deployments: DEPLOYMENT_SHAPE,
  changes: CHANGE_SHAPE,
  incidents: INCIDENT_SHAPE,
  pipelineRuns: PIPELINE_RUN_SHAPE,
};

export type ListKey = keyof typeof LISTS;
export const LIST_KEYS = Object.keys(LISTS) as ListKey[];
export const TOP_LEVEL_KEYS = [...LIST_KEYS, 'catalog'];
