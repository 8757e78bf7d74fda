import fc from 'fast-check';
import { formatInstant, parseInstant } from './instant';

const ok = (text: unknown) => {
  const r = parseInstant(text);
  if (!r.ok) {
    throw new Error(`expected ${String(text)} to parse: ${r.problem}`);
  }
  return r.value;
};
const problem = (text: unknown) => {
  const r = parseInstant(text);
  return r.ok ? `parsed as ${r.value}` : r.problem;
};

describe('parseInstant', () => {
  it('reads UTC and offset instants to epoch milliseconds', () => {
    expect(ok('2024-03-01T10:00:00Z')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01T12:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01T05:30:00-04:30')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01T10:00:00.123Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    expect(ok('2024-03-01T10:00:00.123456789Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    expect(ok('2024-03-01T10:00Z')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01 10:00:00z')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01T12:00:00+0200')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-03-01T12:00:00+02')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(ok('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects instants without a zone, naming the fix', () => {
    expect(problem('2024-03-01T10:00:00')).toBe(
      'has no time zone, so it is ambiguous; add "Z" for UTC or an offset: "2024-03-01T10:00:00Z" or "2024-03-01T10:00:00+02:00"'
    );
    expect(problem('2024-03-01')).toBe('is a date without a time and zone; write e.g. "2024-03-01T00:00:00Z"');
  });

  it('rejects numbers, impossible dates and times, and other text', () => {
    expect(problem(1709287200000)).toMatch(/^is a number; write instants as ISO-8601 text/);
    expect(problem(true)).toMatch(/^is not text/);
    expect(problem('2023-02-29T00:00:00Z')).toMatch(/no such date \(2023-02-29\)/);
    expect(problem('2024-13-01T00:00:00Z')).toMatch(/no such date/);
    expect(problem('2024-03-01T24:00:00Z')).toMatch(/no such time of day \(24:00:00\)/);
    expect(problem('2024-03-01T10:60:00Z')).toMatch(/no such time of day/);
    expect(problem('2024-03-01T10:00:00+25:00')).toMatch(/impossible offset/);
    expect(problem('1969-12-31T23:59:59Z')).toMatch(/before 1970/);
    expect(problem('March 1st 2024')).toMatch(/^is not an ISO-8601 instant; write e\.g\./);
    expect(problem('2024-03-01T10:00:00ZZ')).toMatch(/^is not an ISO-8601 instant/);
  });

  it('round-trips every millisecond instant through formatInstant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (t) => {
        const r = parseInstant(formatInstant(t));
        return r.ok && r.value === t;
      })
    );
  });

  it('reads "Z" texts (the fast path) exactly as the general rule reads the same text with "+00:00"', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1960, max: 2200 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          millis: fc.option(fc.integer({ min: 0, max: 999 })),
        }),
        (t) => {
          const fraction = t.millis === null ? '' : '.' + String(t.millis).padStart(3, '0');
          const local = `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}${fraction}`;
          const fast = parseInstant(local + 'Z');
          const general = parseInstant(local + '+00:00');
          expect(fast).toEqual(general);
        }
      )
    );
  });

  it('agrees with Date.parse on offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (t, offsetMinutes) => {
          const local = new Date(Math.floor(t / 1000) * 1000 + offsetMinutes * 60000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = local + zone;
          const r = parseInstant(text);
          return r.ok && r.value === Date.parse(text);
        }
      )
    );
  });
});
