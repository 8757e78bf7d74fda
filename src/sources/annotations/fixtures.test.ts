/**
 * @jest-environment node
 *
 * The annotation answers of the tests and the fake match Grafana's Annotation model (testing/annotation.schema.json,
 * transcribed from Grafana's definition; unknown fields are refused, so a misspelt field fails).
 */
import Ajv from 'ajv';
import schema from './testing/annotation.schema.json';
import { annotation, shopAnnotations } from './testing/annotations';

const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('annotation fixtures validate against the Annotation model', () => {
  it('the scenario, points and regions, organisation and dashboard annotations', () => {
    const ok = validate(shopAnnotations());
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it('a misspelt or mistyped field fails', () => {
    expect(validate([{ ...annotation(1, 0, [], ''), timeend: 5 }])).toBe(false);
    expect(validate([{ ...annotation(1, 0, [], ''), time: '2026-03-01' }])).toBe(false);
  });
});
