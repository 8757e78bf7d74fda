/** @jest-environment node */
import fc from 'fast-check';
import { DoraEvents, emptyEvents } from '../../engine';
import { clipToNow } from '../demo/clip';
import { generateDemoData } from '../demo/generate';
import { parseEventsJson } from './parse';
import { toEventsDocument, toEventsJson } from './serialize';

describe('toEventsJson', () => {
  it('writes instants as ISO-8601 UTC text', () => {
    const events: DoraEvents = {
      deployments: [],
      changes: [
        {
          sha: 'a',
          repo: 'r',
          committedAt: Date.UTC(2024, 2, 1, 10),
          pullRequest: { number: 1, mergedAt: Date.UTC(2024, 2, 1, 9) },
        },
        { sha: 'b', repo: 'r', committedAt: Date.UTC(2024, 2, 1, 11), parent: 'a', message: 'Fix' },
        { sha: 'm', repo: 'r', committedAt: Date.UTC(2024, 2, 1, 12), parent: 'b', mergedParents: ['x', 'y'] },
      ],
      incidents: [],
      pipelineRuns: [],
    };
    expect(toEventsDocument(events)).toEqual({
      deployments: [],
      changes: [
        {
          sha: 'a',
          repo: 'r',
          committedAt: '2024-03-01T10:00:00.000Z',
          parents: [],
          pullRequest: { number: 1, mergedAt: '2024-03-01T09:00:00.000Z' },
        },
        { sha: 'b', repo: 'r', committedAt: '2024-03-01T11:00:00.000Z', parents: ['a'], message: 'Fix' },
        { sha: 'm', repo: 'r', committedAt: '2024-03-01T12:00:00.000Z', parents: ['b', 'x', 'y'] },
      ],
      incidents: [],
      pipelineRuns: [],
    });
  });

  it("writes a commit's parents as the file's one list, in the file's field order", () => {
    const document = toEventsDocument({
      ...emptyEvents(),
      changes: [{ sha: 'm', repo: 'r', committedAt: 0, parent: 'b', mergedParents: ['x'], message: 'Merge' }],
    });
    const [change] = document.changes as Array<Record<string, unknown>>;
    expect(Object.keys(change)).toEqual(['sha', 'repo', 'committedAt', 'parents', 'message']);
    expect(parseEventsJson(document).events.changes).toEqual([
      { sha: 'm', repo: 'r', committedAt: 0, parent: 'b', mergedParents: ['x'], message: 'Merge' },
    ]);
  });

  it('round-trips the whole demo data set', () => {
    const now = Date.parse('2025-06-15T12:00:00Z');
    const events = clipToNow(generateDemoData(42, now).events, now);
    const parsed = parseEventsJson(toEventsJson(events));
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toEqual(events);
  });

  it('round-trips arbitrary events', () => {
    const instant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
    const id = fc.string({ minLength: 1, maxLength: 8 });
    const deployment = fc.record(
      {
        id,
        service: id,
        environment: id,
        repo: id,
        sha: id,
        startedAt: instant,
        finishedAt: instant,
        status: fc.constantFrom('success' as const, 'failure' as const, 'cancelled' as const, 'in_progress' as const),
        source: id,
        title: fc.string(),
        changes: fc.array(id, { maxLength: 3 }),
        rollback: fc.boolean(),
      },
      { requiredKeys: ['id', 'service', 'environment', 'repo', 'sha', 'finishedAt', 'status', 'source'] }
    );
    const incident = fc.record(
      {
        id,
        service: id,
        createdAt: instant,
        resolvedAt: instant,
        source: id,
        labels: fc.array(fc.string(), { maxLength: 2 }),
        cause: fc.record({ deploymentId: id, repo: id }, { requiredKeys: ['deploymentId'] }),
      },
      { requiredKeys: ['id', 'createdAt', 'source'] }
    );
    fc.assert(
      fc.property(
        fc.array(deployment, { maxLength: 4 }),
        fc.array(incident, { maxLength: 4 }),
        (deployments, incidents) => {
          const events: DoraEvents = { deployments, changes: [], incidents, pipelineRuns: [] };
          const parsed = parseEventsJson(toEventsJson(events));
          expect(parsed.errors).toEqual([]);
          expect(parsed.events).toEqual(events);
        }
      )
    );
  });
});
