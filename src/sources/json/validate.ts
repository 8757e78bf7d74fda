/**
 * Checks one value of the events file against its field spec (schema.ts) and builds the model's value:
 * instants become epoch milliseconds, null and absent optional fields are left out, keys follow the shape.
 * Every problem is reported (path, value, fix) through `report`; a value with any problem is not used.
 *
 * Hand-written rather than a schema library on purpose: it is the hot path of every events file, and it
 * runs in the backend's JavaScript runtime, where a generic validator cost tens of seconds on large files.
 * So the common case allocates nothing but the result, and a path is only built for a message.
 */
import { canonicalUtc, parseInstant } from './instant';
import {
  emptyMessage,
  missingInstantMessage,
  missingMessage,
  notOneOfMessage,
  notWholeMessage,
  Path,
  problemMessage,
  tooSmallMessage,
  unknownFieldsMessage,
  wrongTypeMessage,
} from './messages';
import { FieldSpec, REPOSITORY_FORMS, REPOSITORY_SHAPE, Shape } from './schema';

export type Report = (message: string) => void;

/**
 * How the values checked so far fared: OK; FLAWED (problems reported, but of the right kind); WRONG (not even
 * the right kind of value: a catalog repository then tries its other form).
 */
const OK = 0;
const FLAWED = 1;
const WRONG = 2;

class Check {
  status = OK;

  constructor(
    readonly report: Report,
    readonly texts: SharedTexts
  ) {}

  fail(message: string, status: number): undefined {
    this.report(message);
    if (status > this.status) {
      this.status = status;
    }
    return undefined;
  }
}

/**
 * One copy of each shared text (see FieldSpec) per file: JSON.parse makes a string per occurrence, so a million
 * changes would otherwise hold a million copies of a few hundred repository names and authors.
 */
export class SharedTexts {
  private readonly texts = new Map<string, string>();

  /** The copy of `text` kept so far, or `text` itself, kept from now on. */
  share(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) {
      return kept;
    }
    this.texts.set(text, text);
    return text;
  }
}

/**
 * The model's value of `input` (an item of a list, or the catalog), or undefined when it has problems. Items of one
 * file share `texts`.
 */
export function checkObject(
  shape: Shape,
  input: unknown,
  path: Path,
  report: Report,
  texts: SharedTexts = new SharedTexts()
): unknown {
  const check = new Check(report, texts);
  const value = checkFields(shape, input, path, check);
  return check.status === OK ? value : undefined;
}

/** Checks `input`, found at `key` of the value at `at`. */
function checkField(spec: FieldSpec, input: unknown, at: Path, key: string | number, check: Check): unknown {
  switch (spec.type) {
    case 'text':
      if (typeof input === 'string' && (input.length > 0 || !spec.nonEmpty)) {
        return spec.shared ? check.texts.share(input) : input;
      }
      break;
    case 'instant':
      if (typeof input === 'string') {
        const parsed = parseInstant(input);
        if (parsed.ok) {
          return parsed.value;
        }
      }
      break;
  }
  if (input === undefined && spec.optional) {
    return undefined;
  }
  return checkValue(spec, input, at.concat(key), check);
}

function checkValue(spec: FieldSpec, input: unknown, path: Path, check: Check): unknown {
  // null is "absent" in an optional field; a required instant that is null is as missing as an absent one.
  if (input === undefined || (input === null && (spec.optional || spec.type === 'instant'))) {
    if (spec.optional) {
      return undefined;
    }
    return spec.type === 'instant'
      ? check.fail(missingInstantMessage(path), FLAWED)
      : check.fail(missingMessage(path), WRONG);
  }
  switch (spec.type) {
    case 'text':
      if (typeof input !== 'string') {
        return check.fail(wrongTypeMessage(path, input, 'text'), WRONG);
      }
      if (input.length === 0 && spec.nonEmpty) {
        return check.fail(emptyMessage(path, spec.optional === true), FLAWED);
      }
      return spec.shared ? check.texts.share(input) : input;
    case 'instant': {
      const parsed = parseInstant(input);
      return parsed.ok ? parsed.value : check.fail(problemMessage(path, input, parsed.problem), FLAWED);
    }
    case 'whole':
      if (typeof input !== 'number') {
        return check.fail(wrongTypeMessage(path, input, 'a number'), WRONG);
      }
      if (!Number.isInteger(input)) {
        check.fail(notWholeMessage(path, input), FLAWED);
      }
      if (input < spec.min) {
        check.fail(tooSmallMessage(path, input, spec.min), FLAWED);
      }
      return input;
    case 'number':
      return typeof input === 'number' && isFinite(input)
        ? input
        : check.fail(wrongTypeMessage(path, input, 'a number'), WRONG);
    case 'boolean':
      return typeof input === 'boolean' ? input : check.fail(wrongTypeMessage(path, input, 'true or false'), WRONG);
    case 'enum': {
      if (typeof input !== 'string') {
        return check.fail(wrongTypeMessage(path, input, `one of ${spec.values.join(', ')}`), WRONG);
      }
      const at = spec.values.indexOf(input);
      return at >= 0 ? spec.values[at] : check.fail(notOneOfMessage(path, input, spec.values), WRONG);
    }
    case 'list':
      return checkList(spec.of, input, path, check);
    case 'object': {
      const before = check.status;
      check.status = OK;
      const value = checkFields(spec.shape, input, path, check);
      if (spec.check && value && check.status !== WRONG) {
        const problem = spec.check(value);
        if (problem) {
          check.fail(problemMessage(path, input, problem), FLAWED);
        }
      }
      check.status = Math.max(before, check.status);
      return value;
    }
    case 'repository':
      return checkRepository(input, path, check);
  }
}

function checkList(of: FieldSpec, input: unknown, path: Path, check: Check): unknown[] | undefined {
  if (!Array.isArray(input)) {
    return check.fail(wrongTypeMessage(path, input, 'a list'), WRONG);
  }
  const out: unknown[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    out[i] = checkField(of, input[i], path, i, check);
  }
  return out;
}

function checkFields(shape: Shape, input: unknown, path: Path, check: Check): Record<string, unknown> | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return check.fail(wrongTypeMessage(path, input, 'an object'), WRONG);
  }
  const record = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const { keys, specs, kinds, shared } = fieldsOf(shape);
  let known = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const field = record[key];
    if (field === undefined) {
      if (!specs[i].optional) {
        checkValue(specs[i], field, path.concat(key), check);
      }
      continue;
    }
    known++;
    // The common cases inline (a call costs more than the check in the backend's JavaScript runtime); anything
    // else, and every problem, goes through checkField.
    const kind = kinds[i];
    let value: unknown;
    if (kind === NAME ? typeof field === 'string' && field.length > 0 : kind === TEXT && typeof field === 'string') {
      value = shared[i] ? check.texts.share(field as string) : field;
    } else if (kind === INSTANT && typeof field === 'string') {
      value = canonicalUtc(field);
    } else if (kind === NAMES || kind === TEXTS) {
      value = Array.isArray(field) ? textsOf(field, kind === NAMES, shared[i] ? check.texts : undefined) : undefined;
    } else if (kind === WHOLE) {
      const spec = specs[i] as { min: number };
      value = typeof field === 'number' && field % 1 === 0 && field >= spec.min ? field : undefined;
    } else if (kind === ENUM) {
      // The schema's own string: one copy whatever the number of items.
      const values = (specs[i] as { values: readonly string[] }).values;
      const at = typeof field === 'string' ? values.indexOf(field) : -1;
      value = at >= 0 ? values[at] : undefined;
    } else if (kind === BOOLEAN && typeof field === 'boolean') {
      value = field;
    }
    if (value === undefined) {
      value = checkField(specs[i], field, path, key, check);
    }
    if (value !== undefined) {
      out[key] = value;
    }
  }
  // A plain object has no unknown key when it has as many own keys as known keys with a value: one native call,
  // where testing each key costs two per key (what counts in the backend's JavaScript runtime).
  const unknown = Object.keys(record).length === known ? undefined : unknownKeys(record, shape);
  if (unknown) {
    check.fail(unknownFieldsMessage(path, unknown, keys), FLAWED);
  }
  return out;
}

/** "owner/name", or { "repo": ..., "paths": [...] }; a value of neither form names both. */
function checkRepository(input: unknown, path: Path, check: Check): unknown {
  if (typeof input === 'string') {
    return input.length === 0 ? check.fail(emptyMessage(path, false), FLAWED) : { repo: input };
  }
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const held: string[] = [];
    const object = new Check((m) => held.push(m), check.texts);
    const value = checkFields(REPOSITORY_SHAPE, input, path, object);
    if (object.status !== WRONG) {
      held.forEach((m) => check.fail(m, FLAWED));
      return value;
    }
  }
  return check.fail(problemMessage(path, input, REPOSITORY_FORMS), WRONG);
}

/** A shape as parallel lists, made once per shape: its keys in order, their specs, and a kind for the fast path. */
interface Fields {
  keys: string[];
  specs: FieldSpec[];
  kinds: number[];
  /** Whether the field's texts (a list's items for a list) are shared (see FieldSpec). */
  shared: boolean[];
}

const OTHER = 0;
/** Text that must not be empty. */
const NAME = 1;
const TEXT = 2;
const INSTANT = 3;
/** A list of names; of texts. */
const NAMES = 4;
const TEXTS = 5;
const WHOLE = 6;
const ENUM = 7;
const BOOLEAN = 8;

function kindOf(spec: FieldSpec): number {
  switch (spec.type) {
    case 'text':
      return spec.nonEmpty ? NAME : TEXT;
    case 'instant':
      return INSTANT;
    case 'list':
      return spec.of.type === 'text' ? (spec.of.nonEmpty ? NAMES : TEXTS) : OTHER;
    case 'whole':
      return WHOLE;
    case 'enum':
      return ENUM;
    case 'boolean':
      return BOOLEAN;
    default:
      return OTHER;
  }
}

/**
 * A copy of a list of texts (non-empty ones when `names`; each the shared copy with `texts`), or undefined when an
 * item is not such a text.
 */
function textsOf(list: unknown[], names: boolean, texts: SharedTexts | undefined): string[] | undefined {
  const out: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== 'string' || (names && item.length === 0)) {
      return undefined;
    }
    out[i] = texts ? texts.share(item) : item;
  }
  return out;
}

function isShared(spec: FieldSpec): boolean {
  const text = spec.type === 'list' ? spec.of : spec;
  return text.type === 'text' && text.shared === true;
}

const SHAPE_FIELDS = new Map<Shape, Fields>();

function fieldsOf(shape: Shape): Fields {
  let fields = SHAPE_FIELDS.get(shape);
  if (!fields) {
    const keys = Object.keys(shape);
    const specs = keys.map((key) => shape[key]);
    const kinds = specs.map(kindOf);
    fields = { keys, specs, kinds, shared: specs.map(isShared) };
    SHAPE_FIELDS.set(shape, fields);
  }
  return fields;
}

/** The keys of `record` the shape does not know, or undefined when there are none. */
function unknownKeys(record: Record<string, unknown>, shape: Shape): string[] | undefined {
  let out: string[] | undefined;
  for (const key in record) {
    if (Object.prototype.hasOwnProperty.call(record, key) && !Object.prototype.hasOwnProperty.call(shape, key)) {
      (out = out ?? []).push(key);
    }
  }
  return out;
}
