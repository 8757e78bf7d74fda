/** Small rules every mapper follows: API timestamps to instants, and optional fields absent rather than undefined. */
import { Instant } from '../engine';

/** An RFC 3339 timestamp ("2026-03-01T10:00:00Z") as epoch ms; undefined when absent or unreadable. */
export function toInstant(iso: string | null | undefined): Instant | undefined {
  if (!iso) {
    return undefined;
  }
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

/** Deletes the keys whose value is undefined (the event model's optional fields are absent, never undefined). */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
