import fc from 'fast-check';
import { computeMetric } from './metrics';
import { at, attributed, change, deployment, failedAttempt, incident, request, run, T0 } from './metrics/testing';
import {
  deploymentContexts,
  deploymentOutcome,
  dimensionValues,
  selectAll,
  selectChanges,
  selectDeployments,
  selectIncidents,
  selectIncidentsOverlapping,
} from './select';
import { Filters } from './results';

const week = { from: T0, to: at(7) };

describe('selectDeployments', () => {
  it('keeps deployments finished in [from, to) that pass every filter', () => {
    const inside = deployment({ finishedAt: at(1), service: 'checkout', team: 'storefront' });
    const atEnd = deployment({ finishedAt: at(7), service: 'checkout', team: 'storefront' });
    const atStart = deployment({ finishedAt: T0, service: 'search', environment: 'prod-eu' });
    const data = attributed({ deployments: [inside, atEnd, atStart], teams: { search: 'data' } });
    expect(selectDeployments(data, week)).toEqual([atStart, inside]);
    expect(selectDeployments(data, week, { teams: ['storefront'] })).toEqual([inside]);
    // The team of a deployment without one comes from the catalog (Attributed.teams).
    expect(selectDeployments(data, week, { teams: ['data'] })).toEqual([atStart]);
    expect(selectDeployments(data, week, { environments: ['prod-eu'], services: ['checkout'] })).toEqual([]);
  });

  it('treats an empty filter list as no filter', () => {
    const d = deployment({ finishedAt: at(1) });
    expect(selectDeployments(attributed({ deployments: [d] }), week, { services: [] })).toEqual([d]);
  });

  it('matches items without a value only by the "(unknown)" group name, as the metrics do', () => {
    const noTeam = deployment({ finishedAt: at(1) });
    const data = attributed({ deployments: [noTeam] });
    expect(selectDeployments(data, week, { teams: ['(unknown)'] })).toEqual([noTeam]);
    expect(selectDeployments(data, week, { teams: [''] })).toEqual([]);
  });
});

describe('deploymentOutcome', () => {
  it('is rollback for a rollback (even a failed one), failed for another failed deployment, else success', () => {
    const rollback = { ...deployment({ finishedAt: at(1), failed: true }), isRollback: true };
    expect(deploymentOutcome(rollback)).toBe('rollback');
    expect(deploymentOutcome(deployment({ finishedAt: at(1), failed: true }))).toBe('failed');
    expect(deploymentOutcome(deployment({ finishedAt: at(1), isRework: true }))).toBe('success');
  });
});

describe('deploymentContexts', () => {
  it('names the previous and next deployment of the same service and environment, and the authors shipped', () => {
    const first = deployment({ id: 'd1', finishedAt: at(1) });
    const otherEnv = deployment({ id: 'eu', finishedAt: at(2), environment: 'prod-eu' });
    const otherService = deployment({ id: 's1', finishedAt: at(2), service: 'search' });
    const second = deployment({ id: 'd2', finishedAt: at(3) });
    const third = deployment({ id: 'd3', finishedAt: at(4) });
    const late = change({ deployedAt: at(3), leadTimeMs: 1000, deploymentId: 'd2' });
    late.change.author = 'Ben';
    const early = change({ deployedAt: at(3), leadTimeMs: 5000, deploymentId: 'd2' });
    early.change.author = 'Ana';
    const again = change({ deployedAt: at(3), leadTimeMs: 3000, deploymentId: 'd2' });
    again.change.author = 'Ben';
    const data = attributed({
      deployments: [third, otherEnv, first, second, otherService],
      changes: [late, early, again],
    });
    expect(deploymentContexts(data)).toEqual({
      d1: { next: 'd2', authors: [] },
      d2: { previous: 'd1', next: 'd3', authors: ['Ana', 'Ben'] },
      d3: { previous: 'd2', authors: [] },
      eu: { authors: [] },
      s1: { authors: [] },
    });
  });
});

describe('selectChanges and selectIncidents', () => {
  it('select changes by their deployment time and incidents by impact start, else creation', () => {
    const shipped = change({ deployedAt: at(2), leadTimeMs: 3600000, service: 'search' });
    const later = change({ deployedAt: at(9), leadTimeMs: 3600000 });
    const startedBefore = incident({ startedAt: at(-1), createdAt: at(0, 2) });
    const created = incident({ createdAt: at(3), service: 'search' });
    const data = attributed({ changes: [shipped, later], incidents: [startedBefore, created] });
    expect(selectChanges(data, week)).toEqual([shipped]);
    expect(selectIncidents(data, week)).toEqual([created]);
    expect(selectIncidents(data, week, { services: ['checkout'] })).toEqual([]);
  });

  it('selects incidents overlapping the range, open ones included', () => {
    const before = incident({ createdAt: at(-3), resolvedAt: at(-2) });
    const across = incident({ startedAt: at(-1), createdAt: at(-1), resolvedAt: at(1) });
    const open = incident({ createdAt: at(-10) });
    const after = incident({ createdAt: at(7) });
    const data = attributed({ incidents: [before, across, open, after] });
    expect(selectIncidentsOverlapping(data, week)).toEqual([across, open]);
  });
});

describe('dimensionValues', () => {
  const data = attributed({
    deployments: [
      deployment({ finishedAt: at(1), service: 'checkout', team: 'storefront', repo: 'acme/shop' }),
      deployment({ finishedAt: at(20), service: 'ledger', team: 'finance', environment: 'prod-eu' }),
    ],
    failedAttempts: [failedAttempt({ finishedAt: at(2), service: 'billing', environment: 'prod-us' })],
    changes: [change({ deployedAt: at(1), leadTimeMs: 1, repo: 'acme/lib', service: 'checkout', team: 'storefront' })],
    incidents: [incident({ createdAt: at(3), service: 'auth', team: 'platform' })],
    pipelineRuns: [run({ startedAt: at(4), repo: 'acme/ci-only' })],
    teams: { billing: 'finance' },
  });

  it('lists the distinct known values over every kind of item, sorted', () => {
    expect(dimensionValues(data, 'service')).toEqual(['auth', 'billing', 'checkout', 'ledger']);
    expect(dimensionValues(data, 'team')).toEqual(['finance', 'platform', 'storefront']);
    expect(dimensionValues(data, 'environment')).toEqual(['prod-eu', 'prod-us', 'production']);
    expect(dimensionValues(data, 'repository')).toEqual(['acme/checkout', 'acme/ci-only', 'acme/lib', 'acme/shop']);
  });

  it('narrows by filters and range', () => {
    expect(dimensionValues(data, 'service', { filters: { teams: ['finance'] } })).toEqual(['billing', 'ledger']);
    expect(dimensionValues(data, 'service', { range: week })).toEqual(['auth', 'billing', 'checkout']);
  });
});

describe('selection agrees with the metrics', () => {
  const services = ['checkout', 'search', 'ledger'];
  const filtersArb: fc.Arbitrary<Filters> = fc.record(
    { services: fc.subarray(services), teams: fc.subarray(['storefront', 'data', '(unknown)']) },
    { requiredKeys: [] }
  );
  const deploymentArb = fc.record({
    day: fc.integer({ min: -3, max: 9 }),
    service: fc.constantFrom(...services),
    team: fc.constantFrom('storefront', 'data', ''),
  });

  it('a week of deployments selected = the deployment count of that week under the same filters', () => {
    fc.assert(
      fc.property(fc.array(deploymentArb, { maxLength: 25 }), filtersArb, (specs, filters) => {
        const data = attributed({
          deployments: specs.map((s) => deployment({ finishedAt: at(s.day, 5), service: s.service, team: s.team })),
        });
        const series = computeMetric(data, request({ metric: 'deploymentCount', bucket: 'range', filters }));
        const counted = series.reduce((sum, s) => sum + s.points.reduce((n, p) => n + (p.value ?? 0), 0), 0);
        expect(selectDeployments(data, week, filters).length).toBe(counted);
        expect(selectAll(data, week, filters).deployments.length).toBe(counted);
      })
    );
  });
});
