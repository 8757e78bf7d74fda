import { computeMetric } from './index';
import { at, attributed, incident, request, T0 } from './testing';
import { consumedIn } from './errorBudget';
import { DAY_MS, HOUR_MS } from '../options';

const MIN = 60 * 1000;

describe('error budget', () => {
  // checkout: 99.9% over 30 days allows 43.2 minutes; search: 99% over 7 days allows 100.8 minutes.
  const data = attributed({
    teams: { checkout: 'storefront', search: 'data' },
    objectives: { checkout: { target: 0.999, windowDays: 30 }, search: { target: 0.99, windowDays: 7 } },
    incidents: [
      // 20 minutes, and an overlapping 10 that adds 5: 25 minutes of impact, counted once.
      incident({ startedAt: at(1), createdAt: at(1), resolvedAt: at(1) + 20 * MIN, severity: 'sev1' }),
      incident({
        startedAt: at(1) + 15 * MIN,
        createdAt: at(1) + 15 * MIN,
        resolvedAt: at(1) + 25 * MIN,
        severity: 'sev3',
      }),
      // Still open: impacts until the end of the window.
      incident({ startedAt: at(7) - 30 * MIN, createdAt: at(7) - 30 * MIN, service: 'search' }),
      // A service without an objective has no budget.
      incident({ startedAt: at(2), createdAt: at(2), resolvedAt: at(3), service: 'ledger' }),
    ],
  });
  const range = { from: T0, to: at(7) };

  it('allows (1 - target) x window per service and consumes the union of incident impact inside the window', () => {
    const by = (metric: 'errorBudgetAllowed' | 'errorBudgetConsumed' | 'errorBudgetRemaining') =>
      computeMetric(data, request({ metric, bucket: 'range', groupBy: 'service', range })).map((s) => [
        s.group,
        s.points[0].value,
        s.points[0].count,
      ]);
    expect(by('errorBudgetAllowed')).toEqual([
      ['checkout', 43.2 * MIN, 2],
      ['search', 100.8 * MIN, 1],
    ]);
    expect(by('errorBudgetConsumed')).toEqual([
      ['checkout', 25 * MIN, 2],
      ['search', 30 * MIN, 1],
    ]);
    expect(by('errorBudgetRemaining')).toEqual([
      ['checkout', expect.closeTo(1 - 25 / 43.2, 9), 2],
      ['search', expect.closeTo(1 - 30 / 100.8, 9), 1],
    ]);
  });

  it('sums the budgets and consumption of the services of a team, or of all of them', () => {
    const all = computeMetric(data, request({ metric: 'errorBudgetRemaining', bucket: 'range', range }));
    expect(all.map((s) => [s.group, s.points[0].value])).toEqual([['all', expect.closeTo(1 - 55 / 144, 9)]]);
    const team = computeMetric(
      data,
      request({ metric: 'errorBudgetConsumed', bucket: 'range', groupBy: 'team', range })
    );
    expect(team.map((s) => [s.group, s.points[0].value])).toEqual([
      ['data', 30 * MIN],
      ['storefront', 25 * MIN],
    ]);
  });

  it('measures each day over the window ending that day: impact leaves the window after it', () => {
    const daily = computeMetric(
      data,
      request({
        metric: 'errorBudgetConsumed',
        bucket: 'day',
        groupBy: 'service',
        filters: { services: ['checkout'] },
        range,
      })
    );
    // Day 0 ends before any impact; from day 1 on, the 30-day window holds the 25 minutes.
    expect(daily[0].points.map((p) => p.value)).toEqual([
      0,
      25 * MIN,
      25 * MIN,
      25 * MIN,
      25 * MIN,
      25 * MIN,
      25 * MIN,
    ]);
  });

  it('is empty with a note saying how to add an objective when no service has one', () => {
    const none = computeMetric(
      attributed({ incidents: data.incidents }),
      request({ metric: 'errorBudgetRemaining', range })
    );
    expect(none).toHaveLength(1);
    expect(none[0].points.every((p) => p.value === null)).toBe(true);
    expect(none[0].notes?.[0]).toContain('objective: { availability: 99.9%, window: 30d }');
  });

  it('counts overlapping impact once and clips it to the window', () => {
    const h = HOUR_MS;
    expect(
      consumedIn(
        [
          [0, 2 * h],
          [h, 3 * h],
          [5 * h, Infinity],
        ],
        h,
        6 * h
      )
    ).toEqual({ ms: 3 * h, count: 3 });
    expect(consumedIn([[0, h]], h, 2 * h)).toEqual({ ms: 0, count: 0 });
    expect(consumedIn([], 0, DAY_MS)).toEqual({ ms: 0, count: 0 });
  });
});
