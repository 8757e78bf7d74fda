import { Findings } from './findings';
import { commit, deploy, events, incident, run } from './testBuilders';
import { keepValid } from './validity';

describe('keepValid', () => {
  it('keeps well-formed events untouched', () => {
    const input = events({
      deployments: [deploy('d1', 'a', 1, { startedAt: 0 })],
      changes: [
        commit('a', [], 0, { pullRequest: { number: 1, openedAt: 5 } }),
        commit('b', ['a'], 1),
        commit('m', ['b', 'a'], 2),
      ],
      incidents: [incident('i1', 2, { resolvedAt: 9 })],
      pipelineRuns: [run('r1', 'a', 0)],
    });
    const findings = new Findings();
    const out = keepValid(input, findings);
    expect(out.deployments).toEqual(input.deployments);
    expect(out.changes).toEqual(input.changes);
    expect(out.incidents).toEqual(input.incidents);
    expect(out.pipelineRuns).toEqual(input.pipelineRuns);
    expect(findings.sorted()).toEqual([]);
  });

  it.each([
    ['deployments', deploy('d1', 'a', 1, { finishedAt: NaN }), 'd1', 'finishedAt = NaN'],
    ['deployments', deploy('', 'a', 1), '#1', 'id = ""'],
    ['deployments', deploy('d1', 'a', 1, { startedAt: '2026-01-01' as never }), 'd1', 'startedAt = "2026-01-01"'],
    ['deployments', deploy('d1', undefined as never, 1), 'd1', 'sha = missing'],
    ['changes', commit('a', [], 0, { parent: ['b'] as never }), 'a', 'parent = ["b"]'],
    ['changes', commit('a', ['b'], 0, { mergedParents: 'c' as never }), 'a', 'mergedParents = "c"'],
    ['changes', commit('a', ['b'], 0, { mergedParents: ['c', 7 as never] }), 'a', 'mergedParents = ["c",7]'],
    ['changes', commit('a', [], 0, { mergedParents: ['c'] }), 'a', 'mergedParents = ["c"] but no parent'],
    // The events file's list, handed to the engine without parseEventsJson: not silently a root commit.
    ['changes', { ...commit('a', [], 0), parents: ['b'] } as never, 'a', 'parents = ["b"]; the model holds'],
    ['changes', commit('a', [], 0, { committedAt: Infinity }), 'a', 'committedAt = Infinity'],
    [
      'changes',
      commit('a', [], 0, { pullRequest: { number: 3, mergedAt: null as never } }),
      'a',
      'pullRequest.mergedAt = null',
    ],
    ['changes', commit('a', [], 0, { pullRequest: { title: 'x' } as never }), 'a', 'pullRequest = {"title":"x"}'],
    ['incidents', incident('i1', 0, { createdAt: undefined as never }), 'i1', 'createdAt = missing'],
    ['incidents', incident('i1', 0, { resolvedAt: NaN }), 'i1', 'resolvedAt = NaN'],
    ['pipelineRuns', run('r1', 'a', 0, { attempt: '2' as never }), 'r1', 'attempt = "2"'],
    ['deployments', null, '#1', 'is not an object'],
  ])('leaves out a bad %s entry and names it (%s)', (kind, bad, subject, problem) => {
    const findings = new Findings();
    const out = keepValid(events({ [kind]: [bad] }), findings) as unknown as Record<string, unknown[]>;
    expect(out[kind]).toEqual([]);
    const [finding] = findings.sorted();
    expect(finding.kind).toBe('invalid-event');
    expect(finding.severity).toBe('error');
    expect(finding.subject).toBe(subject);
    expect(finding.message).toContain(problem);
    expect(finding.message).toContain('Fix the source mapping');
  });

  it('treats a missing list as empty', () => {
    const out = keepValid(
      { deployments: undefined as never, changes: [], incidents: [], pipelineRuns: [] },
      new Findings()
    );
    expect(out.deployments).toEqual([]);
  });
});
