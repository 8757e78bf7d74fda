/**
 * @jest-environment node
 *
 * The Argo CD answers the tests and the fake use cannot drift from Argo CD's published API description
 * (testing/swagger-excerpt.json, see testing/README.md): each is validated against the operation's 200 response,
 * as published and with unknown properties forbidden.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import swagger from './testing/swagger-excerpt.json';
import { applicationList, argoApplication, runtimeError } from './testing/applications';
import { shopApps } from './testing/scenario';

type Json = unknown;

/** Every object schema with properties gets additionalProperties: false. */
function closed(node: Json): Json {
  if (Array.isArray(node)) {
    return node.map(closed);
  }
  if (node && typeof node === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node as Record<string, Json>)) {
      out[key] = key === 'properties' ? mapValues(value as Record<string, Json>) : closed(value);
    }
    if ('properties' in out && !('additionalProperties' in out)) {
      out.additionalProperties = false;
    }
    return out;
  }
  return node;
}

function mapValues(record: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = closed(value);
  }
  return out;
}

function validator(strict: boolean, ref: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(strict ? (closed(swagger) as object) : swagger, 'argocd');
  return ajv.compile({ $ref: `argocd#/${ref}` });
}

function responseRef(path: string): string {
  const ref = (swagger.paths as Record<string, { get: { responses: { '200': { schema: { $ref: string } } } } }>)[path]
    .get.responses['200'].schema.$ref;
  return ref.replace(/^#\//, '');
}

function expectValid(path: string, payload: unknown) {
  for (const strict of [false, true]) {
    const validate = validator(strict, responseRef(path));
    const ok = validate(payload);
    expect({ strict, errors: ok ? [] : validate.errors }).toEqual({ strict, errors: [] });
  }
}

describe('Argo CD answers validate against Argo CD swagger', () => {
  it('the application list of the scenario (history, failed and succeeded operations, labels)', () => {
    expectValid('/api/v1/applications', applicationList(shopApps()));
  });

  it('a multi-source application and a running operation', () => {
    const app = argoApplication({
      name: 'web',
      multiSource: true,
      history: [{ id: 3, sha: 'abcdef0', startedAt: '2026-03-01T10:00:00Z', deployedAt: '2026-03-01T10:01:00Z' }],
      operation: { phase: 'Running', sha: 'abcdef1', startedAt: '2026-03-01T11:00:00Z' },
      revisionHistoryLimit: 3,
    });
    expectValid('/api/v1/applications', { items: [app] });
  });

  it('account, can-i and the error body', () => {
    expectValid('/api/v1/session/userinfo', { loggedIn: true, username: 'grafana', iss: 'argocd' });
    expectValid('/api/v1/account/can-i/{resource}/{action}/{subresource}', { value: 'no' });
    const validate = validator(true, 'definitions/runtimeError');
    expect(validate(runtimeError(16, 'invalid session'))).toBe(true);
  });

  it('the strict check does catch a misspelt field', () => {
    const app = argoApplication(shopApps()[0]) as { status: Record<string, unknown> };
    app.status.histroy = [];
    const validate = validator(true, responseRef('/api/v1/applications'));
    expect(validate({ items: [app] })).toBe(false);
  });
});
