import { parentsOf } from '../../engine';
import { MAX_ERRORS, parseEventsJson } from './parse';

const deployment = {
  id: 'd1',
  service: 'checkout',
  environment: 'production',
  repo: 'acme/checkout',
  sha: 'abc1234',
  finishedAt: '2024-03-01T10:00:00Z',
  status: 'success',
};
const change = {
  sha: 'abc1234',
  repo: 'acme/checkout',
  committedAt: '2024-03-01T08:00:00+01:00',
  parents: [],
};
const incident = { id: 'INC-1', createdAt: '2024-03-01T11:00:00Z' };
const run = {
  id: 'r1',
  repo: 'acme/checkout',
  workflow: 'ci',
  sha: 'abc1234',
  startedAt: '2024-03-01T09:00:00Z',
  conclusion: 'success',
};

const errorsOf = (input: unknown) => parseEventsJson(input).errors;

describe('parseEventsJson: good input', () => {
  it('reads every list and the catalog, converting instants to epoch ms', () => {
    const { events, errors } = parseEventsJson({
      deployments: [{ ...deployment, startedAt: '2024-03-01T09:50:00Z', rollback: false, changes: ['abc1234'] }],
      changes: [
        {
          ...change,
          message: 'Add cart',
          pullRequest: { number: 7, labels: ['hotfix'], mergedAt: '2024-03-01T07:30:00Z', firstReviewAt: null },
          files: ['src/a.ts'],
        },
      ],
      incidents: [
        { ...incident, service: 'checkout', resolvedAt: null, cause: { pullRequest: 7, repo: 'acme/checkout' } },
      ],
      pipelineRuns: [{ ...run, attempt: 2, finishedAt: '2024-03-01T09:10:00Z' }],
      catalog: {
        services: [
          {
            name: 'checkout',
            team: 'storefront',
            repositories: ['acme/checkout', { repo: 'acme/mono', paths: ['web/'] }],
          },
        ],
      },
    });
    expect(errors).toEqual([]);
    expect(events.deployments).toEqual([
      {
        ...deployment,
        startedAt: Date.UTC(2024, 2, 1, 9, 50),
        finishedAt: Date.UTC(2024, 2, 1, 10),
        rollback: false,
        changes: ['abc1234'],
        source: 'json',
      },
    ]);
    expect(events.changes).toEqual([
      {
        sha: 'abc1234',
        repo: 'acme/checkout',
        committedAt: Date.UTC(2024, 2, 1, 7),
        message: 'Add cart',
        pullRequest: { number: 7, labels: ['hotfix'], mergedAt: Date.UTC(2024, 2, 1, 7, 30) },
        files: ['src/a.ts'],
      },
    ]);
    // null means absent: the incident is unresolved, and has no resolvedAt key at all.
    expect(events.incidents).toEqual([
      {
        id: 'INC-1',
        service: 'checkout',
        createdAt: Date.UTC(2024, 2, 1, 11),
        source: 'json',
        cause: { pullRequest: 7, repo: 'acme/checkout' },
      },
    ]);
    expect('resolvedAt' in events.incidents[0]).toBe(false);
    expect(events.pipelineRuns[0]).toMatchObject({ attempt: 2, finishedAt: Date.UTC(2024, 2, 1, 9, 10) });
    expect(events.catalog).toEqual({
      services: [
        {
          name: 'checkout',
          team: 'storefront',
          repositories: [{ repo: 'acme/checkout' }, { repo: 'acme/mono', paths: ['web/'] }],
        },
      ],
    });
  });

  it('defaults missing lists to [], the source to "json" and the attempt to 1, and keeps a given source', () => {
    const { events, errors } = parseEventsJson({
      pipelineRuns: [run],
      deployments: [{ ...deployment, source: 'argo' }],
    });
    expect(errors).toEqual([]);
    expect(events.changes).toEqual([]);
    expect(events.incidents).toEqual([]);
    expect(events.catalog).toBeUndefined();
    expect(events.pipelineRuns[0].attempt).toBe(1);
    expect(events.deployments[0].source).toBe('argo');
  });

  it('keeps every parent as listed, next to its child or not, in either order, without touching the input', () => {
    const commit = (sha: string, parents: string[]) => ({ ...change, sha, parents });
    const newestFirst = [commit('c4', ['c3', 'c1']), commit('c3', ['c2']), commit('c2', ['c1']), commit('c1', [])];
    const input = {
      changes: [
        ...newestFirst,
        ...newestFirst
          .slice()
          .reverse()
          .map((c) => ({ ...c, repo: 'acme/x' })),
      ],
    };
    const text = JSON.stringify(input);
    const { events, errors } = parseEventsJson(text);
    expect(errors).toEqual([]);
    expect(events.changes.map(parentsOf)).toEqual(input.changes.map((c) => c.parents));
    expect(parseEventsJson(input).events.changes.map(parentsOf)).toEqual(input.changes.map((c) => c.parents));
    expect(JSON.stringify(input)).toBe(text);
  });

  it("holds the first parent as parent, a list only for the further parents of a merge, in the file field's place", () => {
    const [merge, ordinary, root] = parseEventsJson({
      changes: [
        { ...change, sha: 'c3', parents: ['c2', 'b1'], message: 'Merge' },
        { ...change, sha: 'c2', parents: ['c1'], message: 'Fix' },
        { ...change, sha: 'c1', message: 'Start' },
      ],
    }).events.changes;
    const committedAt = Date.UTC(2024, 2, 1, 7);
    expect(merge).toStrictEqual({
      sha: 'c3',
      repo: 'acme/checkout',
      committedAt,
      parent: 'c2',
      mergedParents: ['b1'],
      message: 'Merge',
    });
    expect(Object.keys(merge)).toEqual(['sha', 'repo', 'committedAt', 'parent', 'mergedParents', 'message']);
    expect(ordinary).toStrictEqual({ sha: 'c2', repo: 'acme/checkout', committedAt, parent: 'c1', message: 'Fix' });
    expect(root).toStrictEqual({ sha: 'c1', repo: 'acme/checkout', committedAt, message: 'Start' });
  });

  it('reads text, with or without a byte order mark', () => {
    const text = JSON.stringify({ deployments: [deployment] });
    expect(parseEventsJson(text).events.deployments).toHaveLength(1);
    expect(parseEventsJson('\uFEFF' + text).errors).toEqual([]);
    expect(parseEventsJson('{}')).toEqual({
      events: { deployments: [], changes: [], incidents: [], pipelineRuns: [] },
      errors: [],
    });
  });
});

describe('parseEventsJson: bad input', () => {
  it('rejects text that is not JSON, saying where', () => {
    const errors = errorsOf('{\n  "deployments": [\n    {"id": 1,}\n  ]\n}');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^The events file is not valid JSON/);
    expect(errors[0]).toMatch(/Fix the syntax/);
  });

  it('rejects a file that is not an object', () => {
    expect(errorsOf([deployment])).toEqual([
      'The events file must be a JSON object such as { "deployments": [...], "changes": [...] }; found a list',
    ]);
    expect(errorsOf('42')[0]).toMatch(/must be a JSON object .*; found 42$/);
  });

  it('names unknown top-level keys, suggesting the near one', () => {
    expect(errorsOf({ deployment: [], extra: 1 })).toEqual([
      'The events file has unknown fields "deployment", "extra"; did you mean "deployments" (not "deployment")? ' +
        'known fields are deployments, changes, incidents, pipelineRuns, catalog',
    ]);
  });

  it('rejects a list that is not a list', () => {
    expect(errorsOf({ changes: { sha: 'x' } })).toEqual([
      'changes: {"sha":"x"} is not a list; write "changes": [ ... ] (or leave it out)',
    ]);
  });

  it('names path, value and fix for instants', () => {
    expect(errorsOf({ deployments: [{ ...deployment, finishedAt: '2024-03-01T10:00:00' }] })).toEqual([
      'deployments[0].finishedAt: "2024-03-01T10:00:00" has no time zone, so it is ambiguous; add "Z" for UTC or an ' +
        'offset: "2024-03-01T10:00:00Z" or "2024-03-01T10:00:00+02:00"',
    ]);
    expect(errorsOf({ incidents: [{ id: 'i' }] })).toEqual([
      'incidents[0].createdAt is missing; add an ISO-8601 instant, e.g. "2024-03-01T10:00:00Z" or "2024-03-01T12:00:00+02:00"',
    ]);
    expect(errorsOf({ pipelineRuns: [{ ...run, startedAt: 1709287200000 }] })[0]).toMatch(
      /^pipelineRuns\[0\]\.startedAt: 1709287200000 is a number; write instants as ISO-8601 text/
    );
    expect(
      errorsOf({ changes: [{ ...change, pullRequest: { number: 1, mergedAt: '2024-02-30T00:00:00Z' } }] })
    ).toEqual([
      'changes[0].pullRequest.mergedAt: "2024-02-30T00:00:00Z" has no such date (2024-02-30); check the month and day',
    ]);
  });

  it('names missing and empty required fields with what to add', () => {
    const { id, ...noId } = deployment;
    expect(id).toBe('d1');
    expect(errorsOf({ deployments: [noId] })).toEqual([
      'deployments[0].id is missing; add an id, unique within its list',
    ]);
    expect(errorsOf({ changes: [{ sha: 'x', repo: 'r', committedAt: '2024-03-01T10:00:00Z' }] })).toEqual([
      'changes[0].parents is missing; list the parent SHAs ([] for a first commit); lead times need the commit graph',
    ]);
    expect(errorsOf({ deployments: [{ ...deployment, service: '' }] })).toEqual([
      'deployments[0].service is empty; give a non-empty text',
    ]);
    expect(errorsOf({ incidents: [{ ...incident, service: '' }] })).toEqual([
      'incidents[0].service is empty; give a non-empty text or leave the field out',
    ]);
  });

  it('names wrong types and enum values, suggesting the spelling', () => {
    expect(errorsOf({ deployments: [{ ...deployment, status: 'Success' }] })).toEqual([
      'deployments[0].status: "Success" is not one of success, failure, cancelled, in_progress; write "success"',
    ]);
    expect(errorsOf({ pipelineRuns: [{ ...run, conclusion: 'passed' }] })).toEqual([
      'pipelineRuns[0].conclusion: "passed" is not one of success, failure, cancelled, skipped, in_progress; use one of them',
    ]);
    expect(errorsOf({ deployments: [{ ...deployment, rollback: 'yes' }] })).toEqual([
      'deployments[0].rollback: "yes" is text; expected true or false',
    ]);
    expect(errorsOf({ changes: [{ ...change, parents: 'abc' }] })).toEqual([
      'changes[0].parents: "abc" is text; expected a list',
    ]);
    expect(errorsOf({ pipelineRuns: [{ ...run, attempt: 1.5 }] })).toEqual([
      'pipelineRuns[0].attempt: 1.5 is not a whole number; write e.g. 1',
    ]);
    expect(errorsOf({ changes: [{ ...change, pullRequest: { number: 0 } }] })).toEqual([
      'changes[0].pullRequest.number: 0 is too small; use a whole number of at least 1',
    ]);
  });

  it('names a value of the wrong kind in a field of fixed words, with the words', () => {
    expect(errorsOf({ deployments: [{ ...deployment, status: 1 }] })).toEqual([
      'deployments[0].status: 1 is a number; expected one of success, failure, cancelled, in_progress',
    ]);
    expect(errorsOf({ deployments: [{ ...deployment, id: null }] })).toEqual([
      'deployments[0].id: null is null; expected text',
    ]);
    expect(errorsOf({ incidents: [{ ...incident, createdAt: null }] })).toEqual([
      'incidents[0].createdAt is missing; add an ISO-8601 instant, e.g. "2024-03-01T10:00:00Z" or "2024-03-01T12:00:00+02:00"',
    ]);
  });

  it('names unknown fields of nested objects, with the known ones', () => {
    expect(errorsOf({ incidents: [{ ...incident, resolvedat: '2024-03-01T12:00:00Z' }] })).toEqual([
      'incidents[0] has unknown field "resolvedat"; did you mean "resolvedAt" (not "resolvedat")? known fields are id, ' +
        'service, title, startedAt, createdAt, acknowledgedAt, resolvedAt, severity, url, source, labels, cause, owner',
    ]);
    expect(errorsOf({ changes: [{ ...change, pullRequest: { number: 1, reviewer: 'x' } }] })[0]).toMatch(
      /^changes\[0\]\.pullRequest has unknown field "reviewer"; check the spelling or remove it; known fields are number,/
    );
  });

  it('rejects a cause that names nothing', () => {
    expect(errorsOf({ incidents: [{ ...incident, cause: { repo: 'acme/x' } }] })).toEqual([
      'incidents[0].cause: {"repo":"acme/x"} names nothing; give deploymentId, sha or pullRequest (with repo), or leave cause out',
    ]);
  });

  it('validates the runbook and availability objective of a service, naming the value and the fix', () => {
    const service = (extra: object) => ({ catalog: { services: [{ name: 'checkout', ...extra }] } });
    expect(
      errorsOf(service({ runbook: 'https://wiki.example.com/rb', objective: { target: 0.999, windowDays: 30 } }))
    ).toEqual([]);
    expect(errorsOf(service({ runbook: 'wiki/checkout' })).join(' ')).toContain(
      'runbook must be an http or https URL, e.g. https://wiki.example.com/runbooks/checkout'
    );
    expect(errorsOf(service({ objective: { target: 99.9, windowDays: 30 } })).join(' ')).toContain(
      'target is a fraction above 0 and below 1 (99.9% is 0.999)'
    );
    expect(errorsOf(service({ objective: { target: 0.99, windowDays: 400 } })).join(' ')).toContain(
      'windowDays is at most 366'
    );
    expect(errorsOf(service({ objective: { target: '99.9%', windowDays: 30 } }))).toEqual([
      expect.stringContaining('catalog.services[0].objective.target'),
    ]);
  });

  it('validates the catalog', () => {
    expect(errorsOf({ catalog: { services: [{ team: 'x' }] } })).toEqual([
      'catalog.services[0].name is missing; add the service name',
    ]);
    expect(errorsOf({ catalog: { services: [{ name: 'a', repositories: [5] }] } })).toEqual([
      'catalog.services[0].repositories[0]: 5 must be "owner/name" or { "repo": "owner/name", "paths": ["services/x"] }',
    ]);
    expect(errorsOf({ catalog: { services: [{ name: 'a', repositories: [''] }] } })).toEqual([
      'catalog.services[0].repositories[0] is empty; give a non-empty text',
    ]);
    expect(errorsOf({ catalog: { services: [{ name: 'a', repositories: [{ repo: 'x', path: [] }] }] } })).toEqual([
      'catalog.services[0].repositories[0] has unknown field "path"; did you mean "paths" (not "path")? known fields are repo, paths',
    ]);
    expect(errorsOf({ catalog: { service: [] } })).toEqual([
      'catalog.services is missing; add "services": [ { "name": "checkout", ... } ]',
      'catalog has unknown field "service"; did you mean "services" (not "service")? known fields are services',
    ]);
  });

  it('collects the problems of every item, keeping the valid ones', () => {
    const result = parseEventsJson({
      deployments: [deployment, { ...deployment, id: 'd2', status: 'ok' }, { ...deployment, id: 'd3' }],
      incidents: [{ id: 'i' }],
    });
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^deployments\[1\]\.status/);
    expect(result.errors[1]).toMatch(/^incidents\[0\]\.createdAt is missing/);
    expect(result.events.deployments.map((d) => d.id)).toEqual(['d1', 'd3']);
  });

  it(`stops listing after ${MAX_ERRORS} problems and counts the rest`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...deployment, id: `d${i}`, status: 'bad' }));
    const errors = errorsOf({ deployments: many });
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[MAX_ERRORS - 1]).toMatch(/^deployments\[19\]\.status/);
    expect(errors[MAX_ERRORS]).toBe('... and 10 more problems (fix these first)');
  });
});
