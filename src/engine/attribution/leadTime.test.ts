import { attribute } from './index';
import { attributeChange, breakdownOf, ChangeShipment, shippedChange, startOf } from './leadTime';
import { at, commit, deploy, events, HOUR, NOW } from './testBuilders';
import { LeadTimeStart } from '../options';

const pr = { number: 5, firstCommitAt: at(1), openedAt: at(2), firstReviewAt: at(4), mergedAt: at(7) };
const withPr = commit('c', ['p'], 3, { authoredAt: at(0), pullRequest: pr });
const withoutPr = commit('c', ['p'], 3);

describe('startOf', () => {
  it.each<[LeadTimeStart, number, number]>([
    ['commit', at(3), at(3)],
    ['prFirstCommit', at(1), at(3)],
    ['prOpened', at(2), at(3)],
    ['prMerged', at(7), at(3)],
  ])('%s: with PR data %d, falling back to the commit time without', (option, expected, fallback) => {
    expect(startOf(withPr, option)).toBe(expected);
    expect(startOf(withoutPr, option)).toBe(fallback);
    expect(startOf(commit('c', [], 3, { pullRequest: { number: 1 } }), option)).toBe(fallback);
  });
});

describe('attributeChange', () => {
  const d = deploy('d', 'c', 10, { environment: 'prod' });

  it('measures from the start to the deployment finish, with where it went', () => {
    expect(attributeChange(withPr, d, 'core', 'prOpened')).toEqual({
      change: withPr,
      deploymentId: 'd',
      service: 'app',
      team: 'core',
      environment: 'prod',
      deployedAt: at(10),
      startAt: at(2),
      leadTimeMs: 8 * HOUR,
      breakdown: { codingMs: HOUR, pickupMs: 2 * HOUR, reviewMs: 3 * HOUR, deployMs: 3 * HOUR },
    });
  });

  it('has no lead time when it is not positive', () => {
    expect(attributeChange(commit('c', [], 10), d, '', 'commit').leadTimeMs).toBeNull();
    expect(attributeChange(commit('c', [], 11), d, '', 'commit').leadTimeMs).toBeNull();
    expect(attributeChange(commit('c', [], 9.999), d, '', 'commit').leadTimeMs).toBe(0.001 * HOUR);
  });
});

describe('shippedChange', () => {
  const d = deploy('d', 'c', 10, { environment: 'prod' });

  it.each<[LeadTimeStart, string]>([
    ['prOpened', 'with pull request data'],
    ['commit', 'by commit time'],
  ])('reads the same fields as the plain attribution (%s), and serialises to it', (start) => {
    for (const change of [withPr, withoutPr, commit('c', [], 11)]) {
      const lean = shippedChange(change, new ChangeShipment(d, 'core', start));
      const plain = attributeChange(change, d, 'core', start);
      const read = {
        change: lean.change,
        deploymentId: lean.deploymentId,
        service: lean.service,
        team: lean.team,
        environment: lean.environment,
        deployedAt: lean.deployedAt,
        startAt: lean.startAt,
        leadTimeMs: lean.leadTimeMs,
        ...(lean.breakdown ? { breakdown: lean.breakdown } : {}),
      };
      expect(read).toEqual(plain);
      expect(JSON.parse(JSON.stringify(lean))).toEqual(JSON.parse(JSON.stringify(plain)));
    }
  });

  it('is what attribute() returns for every change', () => {
    const result = attribute(
      events({
        changes: [commit('c1', [], 1), commit('c2', ['c1'], 3, { pullRequest: pr }), commit('c3', ['c2'], 4)],
        deployments: [deploy('d0', 'c1', 2), deploy('d1', 'c3', 10)],
      }),
      { leadTimeStart: 'prOpened' },
      NOW
    );
    expect(result.changes.map((c) => c.change.sha)).toEqual(['c2', 'c3']);
    expect(result.changes[0].breakdown).toBeDefined();
    expect(result.changes.map((c) => JSON.parse(JSON.stringify(c)))).toEqual(
      result.changes.map((c) =>
        JSON.parse(JSON.stringify(attributeChange(c.change, result.deployments[1].deployment, c.team, 'prOpened')))
      )
    );
  });
});

describe('breakdownOf', () => {
  it('is absent without pull request data', () => {
    expect(breakdownOf(withoutPr, at(10))).toBeUndefined();
    expect(breakdownOf(commit('c', [], 0, { pullRequest: { number: 1 } }), at(10))).toBeUndefined();
  });

  it('keeps the phases whose ends are known and in order', () => {
    const noReview = { ...withPr, pullRequest: { number: 5, openedAt: at(2), mergedAt: at(5) } };
    expect(breakdownOf(noReview, at(6))).toEqual({ deployMs: HOUR });
    const reviewAfterMerge = { ...withPr, pullRequest: { ...pr, firstReviewAt: at(8) } };
    expect(breakdownOf(reviewAfterMerge, at(9))).toEqual({ codingMs: HOUR, pickupMs: 6 * HOUR, deployMs: 2 * HOUR });
  });
});

describe('lead time in attribute()', () => {
  it('drops non-positive lead times and reports them', () => {
    const result = attribute(
      events({
        changes: [commit('c1', [], 0), commit('c2', ['c1'], 1), commit('c3', ['c2'], 9)],
        deployments: [deploy('d1', 'c1', 0.5), deploy('d2', 'c3', 5)],
      }),
      {},
      NOW
    );
    expect(result.changes.map((c) => [c.change.sha, c.leadTimeMs])).toEqual([
      ['c2', 4 * HOUR],
      ['c3', null],
    ]);
    expect(result.dataQuality.filter((f) => f.kind === 'non-positive-lead-time')).toEqual([
      expect.objectContaining({ subject: 'c3', service: 'app', at: at(5) }),
    ]);
  });

  it('uses the leadTimeStart option', () => {
    const result = attribute(
      events({
        changes: [commit('c1', [], 0), commit('c2', ['c1'], 3, { pullRequest: pr })],
        deployments: [deploy('d1', 'c1', 0.5), deploy('d2', 'c2', 10)],
      }),
      { leadTimeStart: 'prFirstCommit' },
      NOW
    );
    expect(result.changes[0].leadTimeMs).toBe(9 * HOUR);
  });
});
