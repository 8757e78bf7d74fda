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
 * The instant of "2024-03-01T10:00:00Z" or "2024-03-01T10:00:00.250Z" (what exports write), read without a
 * regular expression; undefined for any other text, which the general rule then reads (or explains).
 */
function canonicalUtc(text: string): Instant | undefined {
  const n = text.length;
  if (
    (n !== 20 && n !== 24) ||
    text.charCodeAt(n - 1) !== 90 || // Z
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    (n === 24 && text.charCodeAt(19) !== 46) // .
  ) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = n === 24 ? digits(text, 20, 3) : 0;
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millis < 0
  ) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** The number written by `count` decimal digits at `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let out = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    out = out * 10 + d;
  }
  return out;
}

function fail(problem: string): InstantResult {
  return { ok: false, problem };
}
