/** @jest-environment node */
import { clipToNow } from './clip';
import { generateDemoData } from './generate';

describe('clipToNow', () => {
  // 14:00 UTC on a Wednesday: the day is generated to its end, so plenty lies after now.
  const now = Date.parse('2025-06-11T14:00:00Z');
  const data = generateDemoData(42, now);
  const clipped = clipToNow(data.events, now);

  it('leaves nothing after now', () => {
    const after = (t: number | undefined) => t !== undefined && t > now;
    expect(clipped.deployments.filter((d) => after(d.finishedAt) || after(d.startedAt))).toEqual([]);
    expect(
      clipped.changes.filter(
        (c) =>
          after(c.committedAt) ||
          after(c.pullRequest?.mergedAt) ||
          after(c.pullRequest?.firstReviewAt) ||
          after(c.pullRequest?.openedAt)
      )
    ).toEqual([]);
    expect(
      clipped.incidents.filter((i) => after(i.createdAt) || after(i.resolvedAt) || after(i.acknowledgedAt))
    ).toEqual([]);
    expect(clipped.pipelineRuns.filter((r) => after(r.startedAt) || after(r.finishedAt))).toEqual([]);
  });

  it('keeps everything before now, and cuts what the rest of the day would add', () => {
    const before = data.events.deployments.filter((d) => d.finishedAt <= now);
    expect(clipped.deployments).toEqual(before);
    expect(data.events.changes.length).toBeGreaterThan(clipped.changes.length);
  });

  it('turns runs still going into in-progress runs without a finish, and open incidents unresolved', () => {
    const running = data.events.pipelineRuns.filter((r) => r.startedAt <= now && r.finishedAt! > now);
    const open = data.events.incidents.filter((i) => i.createdAt <= now && (i.resolvedAt ?? 0) > now);
    for (const run of running) {
      const out = clipped.pipelineRuns.find((r) => r.id === run.id && r.attempt === run.attempt)!;
      expect(out.conclusion).toBe('in_progress');
      expect(out.finishedAt).toBeUndefined();
    }
    open.forEach((i) => expect(clipped.incidents.find((c) => c.id === i.id)!.resolvedAt).toBeUndefined());
  });

  it('does not change the cached day', () => {
    const again = generateDemoData(42, now);
    expect(data).toEqual(again);
  });

  it('cuts an incident resolved after now to an open one', () => {
    const incident = { id: 'i', createdAt: 10, acknowledgedAt: 20, resolvedAt: 30, source: 'demo' };
    const out = clipToNow({ deployments: [], changes: [], incidents: [incident], pipelineRuns: [] }, 25);
    expect(out.incidents).toEqual([{ id: 'i', createdAt: 10, acknowledgedAt: 20, source: 'demo' }]);
    expect(incident.resolvedAt).toBe(30);
  });
});
