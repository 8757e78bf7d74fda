/**
 * Time zones without Intl: the caller (Grafana in the browser, the CLI, a Go host) passes a function that
 * gives the zone's UTC offset at an instant. The engine only does arithmetic.
 */
import { Instant } from './model';

export interface TimeZone {
  /** Offset of local time from UTC in minutes at the given instant (e.g. +60 for CET in winter). */
  offsetMinutesAt(instant: Instant): number;
}

export const UTC: TimeZone = { offsetMinutesAt: () => 0 };

/** A zone with a constant offset, e.g. for the CLI's --utc-offset. */
export function fixedOffset(minutes: number): TimeZone {
  return { offsetMinutesAt: () => minutes };
}

/** An instant to the minute in UTC for messages, e.g. "2024-03-01 10:00 UTC". */
export function utcMinute(instant: Instant): string {
  return new Date(instant).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export interface TimeRange {
  from: Instant;
  to: Instant;
}
