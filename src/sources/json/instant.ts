/**
 * ISO-8601 instants of the events format. Only unambiguous ones are accepted: a date, a time and a zone
 * ("Z" or an offset). "2024-03-01T10:00:00" is rejected, because whose 10 o'clock it is cannot be known.
 * Parsed by hand (not Date.parse, whose leniency differs between engines) into epoch milliseconds.
 */
import { Instant } from '../../engine';

export type InstantResult = { ok: true; value: Instant } | { ok: false; problem: string };

export const INSTANT_EXAMPLE = '"2024-03-01T10:00:00Z" or "2024-03-01T12:00:00+02:00"';

const FULL =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function parseInstant(value: unknown): InstantResult {
  if (typeof value === 'number') {
    return fail(`is a number; write instants as ISO-8601 text with a zone, e.g. ${INSTANT_EXAMPLE}`);
  }
  if (typeof value !== 'string') {
    return fail(`is not text; write an ISO-8601 instant with a zone, e.g. ${INSTANT_EXAMPLE}`);
  }
  const canonical = canonicalUtc(value);
  if (canonical !== undefined) {
    return { ok: true, value: canonical };
  }
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    return fail(`is a date without a time and zone; write e.g. "${text}T00:00:00Z"`);
  }
  const m = FULL.exec(text);
  if (!m) {
    return fail(`is not an ISO-8601 instant; write e.g. ${INSTANT_EXAMPLE}`);
  }
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = m;
  if (!zulu && !sign) {
    const local = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${fraction === undefined ? '' : '.' + fraction}`;
    return fail(`has no time zone, so it is ambiguous; add "Z" for UTC or an offset: "${local}Z" or "${local}+02:00"`);
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (year < 1970) {
    return fail(`is before 1970 (year ${y}); check the year`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`has no such date (${y}-${mo}-${d}); check the month and day`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return fail(`has no such time of day (${h}:${mi}${s === undefined ? '' : ':' + s}); use 00:00:00 to 23:59:59`);
  }
  const offsetHours = offH === undefined ? 0 : Number(offH);
  const offsetMinutes = offM === undefined ? 0 : Number(offM);
  if (offsetHours > 23 || offsetMinutes > 59) {
    return fail(`has an impossible offset (${sign}${offH}:${offM ?? '00'}); offsets run from -23:59 to +23:59`);
  }
  const millis = fraction === undefined ? 0 : Number((fraction + '00').slice(0, 3));
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60000;
  return { ok: true, value: Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset };
}

/** The canonical text of an instant: UTC with milliseconds, e.g. "2024-03-01T10:00:00.000Z". */
export function formatInstant(instant: Instant): string {
  return new Date(instant).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * The instant of "2024-03-01T10:00:00Z" or "2024-03-01T10:00:00.250Z" (what exports write), or undefined for any
 * other text, which the general rule then reads (or explains). Date.parse reads it, and the text must be exactly
 * what that instant prints as (toISOString), so a date that does not exist, a year before 1970 or any leniency of
 * the engine's parser falls through to the general rule. Two native calls instead of a character loop: this runs
 * for every instant of an events file, and the backend's JavaScript runtime pays dearly per character read.
 */
export function canonicalUtc(text: string): Instant | undefined {
  const n = text.length;
  if (n !== 24 && n !== 20) {
    return undefined;
  }
  const instant = Date.parse(text);
  if (!(instant >= 0)) {
    return undefined;
  }
  const printed = new Date(instant).toISOString();
  const same = n === 24 ? printed === text : printed.length === 24 && printed.slice(0, 19) + 'Z' === text;
  return same ? instant : undefined;
}

function fail(problem: string): InstantResult {
  return { ok: false, problem };
}
