/**
 * The engine's TimeZone (an offset function) from Grafana's time zone setting ('browser', 'utc', '' for the
 * default, or an IANA name), using Grafana's moment-timezone so the engine needs no Intl.
 */
import { dateTime, dateTimeForTimeZone } from '@grafana/data';
import { TimeZone, UTC } from '../engine';

/** Offsets only change at DST transitions, which are far more than 15 minutes apart. */
const BLOCK_MS = 15 * 60 * 1000;

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

/** Caches an offset per 15-minute block when the block's both ends agree; asks exactly otherwise. */
function memoizeByBlock(offsetAt: (t: number) => number): (t: number) => number {
  const blocks = new Map<number, number | null>();
  return (t: number) => {
    const block = Math.floor(t / BLOCK_MS);
    let cached = blocks.get(block);
    if (cached === undefined) {
      const start = offsetAt(block * BLOCK_MS);
      cached = start === offsetAt((block + 1) * BLOCK_MS - 1) ? start : null;
      if (blocks.size > 10000) {
        blocks.clear();
      }
      blocks.set(block, cached);
    }
    return cached === null ? offsetAt(t) : cached;
  };
}
