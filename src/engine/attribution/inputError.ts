/**
 * Errors: bad configuration handed to the engine (an option or catalog value it cannot use), whose message
 * names the field, the value and the fix, so the data source can show it to the user as it is; and the message
 * of any thrown value.
 */
export class EngineInputError extends Error {
  readonly field: string;

  constructor(field: string, value: unknown, fix: string) {
    super(`Invalid ${field}: ${describeValue(value)}. ${fix}`);
    this.name = 'EngineInputError';
    this.field = field;
  }
}

/** The message of a thrown value: an Error's message, else the value as text. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
