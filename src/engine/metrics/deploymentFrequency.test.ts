import { DAY_MS, HOUR_MS } from '../options';
import { fixedOffset, TimeZone } from '../time';
import { computeMetric } from './index';
import { at, attributed, deployment, request, T0 } from './testing';

const values = (s: { points: Array<{ value: number | null }> }) => s.points.map((p) => p.value);
const counts = (s: { points: Array<{ count: number }> }) => s.points.map((p) => p.count);

describe('deployment count', () => {
  it('counts deployments per day bucket of their finish, empty days as 0', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(0, 1) }),
        deployment({ finishedAt: at(0, 23) }),
        deployment({ finishedAt: at(3, 12) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'deploymentCount' }));
    expect(series.group).toBe('all');
    expect(series.valueKind).toBe('count');
    expect(series.points.map((p) => p.time)).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => at(d)));
    expect(values(series)).toEqual([2, 0, 0, 1, 0, 0, 0]);
  });

  it('leaves out deployments outside [from, to)', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(-1) }),
        deployment({ finishedAt: at(7) }),
        deployment({ finishedAt: at(6, 23) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'deploymentCount', bucket: 'range' }));
    expect(values(series)).toEqual([1]);
  });

  it('gives one all-zero series named all when there is nothing', () => {
    const series = computeMetric(attributed(), request({ metric: 'deploymentCount', bucket: 'week' }));
    expect(series).toHaveLength(1);
    expect(values(series[0])).toEqual([0]);
  });
});

describe('deployments per day and per week', () => {
  it('divides by the bucket length in days, clipped to the range', () => {
    const a = attributed({ deployments: [0, 1, 2, 3, 4, 5, 6].map((d) => deployment({ finishedAt: at(d, 10) })) });
    const [perDay] = computeMetric(a, request({ metric: 'deploymentsPerDay', bucket: 'range' }));
    expect(values(perDay)).toEqual([1]);
    const [perWeek] = computeMetric(a, request({ metric: 'deploymentsPerWeek', bucket: 'week' }));
    expect(perWeek.valueKind).toBe('perPeriod');
    expect(values(perWeek)).toEqual([7]);
    // Three and a half days hold the first 4 deployments: 4 / 3.5 a day.
    const [half] = computeMetric(
      a,
      request({ metric: 'deploymentsPerDay', bucket: 'range', range: { from: at(0), to: at(3, 12) } })
    );
    expect(values(half)).toEqual([4 / 3.5]);
  });

  it('counts a 23-hour DST day as one day', () => {
    const berlin: TimeZone = {
      offsetMinutesAt: (t) => (t >= Date.UTC(2024, 2, 31, 1) && t < Date.UTC(2024, 9, 27, 1) ? 120 : 60),
    };
    const day = { from: Date.UTC(2024, 2, 30, 23), to: Date.UTC(2024, 2, 31, 22) };
    const a = attributed({
      deployments: [deployment({ finishedAt: day.from + HOUR_MS }), deployment({ finishedAt: day.from + 5 * HOUR_MS })],
    });
    const [series] = computeMetric(
      a,
      request({ metric: 'deploymentsPerDay', bucket: 'day', range: day, zone: berlin })
    );
    expect(values(series)).toEqual([2]);
  });
});

describe('deployment days per week', () => {
  it('takes the median over weeks of distinct local days with a deployment', () => {
    // Three weeks from Monday T0: week 1 deploys on Mon (twice) and Wed -> 2 days; week 2 on none -> 0;
    // week 3 on Mon, Tue, Wed, Thu -> 4 days. Median of [2, 0, 4] = 2.
    const a = attributed({
      deployments: [at(0, 9), at(0, 15), at(2, 10), at(14, 1), at(15, 1), at(16, 1), at(17, 1)].map((t) =>
        deployment({ finishedAt: t })
      ),
    });
    const [series] = computeMetric(
      a,
      request({ metric: 'deploymentDaysPerWeek', bucket: 'range', range: { from: T0, to: at(21) } })
    );
    expect(values(series)).toEqual([2]);
    expect(counts(series)).toEqual([7]);
    const [weekly] = computeMetric(
      a,
      request({ metric: 'deploymentDaysPerWeek', bucket: 'week', range: { from: T0, to: at(21) } })
    );
    expect(values(weekly)).toEqual([2, 0, 4]);
  });

  it('uses local days and Monday weeks of the zone', () => {
    // 23:30Z on Sunday Jan 7 is Monday 01:30 in UTC+2: a new week and a new day.
    const plus2 = fixedOffset(120);
    const a = attributed({
      deployments: [
        deployment({ finishedAt: Date.UTC(2024, 0, 7, 21, 30) }),
        deployment({ finishedAt: Date.UTC(2024, 0, 7, 23, 30) }),
      ],
    });
    const range = { from: Date.UTC(2023, 11, 31, 22), to: Date.UTC(2024, 0, 14, 22) };
    const [series] = computeMetric(a, request({ metric: 'deploymentDaysPerWeek', bucket: 'week', range, zone: plus2 }));
    expect(series.points.map((p) => p.time)).toEqual([Date.UTC(2023, 11, 31, 22), Date.UTC(2024, 0, 7, 22)]);
    expect(values(series)).toEqual([1, 1]);
  });
});

describe('deployment gap', () => {
  it('measures the time since the previous deployment of the group, even one before the range', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(-1) }),
        deployment({ finishedAt: at(1) }),
        deployment({ finishedAt: at(1, 6) }),
        deployment({ finishedAt: at(4) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'deploymentGap', bucket: 'range' }));
    expect(series.valueKind).toBe('duration');
    // gaps 2 days, 6 hours, 2 days 18 hours -> median 2 days
    expect(values(series)).toEqual([2 * DAY_MS]);
    const [byDay] = computeMetric(a, request({ metric: 'deploymentGap', aggregation: 'mean' }));
    expect(values(byDay)).toEqual([null, DAY_MS + 3 * HOUR_MS, null, null, 2 * DAY_MS + 18 * HOUR_MS, null, null]);
  });

  it('keeps services apart when grouped by service', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(0), service: 'a' }),
        deployment({ finishedAt: at(1), service: 'b' }),
        deployment({ finishedAt: at(2), service: 'a' }),
      ],
    });
    const series = computeMetric(a, request({ metric: 'deploymentGap', bucket: 'range', groupBy: 'service' }));
    expect(series.map((s) => [s.group, s.points[0].value])).toEqual([
      ['a', 2 * DAY_MS],
      ['b', null],
    ]);
  });
});
