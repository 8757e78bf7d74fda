/** Small rules every mapper follows: API timestamps to instants, and optional fields absent rather than undefined. */
import { Incident, Instant } from '../engine';

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

/**
 * An incident's impact start, acknowledgement and resolution, each kept only where it agrees with the creation:
 * impact starts no later than the incident was created, acknowledgement comes no earlier. Absent ones are left out.
 */
export function incidentInstants(
  createdAt: Instant,
  t: { startedAt?: Instant; acknowledgedAt?: Instant; resolvedAt?: Instant }
): Pick<Incident, 'startedAt' | 'acknowledgedAt' | 'resolvedAt'> {
  const out: Pick<Incident, 'startedAt' | 'acknowledgedAt' | 'resolvedAt'> = {};
  if (t.startedAt !== undefined && t.startedAt <= createdAt) {
    out.startedAt = t.startedAt;
  }
  if (t.acknowledgedAt !== undefined && t.acknowledgedAt >= createdAt) {
    out.acknowledgedAt = t.acknowledgedAt;
  }
  if (t.resolvedAt !== undefined) {
    out.resolvedAt = t.resolvedAt;
  }
  return out;
}
