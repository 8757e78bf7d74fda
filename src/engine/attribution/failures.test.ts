import { attribute } from './index';
import { at, chain, commit, deploy, events, HOUR, incident, NOW, renamed } from './testBuilders';
import { Attributed } from './types';
import { Change, DoraEvents } from '../model';

const run = (input: Partial<DoraEvents>, options = {}) => attribute(events(input), options, NOW);
const byId = (result: Attributed, id: string) => result.deployments.find((d) => d.deployment.id === id)!;
const failed = (result: Attributed) =>
  result.deployments.filter((d) => d.failed).map((d) => [d.deployment.id, d.failureReasons]);
const rework = (result: Attributed) =>
  result.deployments.filter((d) => d.isRework).map((d) => [d.deployment.id, d.reworkReasons]);

/** c1..c3 shipped by d1 (first) and d2; then c4 (the fix candidate) shipped by d3. */
function fixScenario(fix: Partial<Change>, extra: Partial<DoraEvents> = {}, options = {}) {
  const changes = [...chain('c', 3), commit('c4', ['c3'], 6, fix)];
  return run(
    { changes, deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 5), deploy('d3', 'c4', 8)], ...extra },
    options
  );
}

describe('failed deployments: incidents', () => {
  it('a deployment with linked incidents is failed once, with all its incidents', () => {
    const result = run({
      changes: chain('c', 3),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 5)],
      incidents: [incident('i1', 6), incident('i2', 7)],
    });
    expect(failed(result)).toEqual([['d2', ['incident']]]);
    expect(byId(result, 'd2').incidentIds).toEqual(['i1', 'i2']);
    expect(rework(result)).toEqual([]);
  });
});

describe('hotfixes', () => {
  it.each([
    ['a pull request label', { pullRequest: { number: 1, labels: ['bug', 'HotFix'] } }],
    ['a pull request branch', { pullRequest: { number: 1, branch: 'hotfix/payment-timeout' } }],
    ['a pull request title', { pullRequest: { number: 1, title: 'Hot-fix: null cart' } }],
  ])('by %s: the hotfix deployment is rework, the previous one failed', (_, fix) => {
    const result = fixScenario(fix as Partial<Change>);
    expect(rework(result)).toEqual([['d3', ['hotfix']]]);
    expect(failed(result)).toEqual([['d2', ['hotfix']]]);
    expect(byId(result, 'd2').restoredBy).toBe('d3');
  });

  it.each([
    ['deployment title', { title: 'Hotfix release 2.1.1' }],
    ['deployment ref', { ref: 'hotfix-2.1.1' }],
    ['provider hint', { hotfix: true }],
  ])('by the %s', (_, hint) => {
    const result = run({
      changes: chain('c', 4),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 5), deploy('d3', 'c4', 8, hint)],
    });
    expect(rework(result)).toEqual([['d3', ['hotfix']]]);
    expect(failed(result)).toEqual([['d2', ['hotfix']]]);
  });

  it('a commit message alone does not make a hotfix, nor does a similar word', () => {
    expect(rework(fixScenario({ message: 'hotfix typo' }))).toEqual([]);
    expect(rework(fixScenario({ pullRequest: { number: 1, branch: 'feature/photofix' } }))).toEqual([]);
  });

  it('follows a custom hotfix pattern', () => {
    const result = fixScenario({ pullRequest: { number: 1, labels: ['urgent'] } }, {}, { hotfixPattern: '^urgent$' });
    expect(rework(result)).toEqual([['d3', ['hotfix']]]);
  });
});

describe('reverts', () => {
  const base = [...chain('c', 3)];

  it('"This reverts commit <sha>" fails the deployment that shipped that SHA', () => {
    const changes = [
      ...base.map((c) => renamed(c, (sha) => `${sha}0000000`)),
      commit('c40000000', ['c30000000'], 6, { message: 'Revert "Add cache"\n\nThis reverts commit c20000000.' }),
    ];
    const result = run({
      changes,
      deployments: [
        deploy('d1', 'c10000000', 1),
        deploy('d2', 'c20000000', 2),
        deploy('d3', 'c30000000', 4),
        deploy('d4', 'c40000000', 8),
      ],
    });
    expect(rework(result)).toEqual([['d4', ['revert']]]);
    expect(failed(result)).toEqual([['d2', ['revert']]]);
    expect(byId(result, 'd2').restoredBy).toBe('d4');
  });

  it('\'Revert "<title>"\' finds the reverted commit by its message', () => {
    const changes = [
      ...chain('c', 2),
      commit('c3', ['c2'], 3, { message: 'Add cache' }),
      commit('c4', ['c3'], 4),
      commit('c5', ['c4'], 6, { pullRequest: { number: 9, title: 'Revert "Add cache"' } }),
    ];
    const result = run({
      changes,
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 3.5), deploy('d3', 'c4', 5), deploy('d4', 'c5', 8)],
    });
    expect(rework(result)).toEqual([['d4', ['revert']]]);
    expect(failed(result)).toEqual([['d2', ['revert']]]);
  });

  it('a revert of a commit that never reached production before is not rework', () => {
    const changes = [
      ...chain('c', 2),
      commit('c3', ['c2'], 3, { message: 'Add cache' }),
      commit('c4', ['c3'], 4, { message: 'Revert "Add cache"' }),
    ];
    const result = run({ changes, deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c4', 5)] });
    expect(rework(result)).toEqual([]);
    expect(failed(result)).toEqual([]);
  });

  it('a revert whose target cannot be found is rework that fails nothing', () => {
    const result = fixScenario({ message: 'Revert "something from long ago"' });
    expect(rework(result)).toEqual([['d3', ['revert']]]);
    expect(failed(result)).toEqual([]);
  });

  it('only reverts of the same service count', () => {
    const changes = [...chain('c', 3), commit('c4', ['c3'], 6, { message: 'Revert "c2"\n\nThis reverts commit c2.' })];
    const result = run({
      changes: changes.map((c) => renamed(c, (sha) => sha.padEnd(8, 'f'))),
      deployments: [
        deploy('web1', 'c1ffffff', 1, { service: 'web' }),
        deploy('web2', 'c2ffffff', 2, { service: 'web' }),
        deploy('api1', 'c3ffffff', 4, { service: 'api' }),
        deploy('api2', 'c4ffffff', 8, { service: 'api' }),
      ],
    });
    expect(failed(result)).toEqual([]);
  });
});

describe('fix-forward', () => {
  it('fixesDeploymentId fails the named deployment and makes the fix rework', () => {
    const result = run({
      changes: chain('c', 4),
      deployments: [
        deploy('d1', 'c1', 1),
        deploy('d2', 'c2', 2),
        deploy('d3', 'c3', 4),
        deploy('d4', 'c4', 8, { fixesDeploymentId: 'd2' }),
      ],
    });
    expect(rework(result)).toEqual([['d4', ['fix-forward']]]);
    expect(failed(result)).toEqual([['d2', ['fix-forward']]]);
    expect(byId(result, 'd2').restoredBy).toBe('d4');
  });

  it('the first deployment after a linked incident whose change matches the hotfix or revert pattern fixes it', () => {
    const changes = [
      ...chain('c', 3),
      commit('c4', ['c3'], 6, { message: 'Tidy logs' }),
      commit('c5', ['c4'], 7, { message: 'hotfix: restore cart totals' }),
      commit('c6', ['c5'], 8, { message: 'hotfix: another' }),
    ];
    const result = run({
      changes,
      deployments: [
        deploy('d1', 'c1', 1),
        deploy('d2', 'c3', 5),
        deploy('d3', 'c4', 7),
        deploy('d4', 'c5', 8),
        deploy('d5', 'c6', 9),
      ],
      incidents: [incident('i1', 6, { resolvedAt: at(10) })],
    });
    expect(byId(result, 'd2').failureReasons).toEqual(['incident']);
    expect(rework(result)).toEqual([['d4', ['fix-forward']]]);
    expect(byId(result, 'd2').restoredBy).toBe('d4');
    expect(byId(result, 'd2').recoveryMs).toBe(2 * HOUR);
  });

  it('does not look further than the link window after the incident was resolved', () => {
    const changes = [...chain('c', 3), commit('c4', ['c3'], 6, { message: 'hotfix: late' })];
    const result = run(
      {
        changes,
        deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 5), deploy('d3', 'c4', 12)],
        incidents: [incident('i1', 6, { resolvedAt: at(7) })],
      },
      { incidentLinkWindowMs: 4 * HOUR }
    );
    expect(rework(result)).toEqual([]);
    expect(byId(result, 'd2').restoredAt).toBe(at(7));
  });
});

describe('fix-forward naming a later deployment', () => {
  it('is rework but fails nothing: a fix cannot precede what it fixes', () => {
    const result = run({
      changes: chain('c', 3),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c2', 2, { fixesDeploymentId: 'd3' }), deploy('d3', 'c3', 4)],
    });
    expect(rework(result)).toEqual([['d2', ['fix-forward']]]);
    expect(failed(result)).toEqual([]);
  });
});

describe('verdict lists', () => {
  it('share one frozen empty list for "none" and give each deployment with reasons its own list', () => {
    const result = run({
      changes: chain('c', 3),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c2', 2), deploy('d3', 'c3', 3)],
      incidents: [incident('i1', 2.5, { service: 'app', cause: { deploymentId: 'd2' } })],
    });
    const [d1, d2, d3] = ['d1', 'd2', 'd3'].map((id) => byId(result, id));
    expect(d2.failureReasons).toEqual(['incident']);
    expect(d2.incidentIds).toEqual(['i1']);
    expect(d1.failureReasons).toEqual([]);
    expect(Object.isFrozen(d1.failureReasons)).toBe(true);
    expect(d1.failureReasons).toBe(d3.reworkReasons);
    expect(Object.isFrozen(d2.failureReasons)).toBe(false);
  });
});
