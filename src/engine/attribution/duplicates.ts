/**
 * One event per id. Sources may deliver an event twice (overlapping pages, two sources); we keep one and
 * report it. Which one is kept must not depend on input order: the most complete version (most fields set),
 * then the greatest JSON text, which is arbitrary but stable.
 */
import { Change, Deployment, Incident, PipelineRun } from '../model';
import { Findings } from './findings';
import { ValidEvents } from './validity';

export function dropDuplicates(events: ValidEvents, findings: Findings): ValidEvents {
  return {
    deployments: uniqueBy(events.deployments, (d: Deployment) => d.id, 'Deployment', findings),
    changes: uniqueBy(events.changes, (c: Change) => `${c.repo}@${c.sha}`, 'Commit', findings),
    incidents: uniqueBy(events.incidents, (i: Incident) => i.id, 'Incident', findings),
    // Re-runs share the run id; the attempt tells them apart.
    pipelineRuns: uniqueBy(events.pipelineRuns, (r: PipelineRun) => `${r.id}#${r.attempt}`, 'Pipeline run', findings),
  };
}

export function uniqueBy<T extends object>(items: T[], keyOf: (item: T) => string, label: string, findings: Findings): T[] {
  const firstAt = new Map<string, number>();
  const kept: T[] = [];
  const copies = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const at = firstAt.get(key);
    if (at === undefined) {
      firstAt.set(key, kept.length);
      kept.push(item);
      continue;
    }
    const group = copies.get(key) ?? [kept[at]];
    group.push(item);
    copies.set(key, group);
  }
  copies.forEach((group, key) => {
    kept[firstAt.get(key)!] = preferred(group);
    const sources = sourcesOf(group);
    findings.add(
      'duplicate-event',
      'warning',
      key,
      `${label} ${key} appears ${group.length} times${sources ? ` (sources: ${sources})` : ''}; one is kept. ` +
        'Check for overlapping sources or pages delivering the same event.',
      { count: group.length }
    );
  });
  return kept;
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
