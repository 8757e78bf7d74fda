/**
 * @jest-environment node
 *
 * The fake's answers cannot drift from incident.io: every answer the source reads is validated against the
 * response schema of its operation in incident.io's OpenAPI description (testing/openapi-excerpt.json, see
 * README.md), and so are incident.io's own examples of those operations.
 */
import { openApiResponses } from '../testing/openApiResponses';
import excerpt from './testing/openapi-excerpt.json';
import examples from './testing/openapi-examples.json';
import { incidentWorld } from './testing/scenario';
import { identityJson, incidentListJson, namedListJson, scheduleListJson } from './testing/shapes';

const { expectValid, validator } = openApiResponses(excerpt);

const LISTS = ['/v2/custom_fields', '/v2/incident_timestamps', '/v1/severities', '/v1/incident_types'];

describe('fake incident.io answers validate against the incident.io OpenAPI description', () => {
  const world = incidentWorld();

  it('incidents of every kind the scenario has, with and without a next page', () => {
    expectValid('/v2/incidents', incidentListJson(world.incidents, 250));
    expectValid('/v2/incidents', incidentListJson(world.incidents.slice(0, 2), 2, world.incidents[1].id));
  });

  it('schedules with their current shifts, the identity of the key and the configuration lists', () => {
    expectValid('/v2/schedules', scheduleListJson(world, 100));
    expectValid('/v2/schedules', scheduleListJson(world, 1));
    expectValid('/v1/identity', identityJson(world));
    for (const path of LISTS) {
      expectValid(path, namedListJson(world, path));
    }
  });

  it("incident.io's own examples validate too", () => {
    for (const [path, example] of Object.entries(examples)) {
      expectValid(path, example);
    }
  });

  it('catches a drifted payload (the check can fail)', () => {
    const broken = incidentListJson(world.incidents.slice(1, 2), 250) as unknown as {
      incidents: Array<Record<string, unknown>>;
    };
    broken.incidents[0].mode = 'drill';
    delete broken.incidents[0].created_at;
    (broken.incidents[0].incident_status as Record<string, unknown>).category = 'resolved';
    const validate = validator('/v2/incidents');
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
