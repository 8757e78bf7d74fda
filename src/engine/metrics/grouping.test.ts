/**
 * Grouping by severity and label, and services several teams own (docs/definitions.md#grouping-by-severity-and-label),
 * on hand-made items whose numbers are worked out in the comments.
 */
import { EngineInputError } from '../attribution/inputError';
import { HOUR_MS } from '../options';
import { MetricRequest, MetricSeries } from '../results';
import { UTC } from '../time';
import { computeMetric } from './index';
import { computeScorecard } from './scorecard';
import { at, attributed, change, deployment, incident, request, T0 } from './testing';

const MIN = 60 * 1000;
const whole = (r: Partial<MetricRequest> & Pick<MetricRequest, 'metric'>) => request({ bucket: 'range', ...r });
const byGroup = (series: MetricSeries[]) =>
  Object.fromEntries(series.map((s) => [s.group, { value: s.points[0].value, count: s.points[0].count }]));

/** Four deployments: d1 failed with a sev1 incident, d2 with a sev2 and a sev1 one, d3 rolled back, d4 fine. */
function failures() {
  const i1 = incident({ createdAt: at(1, 1), resolvedAt: at(1, 2), severity: 'sev1' });
  const i2 = incident({ createdAt: at(2, 1), resolvedAt: at(2, 4), severity: 'sev2' });
  const i3 = incident({ createdAt: at(2, 2), resolvedAt: at(2, 3), severity: 'sev1' });
  const i4 = incident({ createdAt: at(3, 1), resolvedAt: at(3, 3) });
  const ids = (...list: Array<typeof i1>) => list.map((i) => i.incident.id);
  return attributed({
    deployments: [
      deployment({ finishedAt: at(1), failed: true, recoveryMs: HOUR_MS, incidentIds: ids(i1) }),
      deployment({ finishedAt: at(2), failed: true, recoveryMs: 3 * HOUR_MS, incidentIds: ids(i2, i3) }),
      deployment({ finishedAt: at(3), failed: true, recoveryMs: 20 * MIN }),
      deployment({ finishedAt: at(4) }),
    ],
    incidents: [i1, i2, i3, i4],
  });
}

describe('grouping by severity', () => {
  it('time to restore per incident severity, unknown for an incident without one', () => {
    // sev1: 1 h and 1 h; sev2: 3 h; no severity: 2 h.
    const series = computeMetric(failures(), whole({ metric: 'timeToRestore', groupBy: 'severity' }));
    expect(byGroup(series)).toEqual({
      '(unknown)': { value: 2 * HOUR_MS, count: 1 },
      sev1: { value: HOUR_MS, count: 2 },
      sev2: { value: 3 * HOUR_MS, count: 1 },
    });
    expect(series.map((s) => s.notes)).toEqual([undefined, undefined, undefined]);
  });

  it("change fail rate: each severity's failed deployments over every deployment in scope", () => {
    // 4 deployments. sev1: d1 and d2 -> 2/4; sev2: d2 -> 1/4; a failure without incident (d3) -> unknown 1/4.
    const series = computeMetric(failures(), whole({ metric: 'changeFailRate', groupBy: 'severity' }));
    expect(byGroup(series)).toEqual({
      '(unknown)': { value: 0.25, count: 4 },
      sev1: { value: 0.5, count: 4 },
      sev2: { value: 0.25, count: 4 },
    });
  });

  it('change fail rate counting sev1-sev2 only: failures narrowed, deployments kept', () => {
    const a = failures();
    const filters = { severities: ['sev1', 'sev2'] };
    // d1 and d2 failed with such incidents; d3 (no incident) no longer counts as failed; 4 deployments.
    expect(byGroup(computeMetric(a, whole({ metric: 'changeFailRate', filters })))).toEqual({
      all: { value: 0.5, count: 4 },
    });
    expect(byGroup(computeMetric(a, whole({ metric: 'changeFailRate', filters: { severities: ['sev2'] } })))).toEqual({
      all: { value: 0.25, count: 4 },
    });
    // Without the filter all three failures count.
    expect(byGroup(computeMetric(a, whole({ metric: 'changeFailRate' })))).toEqual({ all: { value: 0.75, count: 4 } });
    // The scorecard counts failures the same way.
    const [row] = computeScorecard(a, { groupBy: 'none', range: { from: T0, to: at(7) }, zone: UTC, filters });
    expect([row.deployments, row.changeFailRate]).toEqual([4, 0.5]);
    // Grouped and filtered: only the allowed severities appear.
    const grouped = computeMetric(a, whole({ metric: 'changeFailRate', groupBy: 'severity', filters }));
    expect(Object.keys(byGroup(grouped))).toEqual(['sev1', 'sev2']);
  });

  it('failed deployment recovery time by the severities of the linked incidents', () => {
    // sev1: d1 1 h, d2 3 h -> median 2 h; sev2: d2 3 h; unknown: d3 20 min.
    const series = computeMetric(failures(), whole({ metric: 'recoveryTime', groupBy: 'severity' }));
    expect(byGroup(series)).toEqual({
      '(unknown)': { value: 20 * MIN, count: 1 },
      sev1: { value: 2 * HOUR_MS, count: 2 },
      sev2: { value: 3 * HOUR_MS, count: 1 },
    });
  });

  it('answers a metric without severities with one empty series and a note, not ungrouped numbers', () => {
    const series = computeMetric(failures(), whole({ metric: 'deploymentCount', groupBy: 'severity' }));
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ group: 'all', valueKind: 'count', points: [{ value: null, count: 0 }] });
    expect(series[0].notes?.[0]).toMatch(/severity belongs to incidents.*Group by service/);
    const lead = computeMetric(failures(), whole({ metric: 'leadTime', groupBy: 'severity' }));
    expect(lead[0]).toMatchObject({ group: 'all', valueKind: 'duration' });
  });
});

describe('grouping by label', () => {
  const labelled = (labels: string[] | undefined, leadTimeMs: number) => {
    const c = change({ deployedAt: at(1), leadTimeMs });
    if (labels) {
      c.change.pullRequest = { number: Math.round(leadTimeMs / MIN), labels };
    }
    return c;
  };
  const changes = () =>
    attributed({
      changes: [
        labelled(['security', 'bug'], HOUR_MS),
        labelled(['security', 'security'], 3 * HOUR_MS),
        labelled(['bug'], 5 * HOUR_MS),
        labelled([], 7 * HOUR_MS),
        labelled(undefined, 9 * HOUR_MS),
      ],
    });

  it('lead time per pull request label: a change counts in each of its labels, unlabelled ones as unknown', () => {
    // security: 1 h, 3 h (the repeated label counts once) -> 2 h; bug: 1 h, 5 h -> 3 h; unknown: 7 h, 9 h -> 8 h.
    const series = computeMetric(changes(), whole({ metric: 'leadTime', groupBy: 'label' }));
    expect(byGroup(series)).toEqual({
      '(unknown)': { value: 8 * HOUR_MS, count: 2 },
      bug: { value: 3 * HOUR_MS, count: 2 },
      security: { value: 2 * HOUR_MS, count: 2 },
    });
  });

  it('lead time of changes labelled security, alone or grouped by label', () => {
    const filters = { labels: ['security'] };
    expect(byGroup(computeMetric(changes(), whole({ metric: 'leadTime', filters })))).toEqual({
      all: { value: 2 * HOUR_MS, count: 2 },
    });
    // Grouped by label under the same filter, the change labelled security and bug counts under security only.
    expect(byGroup(computeMetric(changes(), whole({ metric: 'leadTime', groupBy: 'label', filters })))).toEqual({
      security: { value: 2 * HOUR_MS, count: 2 },
    });
  });

  it('answers a metric without labels with one empty series and a note', () => {
    const [only] = computeMetric(failures(), whole({ metric: 'deploymentCount', groupBy: 'label' }));
    expect(only).toMatchObject({ group: 'all', points: [{ value: null, count: 0 }] });
    expect(only.notes?.[0]).toMatch(/labels belong to changes.*to incidents/);
  });

  it('the scorecard refuses severity and label with the fix', () => {
    for (const groupBy of ['severity', 'label'] as const) {
      const call = () => computeScorecard(failures(), { groupBy, range: { from: T0, to: at(7) }, zone: UTC });
      expect(call).toThrow(EngineInputError);
      expect(call).toThrow(/groupBy.*use a metric query/);
    }
  });
});

describe('grouping incidents by label', () => {
  /** failures() with incident labels: i1 team:payments + urgency:high, i2 urgency:low, i3 urgency:high twice, i4 none. */
  function labelledFailures() {
    const a = failures();
    const labels = [['team:payments', 'urgency:high'], ['urgency:low'], ['urgency:high', 'urgency:high'], undefined];
    a.incidents.forEach((item, k) => {
      if (labels[k]) {
        item.incident.labels = labels[k];
      }
    });
    return a;
  }

  it('time to restore per incident label: an incident counts in each of its labels, unlabelled ones as unknown', () => {
    // urgency:high: i1 1 h, i3 1 h (its repeated label once); team:payments: i1 1 h; urgency:low: i2 3 h; none: i4 2 h.
    const series = computeMetric(labelledFailures(), whole({ metric: 'timeToRestore', groupBy: 'label' }));
    expect(byGroup(series)).toEqual({
      '(unknown)': { value: 2 * HOUR_MS, count: 1 },
      'team:payments': { value: HOUR_MS, count: 1 },
      'urgency:high': { value: HOUR_MS, count: 2 },
      'urgency:low': { value: 3 * HOUR_MS, count: 1 },
    });
    expect(series.map((s) => s.notes)).toEqual([undefined, undefined, undefined, undefined]);
    // The labels filter keeps the incidents with any selected label: i1, i2, i3 -> 1 h, 3 h, 1 h -> median 1 h.
    const filters = { labels: ['urgency:high', 'urgency:low'] };
    expect(byGroup(computeMetric(labelledFailures(), whole({ metric: 'timeToRestore', filters })))).toEqual({
      all: { value: HOUR_MS, count: 3 },
    });
  });

  it('change fail rate under a labels filter: failures narrowed by their incidents, deployments kept', () => {
    const a = labelledFailures();
    const cfr = (labels: string[]) =>
      byGroup(computeMetric(a, whole({ metric: 'changeFailRate', filters: { labels } })));
    // urgency:high: d1 (i1) and d2 (i3) failed with such an incident; d3 failed without one; 4 deployments.
    expect(cfr(['urgency:high'])).toEqual({ all: { value: 0.5, count: 4 } });
    expect(cfr(['urgency:low'])).toEqual({ all: { value: 0.25, count: 4 } });
    expect(cfr(['security'])).toEqual({ all: { value: 0, count: 4 } });
    // The scorecard counts failures the same way.
    const range = { from: T0, to: at(7) };
    const [row] = computeScorecard(a, { groupBy: 'none', range, zone: UTC, filters: { labels: ['urgency:high'] } });
    expect([row.deployments, row.changeFailRate]).toEqual([4, 0.5]);
  });

  it("change fail rate and recovery time by label: failed deployments by their linked incidents' labels", () => {
    const a = labelledFailures();
    // 4 deployments. urgency:high: d1, d2 -> 2/4; team:payments: d1; urgency:low: d2; d3 without incident: unknown.
    expect(byGroup(computeMetric(a, whole({ metric: 'changeFailRate', groupBy: 'label' })))).toEqual({
      '(unknown)': { value: 0.25, count: 4 },
      'team:payments': { value: 0.25, count: 4 },
      'urgency:high': { value: 0.5, count: 4 },
      'urgency:low': { value: 0.25, count: 4 },
    });
    // Recovery: d1 1 h, d2 3 h, d3 20 min.
    expect(byGroup(computeMetric(a, whole({ metric: 'recoveryTime', groupBy: 'label' })))).toEqual({
      '(unknown)': { value: 20 * MIN, count: 1 },
      'team:payments': { value: HOUR_MS, count: 1 },
      'urgency:high': { value: 2 * HOUR_MS, count: 2 },
      'urgency:low': { value: 3 * HOUR_MS, count: 1 },
    });
  });

  it('a name shared by pull request and incident labels matches both', () => {
    const a = labelledFailures();
    a.incidents[1].incident.labels = ['security'];
    const c = change({ deployedAt: at(1), leadTimeMs: HOUR_MS });
    c.change.pullRequest = { number: 1, labels: ['security'] };
    a.changes.push(change({ deployedAt: at(1), leadTimeMs: 5 * HOUR_MS }), c);
    const filters = { labels: ['security'] };
    expect(byGroup(computeMetric(a, whole({ metric: 'leadTime', filters })))).toEqual({
      all: { value: HOUR_MS, count: 1 },
    });
    expect(byGroup(computeMetric(a, whole({ metric: 'timeToRestore', filters })))).toEqual({
      all: { value: 3 * HOUR_MS, count: 1 },
    });
  });
});

describe('a service several teams own', () => {
  /** checkout is owned by payments and platform, search by search. */
  const shared = () =>
    attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'checkout', team: 'payments', failed: true, recoveryMs: HOUR_MS }),
        deployment({ finishedAt: at(2), service: 'checkout', team: 'payments' }),
        deployment({ finishedAt: at(3), service: 'search', team: 'search' }),
      ],
      incidents: [incident({ createdAt: at(1, 2), resolvedAt: at(1, 3), service: 'checkout', team: 'payments' })],
      teams: { checkout: 'payments', search: 'search', billing: 'platform' },
      owners: { checkout: ['payments', 'platform'] },
    });

  it("counts in each owning team's group, so team totals exceed the whole", () => {
    const a = shared();
    expect(byGroup(computeMetric(a, whole({ metric: 'deploymentCount', groupBy: 'team' })))).toEqual({
      payments: { value: 2, count: 2 },
      platform: { value: 2, count: 2 },
      search: { value: 1, count: 1 },
    });
    expect(byGroup(computeMetric(a, whole({ metric: 'deploymentCount' })))).toEqual({ all: { value: 3, count: 3 } });
    expect(byGroup(computeMetric(a, whole({ metric: 'changeFailRate', groupBy: 'team' })))).toMatchObject({
      payments: { value: 0.5 },
      platform: { value: 0.5 },
      search: { value: 0 },
    });
    expect(Object.keys(byGroup(computeMetric(a, whole({ metric: 'timeToRestore', groupBy: 'team' }))))).toEqual([
      'payments',
      'platform',
    ]);
  });

  it('a team filter keeps the service when any owner matches, and shows only the allowed teams', () => {
    const a = shared();
    const filters = { teams: ['platform'] };
    expect(byGroup(computeMetric(a, whole({ metric: 'deploymentCount', filters })))).toEqual({
      all: { value: 2, count: 2 },
    });
    expect(byGroup(computeMetric(a, whole({ metric: 'deploymentCount', groupBy: 'team', filters })))).toEqual({
      platform: { value: 2, count: 2 },
    });
  });

  it('the scorecard and days since the last deployment agree with the metrics', () => {
    const a = shared();
    const rows = computeScorecard(a, { groupBy: 'team', range: { from: T0, to: at(7) }, zone: UTC });
    expect(rows.map((r) => [r.group, r.deployments, r.changeFailRate])).toEqual([
      ['payments', 2, 0.5],
      ['platform', 2, 0.5],
      ['search', 1, 0],
    ]);
    const filtered = computeScorecard(a, {
      groupBy: 'team',
      range: { from: T0, to: at(7) },
      zone: UTC,
      filters: { teams: ['platform'] },
    });
    expect(filtered.map((r) => [r.group, r.deployments])).toEqual([['platform', 2]]);
    const days = computeMetric(a, whole({ metric: 'daysSinceLastDeployment', groupBy: 'team' }));
    // platform's last deployment is checkout's at day 2, five days before the end of the range.
    expect(byGroup(days)).toEqual({
      payments: { value: 5, count: 1 },
      platform: { value: 5, count: 1 },
      search: { value: 4, count: 1 },
    });
  });
});
