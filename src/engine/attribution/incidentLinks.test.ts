import { attribute } from './index';
import { at, chain, commit, deploy, events, HOUR, incident, NOW, renamed } from './testBuilders';
import { Attributed } from './types';
import { DoraEvents } from '../model';

const run = (input: Partial<DoraEvents>, options = {}) => attribute(events(input), options, NOW);
const links = (result: Attributed) =>
  Object.fromEntries(result.incidents.map((i) => [i.incident.id, [i.link.method, i.link.deploymentId]]));
const detail = (result: Attributed, id: string) => result.incidents.find((i) => i.incident.id === id)!.link.detail;

const changes = [
  ...chain('c', 3).map((c) => renamed(c, (sha) => `${sha}aaaaaaa`)),
  commit('c4aaaaaaa', ['c3aaaaaaa'], 3, { pullRequest: { number: 42, title: 'Faster checkout' } }),
];
const deployments = [
  deploy('d1', 'c1aaaaaaa', 1),
  deploy('d2', 'c2aaaaaaa', 5),
  deploy('d3', 'c4aaaaaaa', 10),
  deploy('api1', 'c4aaaaaaa', 11, { service: 'api' }),
];

describe('incident links: explicit', () => {
  it('by deployment id, SHA (prefix, any case) and pull request', () => {
    const result = run({
      changes,
      deployments,
      incidents: [
        incident('by-id', 20, { cause: { deploymentId: 'd1' } }),
        incident('by-sha', 20, { cause: { sha: 'C3AAAAA' } }),
        incident('by-pr', 20, { cause: { pullRequest: 42 } }),
        incident('by-full-sha', 20, { cause: { sha: 'c2aaaaaaa' } }),
      ],
    });
    expect(links(result)).toEqual({
      'by-id': ['explicit', 'd1'],
      'by-sha': ['explicit', 'd3'],
      'by-pr': ['explicit', 'd3'],
      'by-full-sha': ['explicit', 'd2'],
    });
    expect(detail(result, 'by-id')).toBe('incident names deployment d1');
    expect(detail(result, 'by-sha')).toBe('incident names commit C3AAAAA, first shipped by deployment d3 of app');
    expect(detail(result, 'by-pr')).toBe('incident names pull request #42, first shipped by deployment d3 of app');
    expect(result.deployments.find((d) => d.deployment.id === 'd1')!.incidentIds).toEqual(['by-id']);
  });

  it("prefers the incident's own service when several shipped the commit, else the earliest", () => {
    const result = run({
      changes,
      deployments,
      incidents: [
        incident('api-incident', 20, { service: 'api', cause: { sha: 'c4aaaaaaa' } }),
        incident('no-service', 20, { service: undefined, cause: { sha: 'c4aaaaaaa' } }),
      ],
    });
    expect(links(result)).toEqual({ 'api-incident': ['explicit', 'api1'], 'no-service': ['explicit', 'd3'] });
  });

  it('a SHA inside the history shipped by a first deployment (unknown changes) still links to it', () => {
    const result = run({ changes, deployments, incidents: [incident('i', 20, { cause: { sha: 'c1aaaaaaa' } })] });
    expect(links(result).i).toEqual(['explicit', 'd1']);
  });

  it('a deployment at a commit that was not fetched is found by its SHA', () => {
    const result = run({
      deployments: [deploy('x1', 'feedbeef01', 1)],
      incidents: [incident('i', 2, { cause: { sha: 'feedbeef' } })],
    });
    expect(links(result).i).toEqual(['explicit', 'x1']);
  });

  it('names a job of a pipeline run by its own id', () => {
    const result = run({
      changes,
      deployments: [
        deploy('job-eu', 'c2aaaaaaa', 5, { pipelineRunId: 'r1' }),
        deploy('job-us', 'c2aaaaaaa', 6, { pipelineRunId: 'r1' }),
      ],
      incidents: [incident('i', 20, { cause: { deploymentId: 'job-eu' } })],
    });
    expect(links(result).i).toEqual(['explicit', 'job-us']);
    expect(detail(result, 'i')).toBe('incident names deployment job-eu (a job of deployment job-us)');
  });

  it('reads the cause from labels', () => {
    const result = run({
      changes,
      deployments,
      incidents: [
        incident('l1', 20, { labels: ['sev1', 'deployment: d2'] }),
        incident('l2', 20, { labels: ['commit=c1aaaaaaa'] }),
        incident('l3', 20, { labels: ['PR:#42', 'repo:acme/app'] }),
      ],
    });
    expect(links(result)).toEqual({
      l1: ['explicit', 'd2'],
      l2: ['explicit', 'd1'],
      l3: ['explicit', 'd3'],
    });
  });

  it('falls through to the same-service rule when the named cause is not found, and says so', () => {
    const result = run({
      changes,
      deployments,
      incidents: [incident('i', 12, { cause: { deploymentId: 'staging-7', sha: 'abcdef0123' } })],
    });
    expect(links(result).i).toEqual(['service-window', 'd3']);
    const unlinked = run({ changes, deployments, incidents: [incident('j', 50, { cause: { pullRequest: 9 } })] });
    expect(detail(unlinked, 'j')).toBe(
      'it names pull request #9, which no production deployment here shipped; the latest deployment of app finished 1d 16h before it, more than 1d'
    );
  });
});

describe('incident links: same service within the window', () => {
  it('links the latest deployment of the service that finished at or before the impact start', () => {
    const result = run({
      changes,
      deployments,
      incidents: [incident('i1', 7), incident('i2', 12, { startedAt: at(6) }), incident('at-finish', 10)],
    });
    expect(links(result)).toEqual({
      i1: ['service-window', 'd2'],
      i2: ['service-window', 'd2'],
      'at-finish': ['service-window', 'd3'],
    });
    expect(detail(result, 'i1')).toBe('latest deployment of app (d2) finished 2h before the incident started');
  });

  it('the window boundary is inclusive: exactly the window links, one millisecond more does not', () => {
    const window = 4 * HOUR;
    const result = run(
      {
        changes,
        deployments,
        incidents: [
          incident('inside', 14, { startedAt: at(10) + window }),
          incident('outside', 14, { startedAt: at(10) + window + 1 }),
        ],
      },
      { incidentLinkWindowMs: window }
    );
    expect(links(result)).toEqual({ inside: ['service-window', 'd3'], outside: ['none', null] });
    expect(detail(result, 'outside')).toBe('the latest deployment of app finished 4h before it, more than 4h');
  });

  it('never links to a deployment of another service', () => {
    const result = run({
      changes,
      deployments,
      incidents: [incident('web', 11.5, { service: 'web' }), incident('before-any', 0.5)],
    });
    expect(links(result)).toEqual({ web: ['none', null], 'before-any': ['none', null] });
    expect(detail(result, 'web')).toBe('no deployment of web finished before it started');
  });

  it('an incident without service or cause is unlinked and reported', () => {
    const result = run({
      changes,
      deployments,
      incidents: [incident('lost', 12, { service: undefined, title: 'Outage' })],
    });
    expect(links(result).lost).toEqual(['none', null]);
    const finding = result.dataQuality.find((f) => f.kind === 'unlinked-incident')!;
    expect(finding).toEqual(expect.objectContaining({ subject: 'lost', at: at(12), severity: 'info' }));
    expect(finding.message).toContain('Incident lost "Outage" is not linked to a deployment: it names no service');
  });

  it('uses the catalog incident service names', () => {
    const result = run({
      catalog: { services: [{ name: 'app', team: 'core', incidentServices: ['App (PagerDuty)'] }] },
      changes,
      deployments: deployments.slice(0, 3),
      incidents: [incident('pd', 11, { service: 'App (PagerDuty)' })],
    });
    expect(links(result).pd).toEqual(['service-window', 'd3']);
    expect(result.incidents[0].incident.service).toBe('app');
    expect(result.incidents[0].team).toBe('core');
  });
});
