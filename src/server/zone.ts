/**
 * The engine's TimeZone on the server: the runtime has no Intl, so offsets come from the host (Go's time zone
 * database). "browser" means nothing on a server and "utc" or nothing is UTC.
 */
import { TimeZone, UTC } from '../engine';
import { memoizeByBlock } from '../datasource/zoneMemo';
import { Host } from './host';

export function serverTimeZone(name: string | undefined, host: Host): TimeZone {
  const zone = (name ?? '').trim();
  if (zone === '' || zone.toLowerCase() === 'utc' || zone === 'browser') {
    return UTC;
  }
  host.zoneOffsetMinutes(zone, 0); // an unknown zone fails here, once, with the host's message
  return { offsetMinutesAt: memoizeByBlock((t) => host.zoneOffsetMinutes(zone, t)) };
}
