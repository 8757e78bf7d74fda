/**
 * The events file format (docs/events-format.md) as zod schemas: the engine's model with ISO-8601 instants.
 * Objects are strict, because a misspelt optional field ("resolvedat") would otherwise vanish silently and
 * change the numbers. JSON null in an optional field means "absent".
 */
import { z } from 'zod';
import { INSTANT_EXAMPLE, parseInstant } from './instant';

/** An optional field: absent or null both mean "not given". */
function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

const instant = z.unknown().transform((value, ctx) => {
  if (value === undefined || value === null) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `is missing; add an ISO-8601 instant, e.g. ${INSTANT_EXAMPLE}`,
    });
    return z.NEVER;
  }
  const parsed = parseInstant(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem, params: { showValue: true } });
    return z.NEVER;
  }
  return parsed.value;
});

const text = z.string();
const name = z.string().min(1);
const names = z.array(name);

export const PULL_REQUEST_SHAPE = {
  number: z.number().int().min(1),
  title: optional(text),
  labels: optional(names),
  branch: optional(text),
  url: optional(text),
  firstCommitAt: optional(instant),
  openedAt: optional(instant),
  firstReviewAt: optional(instant),
  mergedAt: optional(instant),
};

export const CHANGE_SHAPE = {
  sha: name,
  repo: name,
  authoredAt: optional(instant),
  committedAt: instant,
  parents: names,
  message: optional(text),
  pullRequest: optional(z.object(PULL_REQUEST_SHAPE).strict()),
  files: optional(names),
};

export const DEPLOYMENT_STATUSES = ['success', 'failure', 'cancelled', 'in_progress'] as const;

export const DEPLOYMENT_SHAPE = {
  id: name,
  service: name,
  environment: name,
  repo: name,
  sha: name,
  startedAt: optional(instant),
  finishedAt: instant,
  status: z.enum(DEPLOYMENT_STATUSES),
  source: optional(name),
  url: optional(text),
  title: optional(text),
  ref: optional(text),
  pipelineRunId: optional(name),
  changes: optional(names),
  production: optional(z.boolean()),
  rollback: optional(z.boolean()),
  hotfix: optional(z.boolean()),
  fixesDeploymentId: optional(name),
};

export const CAUSE_SHAPE = {
  deploymentId: optional(name),
  sha: optional(name),
  pullRequest: optional(z.number().int().min(1)),
  repo: optional(name),
};

const cause = z
  .object(CAUSE_SHAPE)
  .strict()
  .refine((c) => c.deploymentId !== undefined || c.sha !== undefined || c.pullRequest !== undefined, {
    message: 'names nothing; give deploymentId, sha or pullRequest (with repo), or leave cause out',
  });

export const INCIDENT_SHAPE = {
  id: name,
  service: optional(name),
  title: optional(text),
  startedAt: optional(instant),
  createdAt: instant,
  acknowledgedAt: optional(instant),
  resolvedAt: optional(instant),
  severity: optional(text),
  url: optional(text),
  source: optional(name),
  labels: optional(z.array(text)),
  cause: optional(cause),
};

export const PIPELINE_CONCLUSIONS = ['success', 'failure', 'cancelled', 'skipped', 'in_progress'] as const;

export const PIPELINE_RUN_SHAPE = {
  id: name,
  repo: name,
  workflow: name,
  sha: name,
  attempt: optional(z.number().int().min(1)),
  startedAt: instant,
  finishedAt: optional(instant),
  conclusion: z.enum(PIPELINE_CONCLUSIONS),
  branch: optional(text),
  url: optional(text),
};

export const REPOSITORY_SHAPE = {
  repo: name,
  paths: optional(names),
};

const repository = z.union([name.transform((repo) => ({ repo })), z.object(REPOSITORY_SHAPE).strict()], {
  errorMap: () => ({ message: 'must be "owner/name" or { "repo": "owner/name", "paths": ["services/x"] }' }),
});

export const SERVICE_SHAPE = {
  name,
  team: optional(name),
  repositories: optional(z.array(repository)),
  pipelines: optional(names),
  environments: optional(names),
  incidentServices: optional(names),
};

export const CATALOG_SHAPE = {
  services: z.array(z.object(SERVICE_SHAPE).strict()),
};

export const deploymentSchema = z.object(DEPLOYMENT_SHAPE).strict();
export const changeSchema = z.object(CHANGE_SHAPE).strict();
export const incidentSchema = z.object(INCIDENT_SHAPE).strict();
export const pipelineRunSchema = z.object(PIPELINE_RUN_SHAPE).strict();
export const catalogSchema = z.object(CATALOG_SHAPE).strict();

/** The lists of the file, and the schema of one item of each. */
export const LISTS = {
  deployments: deploymentSchema,
  changes: changeSchema,
  incidents: incidentSchema,
  pipelineRuns: pipelineRunSchema,
};

export type ListKey = keyof typeof LISTS;
export const LIST_KEYS = Object.keys(LISTS) as ListKey[];
export const TOP_LEVEL_KEYS = [...LIST_KEYS, 'catalog'];

/** The fields of each kind of object, keyed by the last named step of its path (for messages). */
export const SHAPES: Record<string, z.ZodRawShape> = {
  deployments: DEPLOYMENT_SHAPE,
  changes: CHANGE_SHAPE,
  pullRequest: PULL_REQUEST_SHAPE,
  incidents: INCIDENT_SHAPE,
  cause: CAUSE_SHAPE,
  pipelineRuns: PIPELINE_RUN_SHAPE,
  catalog: CATALOG_SHAPE,
  services: SERVICE_SHAPE,
  repositories: REPOSITORY_SHAPE,
};
