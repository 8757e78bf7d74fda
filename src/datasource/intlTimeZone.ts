/**
 * The engine's TimeZone from Grafana's zone setting ('browser', 'utc', '' for the default, or an IANA name) with
 * the platform's own clock and Intl, for the query worker, where Grafana's moment-timezone (timezone.ts) is not
 * loaded. Both read the IANA zone database: the browser's ('browser' is the Date's local time, as moment's).
 */
import { TimeZone, UTC } from '../engine';
import { memoizeByBlock } from './zoneMemo';

export function intlTimeZone(timezone: string | undefined): TimeZone {
  const name = (timezone ?? '').trim();
  if (name.toLowerCase() === 'utc') {
    return UTC;
  }
  if (name === '' || name === 'browser') {
    return { offsetMinutesAt: memoizeByBlock((t) => -new Date(t).getTimezoneOffset()) };
  }
  try {
    formatFor(name);
  } catch {
    return UTC; // a name the zone database does not know: UTC, as moment-timezone reads it
  }
  return { offsetMinutesAt: memoizeByBlock((t) => zoneOffsetMinutes(name, t)) };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a zone the platform does not know. */
function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/** The offset of an IANA zone at t, in minutes: its wall clock at t, read as if it were UTC, minus t. */
export function zoneOffsetMinutes(zone: string, t: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(zone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const whole = t - (((t % 1000) + 1000) % 1000);
  return Math.round((wall - whole) / 60000);
}
