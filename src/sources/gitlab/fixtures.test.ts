/**
 * @jest-environment node
 *
 * The fixtures (fixtures/rest.ts) and the fake GitLab's answers cannot drift from GitLab: each payload is validated
 * against the definition of its entity in GitLab's API description (testing/openapi/definitions.json, an excerpt of
 * doc/api/openapi/openapi_v2.yaml plus entities transcribed from lib/api/entities; see its README), and may carry
 * no field the entity does not have.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import definitions from './testing/openapi/definitions.json';
import * as fx from './fixtures/rest';

type Schema = Record<string, unknown>;

/**
 * The description as JSON Schema. Two documented gaps of the generated description are allowed (README): an exposure
 * published as a bare `type: string` without format or example may hold any JSON value, and a single `$ref` may also
 * be a list of that entity or null. Entities referenced but not excerpted are any object; Ci_Job extends Ci_JobBasic.
 */
function toJsonSchema(node: unknown, isProperty = false): unknown {
  if (Array.isArray(node)) {
    return node.map((n) => toJsonSchema(n));
  }
  if (!node || typeof node !== 'object') {
    return node;
  }
  const n = node as Schema;
  if (isProperty && n.type === 'string' && n.format === undefined && n.example === undefined && n.enum === undefined) {
    return {};
  }
  if (isProperty && typeof n.$ref === 'string') {
    return { anyOf: [{ $ref: n.$ref }, { type: 'array', items: { $ref: n.$ref } }, { type: 'null' }] };
  }
  if (isProperty && typeof n.type === 'string' && n.type !== 'object' && n.type !== 'array') {
    // Every scalar of GitLab's answers may be null when unset.
    return { ...(toJsonSchema(n) as Schema), type: [n.type, 'null'] };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(n)) {
    if (key.startsWith('x-') || key === 'example') {
      continue;
    }
    if (key === 'properties') {
      const props: Schema = {};
      for (const [name, prop] of Object.entries(value as Schema)) {
        props[name] = toJsonSchema(prop, true);
      }
      out.properties = props;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return out;
}

const defs = (toJsonSchema(definitions.definitions) as Schema) ?? {};
for (const missing of [
  'API_Entities_User',
  'API_Entities_Milestone',
  'API_Entities_IssuableReferences',
  'API_Entities_IssuableTimeStats',
  'API_Entities_Ci_Pipeline',
  'API_Entities_DiffRefs',
]) {
  defs[missing] = { type: 'object' };
}
defs.API_Entities_Ci_Job = { $ref: '#/definitions/API_Entities_Ci_JobBasic' };

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const format of ['int32', 'float']) {
  ajv.addFormat(format, true);
}
ajv.addSchema({ definitions: defs }, 'gitlab');

const validators: Record<string, ValidateFunction> = {};
/** The entity's schema, closed: a payload may carry no field the entity does not define. */
function entity(name: string): ValidateFunction {
  if (!validators[name]) {
    const props = Object.keys(((definitions.definitions as Schema)[name] as { properties: Schema }).properties);
    validators[name] = ajv.compile({
      allOf: [{ $ref: `gitlab#/definitions/${name}` }],
      propertyNames: { enum: props },
    });
  }
  return validators[name];
}

function expectValid(name: string, payloads: unknown[]) {
  const validate = entity(name);
  for (const payload of payloads) {
    const ok = validate(payload);
    expect([name, ok ? [] : validate.errors]).toEqual([name, []]);
  }
}

describe('GitLab fixtures and the fake validate against the API description', () => {
  it.each([
    ['API_Entities_Deployment', fx.deployments],
    ['API_Entities_Ci_JobBasic', fx.jobs],
    ['API_Entities_Commit', fx.commits],
    ['API_Entities_MergeRequest', fx.mergeRequests],
    ['API_Entities_Note', fx.notes],
    ['API_Entities_Issue', fx.issues],
    ['API_Entities_Environment', fx.environments],
    ['API_Entities_Project', [fx.projectJson]],
    ['API_Entities_Branch', [fx.branch]],
    ['API_Entities_PersonalAccessToken', [fx.token]],
    ['API_Entities_Release', fx.releases],
    ['API_Entities_Tag', fx.tags],
  ] as Array<[string, unknown[]]>)('%s', (name, payloads) => {
    expect(payloads.length).toBeGreaterThan(0);
    expectValid(name, payloads);
  });

  it('nested entities validate too: the deployment job, its pipeline, the environment', () => {
    expectValid(
      'API_Entities_Ci_PipelineBasic',
      fx.jobs.map((j) => j.pipeline)
    );
    const withJob = fx.deployments.find((d) => d.deployable !== null)!;
    expectValid('API_Entities_Ci_JobBasic', [withJob.deployable]);
    expectValid('API_Entities_EnvironmentBasic', [withJob.environment]);
  });

  it('catches a drifted payload (the check can fail)', () => {
    const [first] = fx.deployments;
    expect(entity('API_Entities_Deployment')({ ...first, id: 'not a number' })).toBe(false);
    expect(entity('API_Entities_Deployment')({ ...first, finished_at: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(entity('API_Entities_Commit')({ ...fx.commits[0], parent_ids: 'abc' })).toBe(false);
    expect(entity('API_Entities_Issue')({ ...fx.issues[0], type: 'OUTAGE' })).toBe(false);
    expect(entity('API_Entities_Ci_JobBasic')({ ...fx.jobs[0], created_at: 'yesterday' })).toBe(false);
  });
});
