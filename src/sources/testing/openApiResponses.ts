/**
 * Test helper: validates a fake's answers against the 200 response schema of an operation in a provider's OpenAPI
 * description (or an excerpt of it), with ajv. `validator(path)` for checks that must fail, `expectValid` for the rest.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface OpenApiResponses {
  /** The validator of GET `path`'s 200 answer (compiled once). */
  validator(path: string): ValidateFunction;
  /** Expects the payload to be a valid answer of GET `path` (the failure lists ajv's errors). */
  expectValid(path: string, payload: unknown): void;
}

export function openApiResponses(spec: object, formats: string[] = []): OpenApiResponses {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  formats.forEach((f) => ajv.addFormat(f, true));
  ajv.addSchema(spec, 'spec');
  const compiled: Record<string, ValidateFunction> = {};
  const validator = (path: string) => {
    if (!compiled[path]) {
      const pointer = ['paths', path, 'get', 'responses', '200', 'content', 'application/json', 'schema']
        .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');
      compiled[path] = ajv.compile({ $ref: `spec#/${pointer}` });
    }
    return compiled[path];
  };
  return {
    validator,
    expectValid(path, payload) {
      const validate = validator(path);
      expect(validate(payload) ? [] : validate.errors).toEqual([]);
    },
  };
}
