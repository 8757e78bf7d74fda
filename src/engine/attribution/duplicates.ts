/**
 * One event per id. Sources may deliver an event twice (overlapping pages, two sources); we keep one and
 * report it. Which one is kept must not depend on input order: the most complete version (most fields set),
 * then the greatest JSON text, which is arbitrary but stable.
 */
import { Change, Deployment, Incident, PipelineRun } from '../model';
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
  /** repo -> SHA -> position in `changes`: built here once, reused as the commit graph's index. */
  commitIndex: Map<string, Map<string, number>>;
}

export function dropDuplicates(events: ValidEvents, findings: Findings): UniqueEvents {
  const changes = uniqueBy(events.changes, COMMIT, findings);
  return {
    deployments: uniqueBy(events.deployments, DEPLOYMENT, findings).kept,
    changes: changes.kept,
    commitIndex: changes.index,
    incidents: uniqueBy(events.incidents, INCIDENT, findings).kept,
    pipelineRuns: uniqueBy(events.pipelineRuns, RUN, findings).kept,
  };
}

function uniqueBy<T extends object>(
  items: T[],
  identity: Identity<T>,
  findings: Findings
): { kept: T[]; index: Map<string, Map<string, number>> } {
  const firstAt = new Map<string, Map<string, number>>();
  const kept: T[] = [];
  let copies: Map<number, T[]> | undefined;
  for (const item of items) {
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
    copies = copies ?? new Map();
    const same = copies.get(at) ?? [kept[at]];
    same.push(item);
    copies.set(at, same);
  }
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
  return { kept, index: firstAt };
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
