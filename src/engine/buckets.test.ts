import {
  bucketIndexOf,
  bucketStartAt,
  buildBuckets,
  fromLocalMs,
  localDayIndex,
  MAX_BUCKETS,
  resolveBucketKind,
  wallClockDays,
  weekIndexOfDay,
} from './buckets';
import { DAY_MS, HOUR_MS, WEEK_MS } from './options';
import { fixedOffset, TimeZone, UTC } from './time';

/** Europe/Berlin in 2024: CET (+60) except CEST (+120) from 2024-03-31T01:00Z to 2024-10-27T01:00Z. */
const BERLIN_2024: TimeZone = {
  offsetMinutesAt: (t) => (t >= Date.UTC(2024, 2, 31, 1) && t < Date.UTC(2024, 9, 27, 1) ? 120 : 60),
};

const utc = Date.UTC;

describe('bucket starts', () => {
  it('makes UTC day buckets covering the range, every bucket present', () => {
    const b = buildBuckets({ from: utc(2024, 0, 1, 12), to: utc(2024, 0, 4) }, 'day', UTC);
    expect(Array.from(b.starts)).toEqual([utc(2024, 0, 1), utc(2024, 0, 2), utc(2024, 0, 3)]);
    // The first bucket is clipped to the range.
    expect(b.lo[0]).toBe(utc(2024, 0, 1, 12));
    expect(b.hi[2]).toBe(utc(2024, 0, 4));
  });

  it('starts weeks on Monday at local midnight in a non-UTC zone', () => {
    const plus2 = fixedOffset(120);
    // Wednesday 2024-01-10 10:00Z is in the week of Monday 2024-01-08 00:00 local = Sunday 22:00Z.
    expect(bucketStartAt('week', utc(2024, 0, 10, 10), plus2)).toBe(utc(2024, 0, 7, 22));
    // Sunday 2024-01-07 23:00Z is already Monday 01:00 local: a new week.
    expect(bucketStartAt('week', utc(2024, 0, 7, 23), plus2)).toBe(utc(2024, 0, 7, 22));
    expect(bucketStartAt('week', utc(2024, 0, 7, 21), plus2)).toBe(utc(2023, 11, 31, 22));
    const minus5 = fixedOffset(-300);
    expect(bucketStartAt('week', utc(2024, 0, 8, 3), minus5)).toBe(utc(2024, 0, 1, 5));
  });

  it('re-reads the offset at each boundary across a DST change (23-hour day)', () => {
    const b = buildBuckets({ from: utc(2024, 2, 29, 23), to: utc(2024, 2, 31, 22) }, 'day', BERLIN_2024);
    // Mar 30 00:00 CET, Mar 31 00:00 CET, (clocks go forward at 02:00), Apr 1 00:00 CEST.
    expect(Array.from(b.starts)).toEqual([utc(2024, 2, 29, 23), utc(2024, 2, 30, 23)]);
    expect(b.hi[1] - b.lo[1]).toBe(23 * HOUR_MS);
    expect(wallClockDays(BERLIN_2024, b.lo[1], b.hi[1])).toBe(1);
  });

  it('makes a DST week 6 days 23 hours long and the autumn one 7 days 1 hour', () => {
    const spring = buildBuckets({ from: utc(2024, 2, 24, 23), to: utc(2024, 3, 7, 22) }, 'week', BERLIN_2024);
    expect(Array.from(spring.starts)).toEqual([utc(2024, 2, 24, 23), utc(2024, 2, 31, 22)]);
    expect(spring.hi[0] - spring.lo[0]).toBe(WEEK_MS - HOUR_MS);
    const autumn = buildBuckets({ from: utc(2024, 9, 20, 22), to: utc(2024, 10, 3, 23) }, 'week', BERLIN_2024);
    expect(Array.from(autumn.starts)).toEqual([utc(2024, 9, 20, 22), utc(2024, 9, 27, 23)]);
    expect(autumn.hi[0] - autumn.lo[0]).toBe(WEEK_MS + HOUR_MS);
  });

  it('starts months on the 1st at local midnight', () => {
    const b = buildBuckets({ from: utc(2024, 0, 15), to: utc(2024, 3, 15) }, 'month', BERLIN_2024);
    expect(Array.from(b.starts)).toEqual([
      utc(2023, 11, 31, 23),
      utc(2024, 0, 31, 23),
      utc(2024, 1, 29, 23),
      utc(2024, 2, 31, 22), // April 1st is in summer time
    ]);
  });

  it('has one bucket for the whole range', () => {
    const b = buildBuckets({ from: 5, to: 10 }, 'range', BERLIN_2024);
    expect(Array.from(b.starts)).toEqual([5]);
    expect(bucketIndexOf(b, 9)).toBe(0);
    expect(bucketIndexOf(b, 10)).toBe(-1);
  });

  it('starts a day at the change when local midnight does not exist', () => {
    // Clocks jump from 00:00 to 01:00 local (offset -240 -> -180) at 2024-09-08T04:00Z.
    const change = utc(2024, 8, 8, 4);
    const zone: TimeZone = { offsetMinutesAt: (t) => (t < change ? -240 : -180) };
    expect(fromLocalMs(zone, utc(2024, 8, 8))).toBe(change);
    expect(bucketStartAt('day', change + HOUR_MS, zone)).toBe(change);
    expect(bucketStartAt('day', change - HOUR_MS, zone)).toBe(utc(2024, 8, 7, 4));
  });

  it('takes the earlier instant when a local time occurs twice', () => {
    // Clocks go back from 01:00 to 00:00 local (offset -180 -> -240) at 2024-04-07T04:00Z.
    const change = utc(2024, 3, 7, 4);
    const zone: TimeZone = { offsetMinutesAt: (t) => (t < change ? -180 : -240) };
    expect(fromLocalMs(zone, utc(2024, 3, 7, 0, 30))).toBe(utc(2024, 3, 7, 3, 30));
  });
});

describe('bucket assignment', () => {
  const b = buildBuckets({ from: utc(2024, 0, 1), to: utc(2024, 0, 8) }, 'day', UTC);

  it('finds the bucket by binary search, boundaries belonging to the later bucket', () => {
    expect(bucketIndexOf(b, utc(2024, 0, 1))).toBe(0);
    expect(bucketIndexOf(b, utc(2024, 0, 2) - 1)).toBe(0);
    expect(bucketIndexOf(b, utc(2024, 0, 2))).toBe(1);
    expect(bucketIndexOf(b, utc(2024, 0, 7, 23))).toBe(6);
  });

  it('gives -1 outside [from, to)', () => {
    expect(bucketIndexOf(b, utc(2024, 0, 1) - 1)).toBe(-1);
    expect(bucketIndexOf(b, utc(2024, 0, 8))).toBe(-1);
  });
});

describe('auto buckets', () => {
  const range = (days: number) => ({ from: 0, to: days * DAY_MS });

  it('uses days for short ranges and small intervals', () => {
    expect(resolveBucketKind('auto', range(30), 10 * 60 * 1000)).toBe('day');
    expect(resolveBucketKind('auto', range(100))).toBe('day');
  });

  it('moves to weeks when days would be more than 100 points or finer than the interval', () => {
    expect(resolveBucketKind('auto', range(365), HOUR_MS)).toBe('week');
    expect(resolveBucketKind('auto', range(30), 2 * DAY_MS)).toBe('week');
  });

  it('moves to months for long ranges or intervals beyond a week', () => {
    expect(resolveBucketKind('auto', range(3 * 365), HOUR_MS)).toBe('month');
    expect(resolveBucketKind('auto', range(60), 10 * DAY_MS)).toBe('month');
  });

  it('keeps an explicit kind', () => {
    expect(resolveBucketKind('day', range(3650), DAY_MS)).toBe('day');
  });
});

describe('local days and weeks', () => {
  it('counts local days and Monday weeks', () => {
    expect(localDayIndex(UTC, utc(1970, 0, 1, 23))).toBe(0);
    expect(localDayIndex(fixedOffset(60), utc(1970, 0, 1, 23))).toBe(1);
    // Monday 2024-01-01 and Sunday 2024-01-07 share a week; Monday 2024-01-08 starts the next.
    const monday = localDayIndex(UTC, utc(2024, 0, 1));
    expect(weekIndexOfDay(monday + 6)).toBe(weekIndexOfDay(monday));
    expect(weekIndexOfDay(monday + 7)).toBe(weekIndexOfDay(monday) + 1);
    expect(weekIndexOfDay(monday - 1)).toBe(weekIndexOfDay(monday) - 1);
  });
});

describe('bad input', () => {
  it('names the field, the value and the fix', () => {
    expect(() => buildBuckets({ from: 10, to: 10 }, 'day', UTC)).toThrow(/range\.to: 10\. .*from < to/);
    expect(() => buildBuckets({ from: NaN, to: 10 }, 'day', UTC)).toThrow(/range\.from: NaN/);
    expect(() => buildBuckets({ from: 0, to: 10 }, 'hour' as never, UTC)).toThrow(
      /bucket: "hour".*auto, day, week, month, range/
    );
    expect(() => buildBuckets({ from: 0, to: (MAX_BUCKETS + 5) * DAY_MS }, 'day', UTC)).toThrow(/week, month or range/);
    const broken: TimeZone = { offsetMinutesAt: () => NaN };
    expect(() => buildBuckets({ from: 0, to: DAY_MS }, 'day', broken)).toThrow(/offset.*NaN.*minutes/);
  });
});
