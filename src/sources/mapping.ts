/** Small pure helpers every provider's mapper uses: ISO time to instant, and dropping absent fields. */
import { Instant } from '../engine';

/** An ISO 8601 time as epoch ms; undefined when absent or unparsable. */
export function toInstant(iso: string | null | undefined): Instant | undefined {
  if (!iso) {
    return undefined;
  }
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

/** The model's optional fields are absent, never undefined: removes undefined-valued keys (in place). */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
