/**
 * @jest-environment node
 *
 * The fixtures (fixtures/README.md) and the fake's answers cannot drift from GitHub: REST payloads are validated
 * against GitHub's OpenAPI description, GraphQL documents and payloads against GitHub's published schema.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { execute, GraphQLFieldResolver, parse, validate } from 'graphql';
import { join } from 'path';
import * as gql from './fixtures/graphql';
import * as restFixtures from './fixtures/rest';
import { GRAPHQL_DOCUMENTS } from './queries';
import { executeGraphQL, githubSchema } from './testing/graphql';
import {
  fullRepositoryJson,
  minimalRepositoryJson,
  rateLimitJson,
  userJson,
  workflowRunJson,
} from './testing/restShapes';
import { shopRepo, shopWorld } from './testing/scenario';

const spec = JSON.parse(
  readFileSync(join(__dirname, '../../../node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8')
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'github');

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

const validators: Record<string, ValidateFunction> = {};
function responseSchema(path: string): ValidateFunction {
  if (!validators[path]) {
    const ref = `github#/${pointer('paths', path, 'get', 'responses', '200', 'content', 'application/json', 'schema')}`;
    validators[path] = ajv.compile({ $ref: ref });
  }
  return validators[path];
}

function expectValid(validateFn: ValidateFunction, payload: unknown) {
  const ok = validateFn(payload);
  expect(ok ? [] : validateFn.errors).toEqual([]);
}

describe('REST fixtures validate against GitHub OpenAPI', () => {
  it('workflow runs page, single run and attempt', () => {
    expectValid(responseSchema('/repos/{owner}/{repo}/actions/runs'), restFixtures.workflowRunsPage);
    expectValid(
      responseSchema('/repos/{owner}/{repo}/actions/runs/{run_id}'),
      restFixtures.workflowRunsPage.workflow_runs[0]
    );
    expectValid(
      responseSchema('/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}'),
      restFixtures.firstAttempt
    );
  });

  it('organisation repositories and repository', () => {
    expectValid(responseSchema('/orgs/{org}/repos'), restFixtures.orgRepositories);
    expectValid(responseSchema('/repos/{owner}/{repo}'), fullRepositoryJson(shopRepo()));
  });

  it('rate limit overview (the fake answers /rate_limit with it)', () => {
    expectValid(responseSchema('/rate_limit'), rateLimitJson(0, 1767225600));
  });

  it('the authenticated user (private profile)', () => {
    const validateUser = ajv.compile({ $ref: `github#/${pointer('components', 'schemas', 'private-user')}` });
    expectValid(validateUser, restFixtures.user);
  });

  it('the fake serves the same shapes for every run of the scenario', () => {
    const repo = shopRepo();
    const page = { total_count: repo.runs.length, workflow_runs: repo.runs.map((r) => workflowRunJson(repo, r)) };
    expectValid(responseSchema('/repos/{owner}/{repo}/actions/runs'), page);
    expectValid(responseSchema('/orgs/{org}/repos'), [minimalRepositoryJson('acme/shop', true)]);
    expect(userJson('x').login).toBe('x');
  });

  it('catches a drifted payload (the check can fail)', () => {
    const broken = { ...restFixtures.workflowRunsPage, workflow_runs: [{ id: 'not a number' }] };
    expect(responseSchema('/repos/{owner}/{repo}/actions/runs')(broken)).toBe(false);
  });
});

/** Reads a field by its alias (the response key), so aliased fields validate too. */
const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) =>
  source ? source[info.path.key as string] : undefined;

function executeFixture(document: string, data: unknown, variables: Record<string, unknown>) {
  return execute({
    schema: githubSchema(),
    document: parse(document),
    rootValue: data,
    variableValues: variables,
    fieldResolver: byResponseKey,
  });
}

describe('GraphQL documents and fixtures validate against GitHub schema', () => {
  it.each(Object.keys(GRAPHQL_DOCUMENTS))('%s is a valid document', (name) => {
    expect(validate(githubSchema(), parse(GRAPHQL_DOCUMENTS[name])).map((e) => e.message)).toEqual([]);
  });

  it.each(Object.keys(GRAPHQL_DOCUMENTS))('%s fixture has the schema types, exactly the fields asked for', (name) => {
    const fixture = gql.GRAPHQL_FIXTURES[name];
    expect(fixture).toBeDefined();
    const result = executeFixture(GRAPHQL_DOCUMENTS[name], fixture.data, fixture.variables) as {
      data?: unknown;
      errors?: Array<{ message: string }>;
    };
    expect((result.errors ?? []).map((e) => e.message)).toEqual([]);
    // Fields the query does not ask for would not come back; equality shows there are none.
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(JSON.parse(JSON.stringify(fixture.data)));
  });

  it('catches a drifted fixture (the check can fail)', () => {
    const broken = JSON.parse(JSON.stringify(gql.deployments));
    broken.repository.deployments.nodes[0].latestStatus.state = 'DONE';
    delete broken.repository.deployments.nodes[1].createdAt;
    const result = executeFixture(GRAPHQL_DOCUMENTS.DEPLOYMENTS, broken, GRAPHQL_FIXTURES_VARS.DEPLOYMENTS) as {
      errors?: unknown[];
    };
    expect(result.errors?.length).toBeGreaterThanOrEqual(2);
  });

  it('the fake answers every document without errors', () => {
    const world = shopWorld();
    for (const name of ['REPOSITORY_OVERVIEW', 'PULL_REQUESTS', 'DEPLOYMENTS', 'INCIDENT_ISSUES', 'RELEASES', 'TAGS']) {
      const answer = executeGraphQL(world, GRAPHQL_DOCUMENTS[name], gql.GRAPHQL_FIXTURES[name].variables);
      expect([name, answer.errors]).toEqual([name, undefined]);
    }
  });
});

const GRAPHQL_FIXTURES_VARS = { DEPLOYMENTS: gql.GRAPHQL_FIXTURES.DEPLOYMENTS.variables };
