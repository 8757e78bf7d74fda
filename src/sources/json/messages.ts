/**
 * Turns validation problems into messages a person can act on: the path ("deployments[3].finishedAt"),
 * the value found, what is wrong and how to fix it.
 */
import { INSTANT_EXAMPLE } from './instant';

export type Path = Array<string | number>;

/** What to write when a required field is missing, by field name. */
const MISSING_HINTS: Record<string, string> = {
  id: 'add an id, unique within its list',
  sha: 'add the commit SHA',
  repo: 'add the repository as "owner/name"',
  service: 'add the service name (as in the catalog)',
  environment: 'add the environment name, e.g. "production"',
  status: 'add one of success, failure, cancelled, in_progress',
  conclusion: 'add one of success, failure, cancelled, skipped, in_progress',
  parents: 'list the parent SHAs ([] for a first commit); lead times need the commit graph',
  workflow: 'add the pipeline or workflow name, e.g. "deploy"',
  number: 'add the pull request number',
  name: 'add the service name',
  services: 'add "services": [ { "name": "checkout", ... } ]',
};

export function formatPath(path: Path): string {
  let out = '';
  for (const step of path) {
    out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
  }
  return out;
}

export function showValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  let textValue: string;
  try {
    textValue = JSON.stringify(value);
  } catch (e) {
    textValue = String(value);
  }
  return textValue.length > 60 ? `${textValue.slice(0, 57)}...` : textValue;
}

/** "deployments[3].finishedAt", or "the file" for the root. */
function whereOf(path: Path): string {
  return formatPath(path) || 'the file';
}

/** A required field that is absent: what to add. */
export function missingMessage(path: Path): string {
  return `${whereOf(path)} is missing; ${MISSING_HINTS[lastName(path)] ?? 'add it (see docs/events-format.md)'}`;
}

export function missingInstantMessage(path: Path): string {
  return `${whereOf(path)} is missing; add an ISO-8601 instant, e.g. ${INSTANT_EXAMPLE}`;
}

/** A value of the wrong kind: "deployments[0].rollback: "yes" is text; expected true or false". */
export function wrongTypeMessage(path: Path, value: unknown, expected: string): string {
  return `${whereOf(path)}: ${showValue(value)} is ${describeType(value)}; expected ${expected}`;
}

export function notWholeMessage(path: Path, value: unknown): string {
  return `${whereOf(path)}: ${showValue(value)} is not a whole number; write e.g. 1`;
}

export function tooSmallMessage(path: Path, value: unknown, minimum: number): string {
  return `${whereOf(path)}: ${showValue(value)} is too small; use a whole number of at least ${minimum}`;
}

export function emptyMessage(path: Path, optional: boolean): string {
  return `${whereOf(path)} is empty; give a non-empty text${optional ? ' or leave the field out' : ''}`;
}

/** Not one of the allowed words; suggests the one it differs from only in case or spaces. */
export function notOneOfMessage(path: Path, value: string, options: readonly string[]): string {
  const near = options.filter((o) => o === value.trim().toLowerCase())[0];
  return (
    `${whereOf(path)}: ${showValue(value)} is not one of ${options.join(', ')}; ` +
    (near ? `write "${near}"` : 'use one of them')
  );
}

/** A problem stated after the value: "incidents[0].cause: {...} names nothing; ...". */
export function problemMessage(path: Path, value: unknown, problem: string): string {
  return `${whereOf(path)}: ${showValue(value)} ${problem}`;
}

/** Unknown fields of the object at `path` (a string: "The events file"), suggesting near spellings. */
export function unknownFieldsMessage(path: Path | string, keys: string[], known: string[]): string {
  const where = typeof path === 'string' ? path : whereOf(path);
  const names = keys.map((k) => `"${k}"`).join(', ');
  const suggestions = keys
    .map((k) => {
      const near = known.filter((f) => isNear(f, k))[0];
      return near ? `"${near}" (not "${k}")` : undefined;
    })
    .filter((s): s is string => s !== undefined);
  return (
    `${where} has unknown field${keys.length === 1 ? '' : 's'} ${names}; ` +
    (suggestions.length ? `did you mean ${suggestions.join(', ')}? ` : 'check the spelling or remove it; ') +
    `known fields are ${known.join(', ')}`
  );
}

/** A likely misspelling: same letters ignoring case, "_" and "-", or at most two edits away. */
function isNear(known: string, typed: string): boolean {
  const a = known.toLowerCase();
  const b = typed.toLowerCase().replace(/[_-]/g, '');
  return a === b || (Math.min(a.length, b.length) > 3 && editDistance(a, b) <= 2);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') {
      return path[i] as string;
    }
  }
  return '';
}

/** What kind of JSON value this is, in words. */
function describeType(value: unknown): string {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  switch (type) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    default:
      return type;
  }
}
