import { DAY_MS, HOUR_MS } from '../options';
import { computeMetric } from './index';
import { mergeIntervals } from './mtbf';
import { at, attributed, incident, request } from './testing';

describe('mean time between failures', () => {
  it('is (window - impaired time) / incidents, overlaps counted once', () => {
    const a = attributed({
      incidents: [
        incident({ startedAt: at(1), createdAt: at(1), resolvedAt: at(1, 4) }),
        incident({ startedAt: at(1, 2), createdAt: at(1, 2), resolvedAt: at(1, 6) }), // overlaps: union 6 h
        incident({ startedAt: at(3), createdAt: at(3), resolvedAt: at(3, 2) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'meanTimeBetweenFailures', bucket: 'range' }));
    expect(series.valueKind).toBe('duration');
    expect(series.points[0]).toMatchObject({ value: (7 * DAY_MS - 8 * HOUR_MS) / 3, count: 3 });
  });

  it('counts impairment that continues into the next bucket, and is null without incidents', () => {
    const a = attributed({
      incidents: [incident({ startedAt: at(0, 20), createdAt: at(0, 20), resolvedAt: at(1, 6) })],
    });
    const [series] = computeMetric(a, request({ metric: 'meanTimeBetweenFailures' }));
    expect(series.points[0]).toMatchObject({ value: 20 * HOUR_MS, count: 1 });
    // Day 1 has no incident of its own: null, although it was impaired for 6 hours.
    expect(series.points[1]).toMatchObject({ value: null, count: 0 });
  });

  it('treats an unresolved incident as impairing to the end of the range', () => {
    const a = attributed({ incidents: [incident({ createdAt: at(6) })] });
    const [series] = computeMetric(a, request({ metric: 'meanTimeBetweenFailures', bucket: 'range' }));
    expect(series.points[0].value).toBe(6 * DAY_MS);
  });

  it('merges intervals', () => {
    expect(
      mergeIntervals([
        [5, 7],
        [1, 3],
        [2, 4],
        [7, 8],
      ])
    ).toEqual([
      [1, 4],
      [5, 8],
    ]);
  });
});
