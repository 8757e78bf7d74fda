/**
 * Leaves out events that lack a usable required field (sources are typed, but JSON files and API quirks are
 * not), and says which field of which event and how to fix it. Everything later may trust these fields.
 */
import { Change, Deployment, DoraEvents, Incident, PipelineRun } from '../model';
import { Findings } from './findings';

interface Shape {
  label: string;
  strings: string[];
  instants: string[];
  optionalInstants: string[];
  /** Plain numbers that must be finite (e.g. a run's attempt). */
  numbers?: string[];
}

const DEPLOYMENT: Shape = {
  label: 'Deployment',
  strings: ['id', 'service', 'environment', 'repo', 'sha', 'status'],
  instants: ['finishedAt'],
  optionalInstants: ['startedAt'],
};
const CHANGE: Shape = {
  label: 'Change',
  strings: ['sha', 'repo'],
  instants: ['committedAt'],
  optionalInstants: ['authoredAt'],
};
const NO_FIELDS: string[] = [];
const PULL_REQUEST_INSTANTS = ['firstCommitAt', 'openedAt', 'firstReviewAt', 'mergedAt'];
const INCIDENT: Shape = {
  label: 'Incident',
  strings: ['id'],
  instants: ['createdAt'],
  optionalInstants: ['startedAt', 'acknowledgedAt', 'resolvedAt'],
};
const PIPELINE_RUN: Shape = {
  label: 'Pipeline run',
  strings: ['id', 'repo', 'workflow', 'sha', 'conclusion'],
  instants: ['startedAt'],
  optionalInstants: ['finishedAt'],
  numbers: ['attempt'],
};

export interface ValidEvents {
  deployments: Deployment[];
  changes: Change[];
  incidents: Incident[];
  pipelineRuns: PipelineRun[];
}

export function keepValid(events: DoraEvents, findings: Findings): ValidEvents {
  return {
    deployments: filterValid(events.deployments, DEPLOYMENT, findings),
    changes: filterValid(events.changes, CHANGE, findings, changeProblem, isPlainValidChange),
    incidents: filterValid(events.incidents, INCIDENT, findings),
    pipelineRuns: filterValid(events.pipelineRuns, PIPELINE_RUN, findings),
  };
}

function filterValid<T>(
  items: T[] | undefined,
  shape: Shape,
  findings: Findings,
  extra?: (item: T) => string | undefined,
  /** A quick check by direct reads that passes only items the shape and `extra` accept. */
  plainValid?: (item: T) => boolean
): T[] {
  if (!Array.isArray(items)) {
    return [];
  }
  // Usually everything is valid: then the list is kept as it is, not copied.
  let kept: T[] | undefined;
  for (let position = 0; position < items.length; position++) {
    const item = items[position];
    const problem =
      plainValid && plainValid(item) ? undefined : (shapeProblem(item, shape) ?? (extra ? extra(item) : undefined));
    if (problem === undefined) {
      if (kept) {
        kept.push(item);
      }
      continue;
    }
    kept = kept ?? items.slice(0, position);
    const subject = subjectOf(item, shape, position);
    findings.add(
      'invalid-event',
      'error',
      subject,
      `${shape.label} ${subject} ${problem}; it is left out. Fix the source mapping or the events file.`
    );
  }
  return kept ?? items;
}

function shapeProblem(item: unknown, shape: Shape): string | undefined {
  if (item === null || typeof item !== 'object') {
    return 'is not an object';
  }
  const record = item as Record<string, unknown>;
  // Index loops: for-of makes an iterator per event (a million of them), which an interpreting VM pays for.
  for (let k = 0; k < shape.strings.length; k++) {
    const field = shape.strings[k];
    const value = record[field];
    if (typeof value !== 'string' || value === '') {
      return `has ${field} = ${show(value)}; expected a non-empty string`;
    }
  }
  for (let k = 0; k < shape.instants.length; k++) {
    const field = shape.instants[k];
    if (!isInstant(record[field])) {
      return `has ${field} = ${show(record[field])}; expected a finite number (epoch milliseconds)`;
    }
  }
  const numbers = shape.numbers ?? NO_FIELDS;
  for (let k = 0; k < numbers.length; k++) {
    const field = numbers[k];
    if (!isInstant(record[field])) {
      return `has ${field} = ${show(record[field])}; expected a finite number`;
    }
  }
  return optionalInstantProblem(record, shape.optionalInstants, '');
}

/**
 * A commit without pull request data whose fields are all usable, read field by field: a million commits go
 * through here, where reading fields by name from lists costs several times more. Anything else takes the checks
 * that say what is wrong.
 */
function isPlainValidChange(change: Change): boolean {
  return (
    typeof change === 'object' &&
    change !== null &&
    typeof change.sha === 'string' &&
    change.sha !== '' &&
    typeof change.repo === 'string' &&
    change.repo !== '' &&
    isInstant(change.committedAt) &&
    (change.authoredAt === undefined || isInstant(change.authoredAt)) &&
    change.pullRequest === undefined &&
    (change as LegacyParents).parents === undefined &&
    (typeof change.parent === 'string'
      ? change.mergedParents === undefined || (Array.isArray(change.mergedParents) && allStrings(change.mergedParents))
      : change.parent === undefined && change.mergedParents === undefined)
  );
}

/** The events file's name for a commit's parents, which the model splits into parent and mergedParents. */
type LegacyParents = { parents?: unknown };

function changeProblem(change: Change): string | undefined {
  const { parent, mergedParents } = change;
  const listed = (change as LegacyParents).parents;
  if (listed !== undefined) {
    return (
      `has parents = ${show(listed)}; the model holds the first parent as parent and a merge's further parents as ` +
      "mergedParents (parseEventsJson reads an events file's parents list into them)"
    );
  }
  if (parent !== undefined && typeof parent !== 'string') {
    return `has parent = ${show(parent)}; expected the first parent's SHA (no field for a root commit)`;
  }
  if (mergedParents !== undefined && (!Array.isArray(mergedParents) || !allStrings(mergedParents))) {
    return `has mergedParents = ${show(mergedParents)}; expected a list of SHAs (no field unless a merge commit)`;
  }
  if (mergedParents !== undefined && parent === undefined) {
    return `has mergedParents = ${show(mergedParents)} but no parent; a merge commit's first parent is its parent`;
  }
  const pr = change.pullRequest;
  if (pr === undefined) {
    return undefined;
  }
  if (pr === null || typeof pr !== 'object' || typeof pr.number !== 'number') {
    return `has pullRequest = ${show(pr)}; expected an object with a number`;
  }
  return optionalInstantProblem(pr as unknown as Record<string, unknown>, PULL_REQUEST_INSTANTS, 'pullRequest.');
}

function optionalInstantProblem(record: Record<string, unknown>, fields: string[], prefix: string): string | undefined {
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k];
    const value = record[field];
    if (value !== undefined && !isInstant(value)) {
      return `has ${prefix}${field} = ${show(value)}; expected a finite number (epoch milliseconds) or no field`;
    }
  }
  return undefined;
}

/** Whether every entry is a string (holes skipped, as Array.prototype.some does), without a closure per list. */
function allStrings(list: unknown[]): boolean {
  for (let k = 0; k < list.length; k++) {
    if (typeof list[k] !== 'string' && k in list) {
      return false;
    }
  }
  return true;
}

function isInstant(value: unknown): boolean {
  return typeof value === 'number' && isFinite(value);
}

function subjectOf(item: unknown, shape: Shape, position: number): string {
  const record = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  const key = shape === CHANGE ? record.sha : record.id;
  return typeof key === 'string' && key !== '' ? key : `#${position + 1}`;
}

function show(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch (e) {
    return typeof value;
  }
}
