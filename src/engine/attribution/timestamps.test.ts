import { Findings } from './findings';
import { at, commit, deploy, events, incident, run } from './testBuilders';
import { checkTimestamps, FUTURE_TOLERANCE_MS } from './timestamps';
import { ValidEvents } from './validity';

const check = (input: Partial<ValidEvents>, now = at(100)) => {
  const findings = new Findings();
  checkTimestamps(events(input), now, findings);
  return findings.sorted();
};

describe('checkTimestamps', () => {
  it('finds nothing in consistent events', () => {
    expect(
      check({
        deployments: [deploy('d', 'a', 2, { startedAt: at(1) })],
        incidents: [incident('i', 2, { startedAt: at(1), acknowledgedAt: at(3), resolvedAt: at(4) })],
        changes: [
          commit('c', [], 1, {
            pullRequest: { number: 1, firstCommitAt: at(0), openedAt: at(1), firstReviewAt: at(2), mergedAt: at(3) },
          }),
        ],
        pipelineRuns: [run('r', 'a', 1)],
      })
    ).toEqual([]);
  });

  it('reports instants more than 5 minutes after now, naming the fields', () => {
    const now = at(10);
    const findings = check(
      {
        deployments: [
          deploy('edge', 'a', 10, { finishedAt: now + FUTURE_TOLERANCE_MS }),
          deploy('ahead', 'a', 0, { finishedAt: now + FUTURE_TOLERANCE_MS + 1 }),
        ],
        incidents: [incident('i', 11, { resolvedAt: at(12) })],
      },
      now
    );
    expect(findings.map((f) => [f.kind, f.subject, f.at])).toEqual([
      ['future-timestamp', 'ahead', now + FUTURE_TOLERANCE_MS + 1],
      ['future-timestamp', 'i', at(11)],
    ]);
    expect(findings[1].message).toContain('Incident i has createdAt, resolvedAt in the future');
  });

  it.each([
    [
      'deployment finished before it started',
      { deployments: [deploy('x', 'a', 1, { startedAt: at(2) })] },
      'finishedAt before startedAt',
    ],
    [
      'incident resolved before created',
      { incidents: [incident('x', 2, { resolvedAt: at(1) })] },
      'resolvedAt before createdAt',
    ],
    [
      'incident resolved before it started',
      { incidents: [incident('x', 5, { startedAt: at(3), resolvedAt: at(2) })] },
      'resolvedAt before startedAt',
    ],
    [
      'incident created before impact start',
      { incidents: [incident('x', 1, { startedAt: at(2) })] },
      'createdAt before startedAt',
    ],
    [
      'acknowledged before created',
      { incidents: [incident('x', 2, { acknowledgedAt: at(1) })] },
      'acknowledgedAt before createdAt',
    ],
    [
      'merged before opened',
      { changes: [commit('x', [], 1, { pullRequest: { number: 1, openedAt: at(2), mergedAt: at(1) } })] },
      'pullRequest.mergedAt before pullRequest.openedAt',
    ],
    [
      'reviewed before opened',
      { changes: [commit('x', [], 1, { pullRequest: { number: 1, openedAt: at(2), firstReviewAt: at(1) } })] },
      'pullRequest.firstReviewAt before pullRequest.openedAt',
    ],
    [
      'run finished before it started',
      { pipelineRuns: [run('x', 'a', 2, { finishedAt: at(1) })] },
      'finishedAt before startedAt',
    ],
  ])('reports %s', (_, input, text) => {
    const findings = check(input as Partial<ValidEvents>);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.kind === 'out-of-order-timestamps' && f.subject.startsWith('x'))).toBe(true);
    expect(findings.filter((f) => f.message.includes(text))).toHaveLength(1);
  });

  it('a review after the merge is normal (post-merge review) and not reported', () => {
    expect(
      check({
        changes: [
          commit('x', [], 1, { pullRequest: { number: 1, openedAt: at(1), mergedAt: at(2), firstReviewAt: at(3) } }),
        ],
      })
    ).toEqual([]);
  });

  it('equal instants are in order', () => {
    expect(
      check({
        deployments: [deploy('x', 'a', 1, { startedAt: at(1) })],
        incidents: [incident('i', 1, { resolvedAt: at(1), startedAt: at(1) })],
      })
    ).toEqual([]);
  });
});
