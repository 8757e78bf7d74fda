/**
 * One event per id. Sources may deliver an event twice (overlapping pages, two sources); we keep one and
 * report it. Which one is kept must not depend on input order: the most complete version (most fields set),
 * then the greatest JSON text, which is arbitrary but stable.
 */
import { Change, Deployment, Incident, PipelineRun } from '../model';
import { ListLoan } from '../typedLists';
import { CommitIndex } from './commitIndex';
import { Findings } from './findings';
import { ValidEvents } from './validity';

/** How events of one kind are told apart: by key within a group (two levels, so no key strings are built). */
interface Identity<T> {
  label: string;
  group: (item: T) => string;
  key: (item: T) => string;
  /** The id named in the finding. */
  subject: (item: T) => string;
}

const noGroup = () => '';
const DEPLOYMENT: Identity<Deployment> = {
  label: 'Deployment',
  group: noGroup,
  key: (d) => d.id,
  subject: (d) => d.id,
};
const COMMIT: Identity<Change> = {
  label: 'Commit',
  group: (c) => c.repo,
  key: (c) => c.sha,
  subject: (c) => `${c.repo}@${c.sha}`,
};
const INCIDENT: Identity<Incident> = { label: 'Incident', group: noGroup, key: (i) => i.id, subject: (i) => i.id };
// Re-runs share the run id; the attempt tells them apart.
const RUN: Identity<PipelineRun> = {
  label: 'Pipeline run',
  group: (r) => r.id,
  key: (r) => String(r.attempt),
  subject: (r) => `${r.id}#${r.attempt}`,
};

export interface UniqueEvents extends ValidEvents {
  /** repo and SHA -> position in `changes`: built here once, reused as the commit graph's index. */
  commitIndex: CommitIndex;
}

/** The commit index's lists are borrowed from `lists` (see CommitIndex). */
export function dropDuplicates(
  events: ValidEvents,
  findings: Findings,
  lists: ListLoan = new ListLoan(false)
): UniqueEvents {
  const changes = uniqueChanges(events.changes, findings, lists);
  return {
    deployments: uniqueBy(events.deployments, DEPLOYMENT, findings),
    changes: changes.kept,
    commitIndex: changes.index,
    incidents: uniqueBy(events.incidents, INCIDENT, findings),
    pipelineRuns: uniqueBy(events.pipelineRuns, RUN, findings),
  };
}

/**
 * Commits, the most numerous events, through the commit index instead of a map entry each. Without
 * duplicates (the usual case) the list is kept as it is, not copied.
 */
function uniqueChanges(items: Change[], findings: Findings, lists: ListLoan): { kept: Change[]; index: CommitIndex } {
  const index = new CommitIndex(items, items.length, lists);
  const repeats = index.insertAll();
  if (repeats.length === 0) {
    return { kept: items, index };
  }
  const repeated = new Uint8Array(items.length);
  let copies = new Map<number, Change[]>();
  for (let k = 0; k < repeats.length; k += 2) {
    repeated[repeats[k]] = 1;
    copies = addCopy(copies, items, repeats[k + 1], items[repeats[k]]);
  }
  const kept: Change[] = [];
  const keptAt = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (repeated[i] === 0) {
      keptAt[i] = kept.length;
      kept.push(items[i]);
    }
  }
  const moved = new Map<number, Change[]>();
  copies.forEach((same, at) => moved.set(keptAt[at], same));
  reportCopies(moved, kept, COMMIT, findings);
  const keptIndex = new CommitIndex(kept, kept.length, lists);
  keptIndex.insertAll();
  return { kept, index: keptIndex };
}

function uniqueBy<T extends object>(items: T[], identity: Identity<T>, findings: Findings): T[] {
  const firstAt = new Map<string, Map<string, number>>();
  const kept: T[] = [];
  let copies: Map<number, T[]> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const group = identity.group(item);
    let keys = firstAt.get(group);
    if (!keys) {
      keys = new Map();
      firstAt.set(group, keys);
    }
    const key = identity.key(item);
    const at = keys.get(key);
    if (at === undefined) {
      keys.set(key, kept.length);
      kept.push(item);
      continue;
    }
    copies = addCopy(copies, kept, at, item);
  }
  reportCopies(copies, kept, identity, findings);
  return kept;
}

function addCopy<T>(copies: Map<number, T[]> | undefined, kept: T[], at: number, item: T): Map<number, T[]> {
  const all = copies ?? new Map<number, T[]>();
  const same = all.get(at) ?? [kept[at]];
  same.push(item);
  all.set(at, same);
  return all;
}

/** Keeps the preferred copy of each duplicated event and reports the duplicates. */
function reportCopies<T extends object>(
  copies: Map<number, T[]> | undefined,
  kept: T[],
  identity: Identity<T>,
  findings: Findings
): void {
  if (copies) {
    copies.forEach((same, at) => {
      kept[at] = preferred(same);
      const subject = identity.subject(same[0]);
      const sources = sourcesOf(same);
      findings.add(
        'duplicate-event',
        'warning',
        subject,
        `${identity.label} ${subject} appears ${same.length} times${sources ? ` (sources: ${sources})` : ''}; ` +
          'one is kept. Check for overlapping sources or pages delivering the same event.',
        { count: same.length }
      );
    });
  }
}

function preferred<T extends object>(group: T[]): T {
  let best = group[0];
  let bestFields = fieldCount(best);
  let bestText = JSON.stringify(best);
  for (let i = 1; i < group.length; i++) {
    const fields = fieldCount(group[i]);
    const text = JSON.stringify(group[i]);
    if (fields > bestFields || (fields === bestFields && text > bestText)) {
      best = group[i];
      bestFields = fields;
      bestText = text;
    }
  }
  return best;
}

function fieldCount(item: object): number {
  let count = 0;
  for (const key of Object.keys(item)) {
    if ((item as Record<string, unknown>)[key] !== undefined) {
      count++;
    }
  }
  return count;
}

function sourcesOf(group: object[]): string {
  const names: string[] = [];
  for (const item of group) {
    const source = (item as { source?: unknown }).source;
    if (typeof source === 'string' && names.indexOf(source) < 0) {
      names.push(source);
    }
  }
  return names.sort().join(', ');
}
