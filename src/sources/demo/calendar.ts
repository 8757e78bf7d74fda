/** Working-time arithmetic for the demo (UTC): people merge and release on weekdays in office hours. */
import { DAY_MS, HOUR_MS, Instant } from '../../engine';

export function startOfUtcDay(t: Instant): Instant {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/** 0 = Sunday ... 6 = Saturday. */
export function utcWeekday(t: Instant): number {
  return new Date(t).getUTCDay();
}

export function isWeekend(t: Instant): boolean {
  const day = utcWeekday(t);
  return day === 0 || day === 6;
}

/** Day starts of the weekdays in [from, to). */
export function workdays(from: Instant, to: Instant): Instant[] {
  const out: Instant[] = [];
  for (let day = startOfUtcDay(from); day < to; day += DAY_MS) {
    if (!isWeekend(day)) {
      out.push(day);
    }
  }
  return out;
}

/** The instant itself when it falls on a weekday between 08:00 and 18:00 UTC, else the next 09:00 of a weekday. */
export function nextWorkingInstant(t: Instant): Instant {
  const hour = (t - startOfUtcDay(t)) / HOUR_MS;
  if (!isWeekend(t) && hour >= 8 && hour < 18) {
    return t;
  }
  let day = hour < 8 ? startOfUtcDay(t) : startOfUtcDay(t) + DAY_MS;
  while (isWeekend(day)) {
    day += DAY_MS;
  }
  return day + 9 * HOUR_MS;
}
