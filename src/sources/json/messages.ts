/**
 * Turns validation issues into messages a person can act on: the path ("deployments[3].finishedAt"),
 * the value found, what is wrong and how to fix it.
 */
import { ZodIssue, ZodIssueCode } from 'zod';
import { SHAPES } from './schema';

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

export function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A message for one issue of the item at `prefix` (e.g. ["deployments", 3]). */
export function issueMessage(issue: ZodIssue, prefix: Path, item: unknown): string {
  const fullPath = prefix.concat(issue.path);
  const where = formatPath(fullPath) || 'the file';
  const value = valueAt(item, issue.path);
  const field = lastName(fullPath);
  switch (issue.code) {
    case ZodIssueCode.custom:
      return value === undefined || value === null
        ? `${where} ${issue.message}`
        : `${where}: ${showValue(value)} ${issue.message}`;
    case ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') {
        return `${where} is missing; ${MISSING_HINTS[field] ?? 'add it (see docs/events-format.md)'}`;
      }
      if (issue.expected === 'integer') {
        return `${where}: ${showValue(value)} is not a whole number; write e.g. 1`;
      }
      return `${where}: ${showValue(value)} is ${describeType(issue.received)}; expected ${describeType(issue.expected)}`;
    case ZodIssueCode.invalid_enum_value: {
      const options = issue.options.map(String);
      const near = options.filter((o) => typeof value === 'string' && o === value.trim().toLowerCase())[0];
      return (
        `${where}: ${showValue(value)} is not one of ${options.join(', ')}; ` +
        (near ? `write "${near}"` : 'use one of them')
      );
    }
    case ZodIssueCode.unrecognized_keys:
      return unknownFieldsMessage(where, issue.keys, Object.keys(SHAPES[lastName(fullPath)] ?? {}));
    case ZodIssueCode.too_small:
      if (issue.type === 'string') {
        return `${where} is empty; give a non-empty text${isOptional(fullPath) ? ' or leave the field out' : ''}`;
      }
      return `${where}: ${showValue(value)} is too small; use a whole number of at least ${issue.minimum}`;
    default:
      return `${where}: ${showValue(value)} ${issue.message}`;
  }
}

export function unknownFieldsMessage(where: string, keys: string[], known: string[]): string {
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

function isOptional(path: Path): boolean {
  const field = path[path.length - 1];
  const shape = SHAPES[lastName(path.slice(0, -1))];
  const schema = typeof field === 'string' && shape ? shape[field] : undefined;
  return schema !== undefined && schema.isOptional();
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') {
      return path[i] as string;
    }
  }
  return '';
}

function describeType(type: string): string {
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
