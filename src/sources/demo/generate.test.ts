/** @jest-environment node */
import { DAY_MS, DoraEvents, Instant, parentsOf } from '../../engine';
import { generateDemoData, DEMO_WINDOW_DAYS } from './generate';
import { isWholeSecond } from './seconds';

const NOW = Date.parse('2025-03-05T09:15:00Z');

/** Every instant field of every event, with a label naming it. */
function instants(events: DoraEvents): Array<[string, Instant]> {
  const out: Array<[string, Instant]> = [];
  const add = (label: string, value: Instant | undefined) => value !== undefined && out.push([label, value]);
  events.deployments.forEach((d) => {
    add(`deployment ${d.id} startedAt`, d.startedAt);
    add(`deployment ${d.id} finishedAt`, d.finishedAt);
  });
  events.changes.forEach((c) => {
    add(`change ${c.sha} committedAt`, c.committedAt);
    add(`change ${c.sha} authoredAt`, c.authoredAt);
    const pr = c.pullRequest;
    if (pr) {
      [pr.firstCommitAt, pr.openedAt, pr.firstReviewAt, pr.mergedAt].forEach((t) => add(`change ${c.sha} PR`, t));
    }
  });
  events.incidents.forEach((i) =>
    [i.startedAt, i.createdAt, i.acknowledgedAt, i.resolvedAt].forEach((t) => add(`incident ${i.id}`, t))
  );
  events.pipelineRuns.forEach((r) => [r.startedAt, r.finishedAt].forEach((t) => add(`run ${r.id}`, t)));
  return out;
}

describe('generateDemoData', () => {
  const data = generateDemoData(42, NOW);
  const events = data.events;

  it('is deterministic: same seed and now give deep-equal events', () => {
    expect(generateDemoData(42, NOW)).toEqual(data);
  });

  it('depends only on the UTC day of now, and moves with it', () => {
    expect(generateDemoData(42, NOW + 3600e3).events).toEqual(events);
    const nextDay = generateDemoData(42, NOW + DAY_MS).events;
    expect(nextDay.deployments.length).toBeGreaterThan(0);
    expect(nextDay.deployments[0].finishedAt).not.toBe(events.deployments[0].finishedAt);
  });

  it('differs for another seed', () => {
    const other = generateDemoData(43, NOW).events;
    expect(other.changes[0].sha).not.toBe(events.changes[0].sha);
    expect(other.deployments.length).not.toBe(events.deployments.length);
  });

  it('has only finite instants inside the window (history starts up to a month before it)', () => {
    const all = instants(events);
    expect(all.length).toBeGreaterThan(10000);
    const windowStart = data.end - DEMO_WINDOW_DAYS * DAY_MS;
    const bad = all.filter(([, t]) => !isFinite(t) || t < windowStart - 40 * DAY_MS || t > data.end + 7 * DAY_MS);
    expect(bad).toEqual([]);
  });

  it('has whole-second instants, as real sources do', () => {
    expect(instants(events).filter(([, t]) => !isWholeSecond(t))).toEqual([]);
  });

  it('keeps each list in time order', () => {
    const sorted = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1] <= v);
    expect(sorted(events.deployments.map((d) => d.finishedAt))).toBe(true);
    expect(sorted(events.changes.map((c) => c.committedAt))).toBe(true);
    expect(sorted(events.incidents.map((i) => i.createdAt))).toBe(true);
    expect(sorted(events.pipelineRuns.map((r) => r.startedAt))).toBe(true);
  });

  it('keeps instants within an event in order, except the one deliberate backwards deployment', () => {
    const backwards = events.deployments.filter((d) => d.startedAt! > d.finishedAt);
    expect(backwards).toHaveLength(1);
    const incidents = events.incidents.filter(
      (i) =>
        !(
          i.startedAt! <= i.createdAt &&
          i.createdAt <= i.acknowledgedAt! &&
          i.acknowledgedAt! <= (i.resolvedAt ?? Infinity)
        )
    );
    expect(incidents).toEqual([]);
    const runs = events.pipelineRuns.filter((r) => r.finishedAt! < r.startedAt);
    expect(runs).toEqual([]);
  });

  it('has parents committed before their children, except around the one skewed commit', () => {
    const bySha = new Map(events.changes.map((c) => [c.sha, c]));
    const laterParents = new Set<string>();
    for (const c of events.changes) {
      parentsOf(c)
        .filter((p) => bySha.get(p)!.committedAt > c.committedAt)
        .forEach((p) => laterParents.add(p));
    }
    expect(laterParents.size).toBe(1);
    const skewed = bySha.get(Array.from(laterParents)[0])!;
    expect(skewed.repo).toBe('acme/auth');
  });

  it('gives unique ids and SHAs', () => {
    const unique = (keys: string[]) => new Set(keys).size === keys.length;
    expect(unique(events.deployments.map((d) => d.id))).toBe(true);
    expect(unique(events.changes.map((c) => c.sha))).toBe(true);
    expect(unique(events.incidents.map((i) => i.id))).toBe(true);
    expect(unique(events.pipelineRuns.map((r) => `${r.id}#${r.attempt}`))).toBe(true);
  });

  it('records what each production deployment shipped, consistent with the graph', () => {
    const shippedTwice = new Map<string, number>();
    Object.keys(data.shipped).forEach((id) =>
      data.shipped[id].forEach((sha) => shippedTwice.set(sha, (shippedTwice.get(sha) ?? 0) + 1))
    );
    expect(Array.from(shippedTwice.values()).every((n) => n === 1)).toBe(true);
    const prodIds = new Set(
      events.deployments.filter((d) => d.environment === 'production' && d.status === 'success').map((d) => d.id)
    );
    expect(Object.keys(data.shipped).every((id) => prodIds.has(id))).toBe(true);
  });
});
