/**
 * @jest-environment node
 *
 * The fake's answers cannot drift from PagerDuty: every shape the source reads is validated against the response
 * schema of its operation in PagerDuty's OpenAPI description (testing/openapi-excerpt.json, see README.md).
 * The description disagrees with its own examples and with the API in a few places; each patch below says where.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import excerpt from './testing/openapi-excerpt.json';
import examples from './testing/openapi-examples.json';
import { abilitiesJson, incidentJson, logEntryJson, oncallJson, serviceJson, teamJson } from './testing/restShapes';
import { shopWorld } from './testing/scenario';

type Json = Record<string, unknown>;

/** The description as PagerDuty's API behaves; every change is one the description's own text or examples show. */
function patched(): Json {
  const spec = JSON.parse(JSON.stringify(excerpt)) as Json;
  const schemas = (spec.components as { schemas: Record<string, Json> }).schemas;
  const props = (name: string) =>
    ((schemas[name].allOf as Json[])?.[1]?.properties ?? schemas[name].properties) as Json;
  // Sent as null when absent (the examples send null; the description says "or null") but not marked nullable.
  const incident = props('Incident') as Record<string, Json>;
  for (const key of ['resolved_at', 'resolve_reason', 'priority']) {
    incident[key] = { anyOf: [incident[key], { type: 'null' }] };
  }
  const oncall = props('Oncall') as Record<string, Json>;
  for (const key of ['start', 'end']) {
    oncall[key] = { anyOf: [oncall[key], { type: 'null' }] };
  }
  // The acknowledgement entry's own enum reads "acknowledgement_log_entry"; the API and LogEntry say "acknowledge_log_entry".
  const ack = (schemas.AcknowledgeLogEntry.allOf as Json[])[1].properties as Record<string, Json>;
  ack.type = { type: 'string', enum: ['acknowledge_log_entry'] };
  // LogEntry lists the field-change entry types and their changeset; the list answer's alternatives leave them out.
  const paths = spec.paths as Record<string, Json>;
  const listSchema = (paths['/log_entries'].get as Json).responses as Json;
  const items = ((((listSchema['200'] as Json).content as Json)['application/json'] as Json).schema as Json)
    .allOf as Json[];
  const alternatives = ((items[1].properties as Json).log_entries as Json).items as { oneOf: Json[] };
  alternatives.oneOf.push({
    allOf: [
      { $ref: '#/components/schemas/LogEntry' },
      { properties: { type: { enum: ['custom_field_value_change_log_entry', 'field_value_change_log_entry'] } } },
    ],
  });
  // Alternatives without a discriminator overlap (a channel with only a type matches several): any, not exactly one.
  return JSON.parse(JSON.stringify(spec).replace(/"oneOf":/g, '"anyOf":'));
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('tzinfo', true).addFormat('activesupport-time-zone', true);
ajv.addSchema(patched(), 'pagerduty');

const validators: Record<string, ValidateFunction> = {};
function responseSchema(path: string): ValidateFunction {
  if (!validators[path]) {
    const pointer = ['paths', path, 'get', 'responses', '200', 'content', 'application/json', 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    validators[path] = ajv.compile({ $ref: `pagerduty#/${pointer}` });
  }
  return validators[path];
}

function expectValid(path: string, payload: unknown) {
  const validate = responseSchema(path);
  const ok = validate(payload);
  expect(ok ? [] : validate.errors).toEqual([]);
}

const page = { limit: 100, offset: 0, more: false, total: null };

describe('fake PagerDuty answers validate against PagerDuty OpenAPI', () => {
  const world = shopWorld();

  it('incidents, with and without the first trigger log entry, and one incident', () => {
    expectValid('/incidents', { ...page, incidents: world.incidents.map((i) => incidentJson(world, i, true)) });
    expectValid('/incidents', { ...page, incidents: world.incidents.map((i) => incidentJson(world, i, false)) });
    expectValid('/incidents/{id}', { incident: incidentJson(world, world.incidents[2], true) });
  });

  it('log entries of every kind the fake sends', () => {
    const entries = world.logEntries.concat([
      {
        id: 'LF',
        type: 'custom_field_value_change_log_entry',
        createdAt: world.incidents[0].createdAt,
        incidentId: 'I1',
        agent: 'Ana Lopez',
        fields: [{ name: 'deployment_id', value: ['dep-1'] }],
      },
    ]);
    expectValid('/log_entries', { ...page, log_entries: entries.map((e) => logEntryJson(world, e)) });
  });

  it('services, teams, on-calls and abilities', () => {
    expectValid('/services', { ...page, services: world.services.map((s) => serviceJson(world, s)) });
    expectValid('/teams', { ...page, teams: world.teams.map(teamJson) });
    expectValid('/oncalls', { ...page, oncalls: world.oncalls.map(oncallJson) });
    expectValid('/abilities', abilitiesJson(world));
  });

  it("PagerDuty's own examples validate too (the patches are only what they need)", () => {
    expectValid('/oncalls', examples.oncalls);
    expectValid('/teams', examples.teams);
    expectValid('/abilities', examples.abilities);
    expectValid('/incidents/{id}', { incident: { ...examples.incident.incident, alert_grouping: undefined } });
  });

  it('catches a drifted payload (the check can fail)', () => {
    const broken = incidentJson(world, world.incidents[0], true) as Json;
    broken.status = 'closed';
    broken.urgency = 'urgent';
    delete broken.created_at;
    const validate = responseSchema('/incidents');
    expect(validate({ ...page, incidents: [broken] })).toBe(false);
    expect((validate.errors ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
