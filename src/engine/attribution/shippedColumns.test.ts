/** The per-change columns attribute() keeps on its changes list agree with the changes themselves. */
import { attribute } from './index';
import { at, commit, deploy, events, NOW } from './testBuilders';
import { shippedColumnsOf } from './shippedColumns';
import { LEAD_TIME_STARTS } from '../options';

// Two services; PR data on some commits (one merged after its deployment, so a stage is missing or a lead time
// dropped depending on the start), one commit committed after the deployment that ships it.
const history = events({
  changes: [
    commit('a1', [], 1),
    commit('a2', ['a1'], 2, { pullRequest: { number: 1, firstCommitAt: at(0), openedAt: at(1), mergedAt: at(3) } }),
    commit('a3', ['a2'], 4, { pullRequest: { number: 2, openedAt: at(20), mergedAt: at(21) } }),
    commit('a4', ['a3'], 30),
    commit('b1', [], 1, { repo: 'acme/api' }),
    commit('b2', ['b1'], 5, { repo: 'acme/api', pullRequest: { number: 3, labels: ['x'] } }),
  ],
  deployments: [
    deploy('d1', 'a1', 2),
    deploy('d2', 'a4', 10),
    deploy('e1', 'b1', 3, { service: 'api', repo: 'acme/api' }),
    deploy('e2', 'b2', 6, { service: 'api', repo: 'acme/api' }),
  ],
});

describe('shipped columns', () => {
  it.each(LEAD_TIME_STARTS)('say what each change says (lead time start %s)', (leadTimeStart) => {
    const a = attribute(history, { leadTimeStart }, NOW);
    const columns = shippedColumnsOf(a.changes, a.deployments)!;
    expect(columns).toBeDefined();
    expect(a.changes.map((_, i) => a.deployments[columns.deployment[i]].deployment.id)).toEqual(
      a.changes.map((c) => c.deploymentId)
    );
    expect(Array.from(columns.leadTimeMs)).toEqual(a.changes.map((c) => c.leadTimeMs ?? NaN));
    expect(a.changes.some((c) => c.leadTimeMs === null)).toBe(true);
    expect(Array.from(columns.withBreakdown)).toEqual(
      a.changes.flatMap((c, i) => (c.breakdown !== undefined ? [i] : []))
    );
    expect(columns.withBreakdown.length).toBeGreaterThan(0);
  });

  it('are not seen by JSON or comparisons, and a copied list or new deployments have none', () => {
    const a = attribute(history, undefined, NOW);
    expect(Object.keys(a.changes)).toEqual(a.changes.map((_, i) => String(i)));
    expect(shippedColumnsOf(a.changes.slice(), a.deployments)).toBeUndefined();
    expect(shippedColumnsOf(a.changes, a.deployments.slice())).toBeUndefined();
  });
});
