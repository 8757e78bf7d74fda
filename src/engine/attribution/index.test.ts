import { attribute } from './index';
import { EngineInputError } from './inputError';
import { at, chain, commit, deploy, events, HOUR, incident, NOW, run } from './testBuilders';

describe('attribute', () => {
  it('returns empty results for no events', () => {
    expect(attribute(events({}), {}, NOW)).toEqual({
      deployments: [],
      failedAttempts: [],
      changes: [],
      incidents: [],
      pipelineRuns: [],
      dataQuality: [],
      teams: {},
      runbooks: {},
      objectives: {},
    });
  });

  it('throws a clear error for unusable options', () => {
    expect(() => attribute(events({}), { hotfixPattern: '(' })).toThrow(EngineInputError);
  });

  it('puts a whole week of one service together', () => {
    const changes = [
      ...chain('c', 4),
      commit('c5', ['c4'], 20, {
        pullRequest: { number: 5, title: 'Checkout v2', openedAt: at(21), mergedAt: at(22) },
      }),
      commit('c6', ['c5'], 30, { pullRequest: { number: 6, labels: ['hotfix'], openedAt: at(31), mergedAt: at(32) } }),
    ];
    const result = attribute(
      events({
        catalog: { services: [{ name: 'app', team: 'core' }] },
        changes,
        deployments: [
          deploy('staging-1', 'c4', 5, { environment: 'staging' }),
          deploy('d1', 'c2', 3),
          deploy('d2', 'c4', 10, { startedAt: at(9.5) }),
          deploy('attempt', 'c5', 23, { status: 'failure' }),
          deploy('d3', 'c5', 24),
          deploy('d4', 'c6', 33),
          deploy('d4', 'c6', 33),
        ],
        incidents: [incident('i1', 25, { startedAt: at(24.5), resolvedAt: at(34), acknowledgedAt: at(25.5) })],
        pipelineRuns: [run('r1', 'c5', 22, { conclusion: 'failure' }), run('r1', 'c5', 22.5, { attempt: 2 })],
      }),
      { leadTimeStart: 'prOpened' },
      NOW
    );
    expect(result.deployments.map((d) => d.deployment.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(result.failedAttempts.map((d) => d.id)).toEqual(['attempt']);
    const d3 = result.deployments[2];
    expect(d3).toEqual(
      expect.objectContaining({
        team: 'core',
        changeShas: ['c5'],
        failed: true,
        failureReasons: ['incident', 'hotfix'],
        incidentIds: ['i1'],
        failureStartAt: at(24.5),
        restoredAt: at(33),
        restoredBy: 'd4',
        recoveryMs: 8.5 * HOUR,
      })
    );
    expect(result.deployments[3]).toEqual(
      expect.objectContaining({ isRework: true, reworkReasons: ['hotfix', 'fix-forward'] })
    );
    expect(result.changes.map((c) => [c.change.sha, c.deploymentId, c.startAt, c.leadTimeMs! / HOUR])).toEqual([
      ['c3', 'd2', at(2), 8],
      ['c4', 'd2', at(3), 7],
      ['c5', 'd3', at(21), 3],
      ['c6', 'd4', at(31), 2],
    ]);
    expect(result.incidents[0]).toEqual({
      incident: expect.objectContaining({ id: 'i1' }),
      team: 'core',
      link: {
        incidentId: 'i1',
        deploymentId: 'd3',
        method: 'service-window',
        detail: expect.stringContaining('30m before'),
      },
      timeToRestoreMs: 9.5 * HOUR,
      timeToDetectMs: HOUR / 2,
      timeToAcknowledgeMs: HOUR / 2,
    });
    expect(result.pipelineRuns.map((r) => r.flaky)).toEqual([true, false]);
    expect(result.dataQuality.map((f) => [f.kind, f.subject])).toEqual([
      ['duplicate-event', 'd4'],
      ['unknown-changes', 'd1'],
    ]);
    expect(result.teams).toEqual({ app: 'core' });
  });

  it('leaves out invalid events and still attributes the rest', () => {
    const result = attribute(
      events({
        changes: chain('c', 2),
        deployments: [deploy('d1', 'c1', 1), deploy('bad', 'c2', NaN), deploy('d2', 'c2', 3)],
      }),
      {},
      NOW
    );
    expect(result.deployments.map((d) => d.deployment.id)).toEqual(['d1', 'd2']);
    expect(result.dataQuality.map((f) => f.kind)).toEqual(['invalid-event', 'unknown-changes']);
  });

  it('reports future timestamps against the given now', () => {
    const result = attribute(events({ deployments: [deploy('d1', 'c1', 10)] }), {}, at(9));
    expect(result.dataQuality.map((f) => f.kind)).toContain('future-timestamp');
  });

  it('does not modify its input', () => {
    const input = events({
      catalog: { services: [{ name: 'core', repositories: [{ repo: 'acme/app' }] }] },
      changes: chain('c', 3),
      deployments: [deploy('d1', 'c1', 1, { pipelineRunId: 'p' }), deploy('d2', 'c3', 3, { pipelineRunId: 'p2' })],
      incidents: [incident('i', 4)],
    });
    const copy = JSON.parse(JSON.stringify(input));
    attribute(input, {}, NOW);
    expect(input).toEqual(copy);
  });
});
