import { isWeekend, nextWorkingInstant, workdays } from './calendar';

const at = (iso: string) => Date.parse(iso);

describe('calendar', () => {
  it('knows weekends (UTC)', () => {
    expect(isWeekend(at('2025-06-14T12:00:00Z'))).toBe(true); // Saturday
    expect(isWeekend(at('2025-06-16T00:00:00Z'))).toBe(false); // Monday
  });

  it('lists the weekdays of a range', () => {
    const days = workdays(at('2025-06-13T10:00:00Z'), at('2025-06-18T00:00:00Z'));
    expect(days.map((d) => new Date(d).toISOString().slice(0, 10))).toEqual(['2025-06-13', '2025-06-16', '2025-06-17']);
  });

  it('moves instants outside office hours to the next 09:00 of a weekday', () => {
    expect(nextWorkingInstant(at('2025-06-13T10:00:00Z'))).toBe(at('2025-06-13T10:00:00Z'));
    expect(nextWorkingInstant(at('2025-06-13T19:00:00Z'))).toBe(at('2025-06-16T09:00:00Z'));
    expect(nextWorkingInstant(at('2025-06-16T05:00:00Z'))).toBe(at('2025-06-16T09:00:00Z'));
  });
});
