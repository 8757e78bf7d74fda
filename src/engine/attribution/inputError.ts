/**
 * Bad configuration handed to the engine (an option or catalog value it cannot use). The message names the
 * field, the value and the fix, so the data source can show it to the user as it is.
 */
export class EngineInputError extends Error {
  readonly field: string;

  constructor(field: string, value: unknown, fix: string) {
    super(`Invalid ${field}: ${describeValue(value)}. ${fix}`);
    this.name = 'EngineInputError';
    this.field = field;
  }
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
