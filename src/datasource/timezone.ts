/**
 * The engine's TimeZone (an offset function) from Grafana's time zone setting ('browser', 'utc', '' for the
 * default, or an IANA name), using Grafana's moment-timezone so the engine needs no Intl.
 */
import { dateTime, dateTimeForTimeZone } from '@grafana/data';
import { TimeZone, UTC } from '../engine';
import { memoizeByBlock } from './zoneMemo';

export function grafanaTimeZone(timezone: string | undefined): TimeZone {
  const name = (timezone ?? '').trim();
  if (name.toLowerCase() === 'utc') {
    return UTC;
  }
  const offsetAt =
    name === '' || name === 'browser'
      ? (t: number) => dateTime(t).utcOffset()
      : (t: number) => dateTimeForTimeZone(name, t).utcOffset();
  return { offsetMinutesAt: memoizeByBlock(offsetAt) };
}
