/**
 * Reads an events file (docs/events-format.md) into the engine's model, validating at the edge. Every item
 * is checked on its own, so one bad deployment does not hide the problems of the next: up to MAX_ERRORS
 * messages are collected, each naming the path, the value and the fix. Valid items are returned even when
 * others are not; a caller that must not compute on partial data treats any error as fatal (the CLI does).
 */
import {
  CatalogService,
  Change,
  Deployment,
  DoraEvents,
  Incident,
  messageOf,
  parentFields,
  PipelineRun,
  ServiceCatalog,
} from '../../engine';
import { showValue, unknownFieldsMessage } from './messages';
import { CATALOG_SHAPE, LIST_KEYS, LISTS, TOP_LEVEL_KEYS } from './schema';
import { checkObject, SharedTexts } from './validate';

export const MAX_ERRORS = 20;
/** The source of events whose file does not name one. */
export const DEFAULT_SOURCE = 'json';

export interface ParsedEvents {
  /** The valid items (all of them when errors is empty). */
  events: DoraEvents;
  /** Problems, at most MAX_ERRORS plus one line counting the rest. */
  errors: string[];
}

export function parseEventsJson(input: string | unknown): ParsedEvents {
  const errors = new ErrorList();
  const events: DoraEvents = { deployments: [], changes: [], incidents: [], pipelineRuns: [] };
  const root = typeof input === 'string' ? parseText(input, errors) : input;
  if (errors.count > 0) {
    return { events, errors: errors.messages() };
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    errors.add(
      `The events file must be a JSON object such as { "deployments": [...], "changes": [...] }; ` +
        `found ${Array.isArray(root) ? 'a list' : showValue(root)}`
    );
    return { events, errors: errors.messages() };
  }
  const record = root as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => TOP_LEVEL_KEYS.indexOf(key) < 0);
  if (unknown.length > 0) {
    errors.add(unknownFieldsMessage('The events file', unknown, TOP_LEVEL_KEYS));
  }
  const texts = new SharedTexts();
  events.deployments = readList(record, 'deployments', errors, texts).map(toDeployment);
  events.changes = toChanges(readList(record, 'changes', errors, texts) as FileChange[]);
  events.incidents = readList(record, 'incidents', errors, texts).map(toIncident);
  events.pipelineRuns = readList(record, 'pipelineRuns', errors, texts).map(toPipelineRun);
  const catalog = readCatalog(record.catalog, errors, texts);
  if (catalog) {
    events.catalog = catalog;
  }
  return { events, errors: errors.messages() };
}

function parseText(text: string, errors: ErrorList): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = messageOf(e);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` (${lineAndColumn(text, Number(at[1]))})` : '';
    errors.add(
      `The events file is not valid JSON${where}: ${message}. Fix the syntax (a trailing comma? a missing quote?)`
    );
    return undefined;
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function readList(
  record: Record<string, unknown>,
  key: (typeof LIST_KEYS)[number],
  errors: ErrorList,
  texts: SharedTexts
): unknown[] {
  const list = record[key];
  if (list === undefined || list === null) {
    return [];
  }
  if (!Array.isArray(list)) {
    errors.add(`${key}: ${showValue(list)} is not a list; write "${key}": [ ... ] (or leave it out)`);
    return [];
  }
  const shape = LISTS[key];
  const report = errors.add;
  const out: unknown[] = [];
  for (let index = 0; index < list.length; index++) {
    const item = checkObject(shape, list[index], [key, index], report, texts);
    if (item !== undefined) {
      out.push(item);
    }
  }
  return out;
}

function readCatalog(value: unknown, errors: ErrorList, texts: SharedTexts): ServiceCatalog | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const catalog = checkObject(CATALOG_SHAPE, value, ['catalog'], errors.add, texts) as
    { services: CatalogService[] } | undefined;
  return catalog ? { services: catalog.services } : undefined;
}

/** A change as the file writes it: its parent SHAs as one list (the model keeps no list for an ordinary commit). */
type FileChange = Omit<Change, 'parent' | 'mergedParents'> & { parents: string[] };

/**
 * The file's changes as the model's: `parents` becomes the first parent and a merge's further parents (parentFields),
 * in the file field's place, the other fields kept in their order. A parent's SHA is the very string of the parent's
 * own sha when the parent is listed next to its child (a history arrives in commit order, newest or oldest first):
 * JSON.parse made one copy per mention, so a million commits held two copies of nearly every SHA. Only neighbours are
 * compared, so no table of every SHA is built.
 */
function toChanges(items: FileChange[]): Change[] {
  const changes: Change[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const parents = item.parents;
    for (let k = 0; k < parents.length; k++) {
      const sha = parents[k];
      if (i + 1 < items.length && items[i + 1].sha === sha) {
        parents[k] = items[i + 1].sha;
      } else if (i > 0 && items[i - 1].sha === sha) {
        parents[k] = items[i - 1].sha;
      }
    }
    const change: Record<string, unknown> = {};
    for (const key in item) {
      if (key === 'parents') {
        Object.assign(change, parentFields(parents));
      } else {
        change[key] = item[key as keyof FileChange];
      }
    }
    changes[i] = change as unknown as Change;
  }
  return changes;
}

function toDeployment(item: unknown): Deployment {
  const d = item as Deployment;
  return d.source === undefined ? { ...d, source: DEFAULT_SOURCE } : d;
}

function toIncident(item: unknown): Incident {
  const i = item as Incident;
  return i.source === undefined ? { ...i, source: DEFAULT_SOURCE } : i;
}

function toPipelineRun(item: unknown): PipelineRun {
  const r = item as PipelineRun;
  return r.attempt === undefined ? { ...r, attempt: 1 } : r;
}

class ErrorList {
  private readonly list: string[] = [];
  count = 0;

  /** Bound, so validators can take it as their report function. */
  readonly add = (message: string): void => {
    this.count++;
    if (this.list.length < MAX_ERRORS) {
      this.list.push(message);
    }
  };

  messages(): string[] {
    const rest = this.count - this.list.length;
    return rest > 0
      ? this.list.concat([`... and ${rest} more problem${rest === 1 ? '' : 's'} (fix these first)`])
      : this.list;
  }
}
