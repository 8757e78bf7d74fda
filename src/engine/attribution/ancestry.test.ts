import { attribute } from './index';
import { at, chain, commit, deploy, events, HOUR, NOW } from './testBuilders';
import { Attributed } from './types';
import { DoraEvents } from '../model';

const run = (input: Partial<DoraEvents>, options = {}) => attribute(events(input), options, NOW);
const shipped = (result: Attributed) =>
  Object.fromEntries(result.deployments.map((d) => [d.deployment.id, d.changeShas]));
const methods = (result: Attributed) =>
  Object.fromEntries(result.deployments.map((d) => [d.deployment.id, d.changeMethod]));
const findingsOf = (result: Attributed, kind: string) => result.dataQuality.filter((f) => f.kind === kind);

describe('changes by ancestry', () => {
  it('ships the commits since the previous deployment; the first deployment has unknown changes', () => {
    const result = run({
      changes: chain('c', 6),
      deployments: [deploy('d1', 'c2', 3), deploy('d2', 'c5', 10), deploy('d3', 'c6', 12)],
    });
    expect(shipped(result)).toEqual({ d1: null, d2: ['c3', 'c4', 'c5'], d3: ['c6'] });
    expect(methods(result)).toEqual({ d1: 'unknown', d2: 'ancestry', d3: 'ancestry' });
    expect(result.changes.map((c) => [c.change.sha, c.deploymentId, c.leadTimeMs! / HOUR])).toEqual([
      ['c3', 'd2', 8],
      ['c4', 'd2', 7],
      ['c5', 'd2', 6],
      ['c6', 'd3', 7],
    ]);
    const unknown = findingsOf(result, 'unknown-changes');
    expect(unknown).toEqual([expect.objectContaining({ subject: 'd1', service: 'app', at: at(3), severity: 'info' })]);
    expect(unknown[0].message).toContain('first deployment of app in the fetched history');
  });

  it('ships both sides of a merge', () => {
    const result = run({
      changes: [...chain('a', 2), commit('b3', ['a1'], 3), commit('m4', ['a2', 'b3'], 4)],
      deployments: [deploy('d1', 'a1', 1), deploy('d2', 'm4', 5)],
    });
    expect(shipped(result).d2).toEqual(['a2', 'b3', 'm4']);
  });

  it('long shipments (merge sort in reused lists) come by commit time, then SHA, each deployment on its own', () => {
    // Two branches of 60 and 40 commits merged, the times interleaved with ties; then 30 more, then a short run.
    const left = Array.from({ length: 60 }, (_, k) => commit(`l${k}`, [k === 0 ? 'root' : `l${k - 1}`], 1 + (k % 7)));
    const right = Array.from({ length: 40 }, (_, k) => commit(`r${k}`, [k === 0 ? 'root' : `r${k - 1}`], 1 + (k % 5)));
    const more = Array.from({ length: 30 }, (_, k) => commit(`t${k}`, [k === 0 ? 'merge' : `t${k - 1}`], 20 - (k % 3)));
    const history = [
      commit('root', [], 0),
      ...left,
      ...right,
      commit('merge', ['l59', 'r39'], 10),
      ...more,
      ...chain('s', 3, 30, 't29'),
    ];
    const result = run({
      changes: history,
      deployments: [
        deploy('d0', 'root', 0.5),
        deploy('d1', 'merge', 11),
        deploy('d2', 't29', 25),
        deploy('d3', 's3', 40),
      ],
    });
    const byTime = (shas: string[]) =>
      [...shas].sort((a, b) => {
        const ca = history.find((c) => c.sha === a)!;
        const cb = history.find((c) => c.sha === b)!;
        return ca.committedAt - cb.committedAt || (a < b ? -1 : a > b ? 1 : 0);
      });
    const sets = shipped(result);
    expect(sets.d1).toHaveLength(101);
    expect(sets.d1).toEqual(byTime([...left, ...right].map((c) => c.sha).concat('merge')));
    expect(sets.d2).toEqual(byTime(more.map((c) => c.sha)));
    expect(sets.d3).toEqual(['s1', 's2', 's3']);
  });

  it('ships an octopus merge of thousands of branches (the walk stack grows)', () => {
    const branches = Array.from({ length: 3000 }, (_, k) => [
      commit(`b${k}a`, ['root'], 1),
      commit(`b${k}b`, [`b${k}a`], 2),
    ]).flat();
    const merged = branches.filter((_, i) => i % 2 === 1 && i > 1).map((c) => c.sha);
    const result = run({
      changes: [commit('root', [], 0), ...branches, commit('merge', ['b0b'], 3, { mergedParents: merged })],
      deployments: [deploy('d1', 'root', 0.5), deploy('d2', 'merge', 4)],
    });
    const shas = shipped(result).d2!;
    expect(shas).toHaveLength(6001);
    expect(new Set(shas).size).toBe(6001);
    expect(shas[6000]).toBe('merge');
  });

  it('release branches: a commit shipped by 2.1.0 is not shipped again by a later 2.0.5 or 2.1.1', () => {
    // main: m1 - m2 - m3 - m4 - m5 - m6;  release/2.0 branches at m2: r1 - r2
    const result = run({
      changes: [...chain('m', 6), commit('r1', ['m2'], 2.5), commit('r2', ['r1'], 6.5)],
      deployments: [
        deploy('2.0.0', 'm1', 1),
        deploy('2.1.0', 'm4', 7),
        deploy('2.0.5', 'r2', 8),
        deploy('2.1.1', 'm6', 9),
      ],
    });
    expect(shipped(result)).toEqual({
      '2.0.0': null,
      '2.1.0': ['m2', 'm3', 'm4'],
      '2.0.5': ['r1', 'r2'],
      '2.1.1': ['m5', 'm6'],
    });
    expect(result.deployments.find((d) => d.deployment.id === '2.0.5')!.isRollback).toBe(false);
  });

  it('a redeploy of the live SHA is a deployment with zero changes', () => {
    const result = run({
      changes: chain('c', 3),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c3', 4), deploy('d3', 'c3', 6)],
    });
    const d3 = result.deployments[2];
    expect(d3.isRedeploy).toBe(true);
    expect(d3.changeShas).toEqual([]);
    expect(d3.changeMethod).toBe('ancestry');
    expect(d3.isRollback).toBe(false);
    expect(result.deployments.filter((d) => d.isRedeploy).map((d) => d.deployment.id)).toEqual(['d3']);
  });

  it('each production environment has its own live version; a change ships once per service', () => {
    const result = run(
      {
        changes: chain('c', 3),
        deployments: [
          deploy('eu1', 'c1', 1, { environment: 'prod-eu' }),
          deploy('us1', 'c1', 2, { environment: 'prod-us' }),
          deploy('eu2', 'c3', 4, { environment: 'prod-eu' }),
          deploy('us2', 'c3', 5, { environment: 'prod-us' }),
          deploy('us3', 'c3', 6, { environment: 'prod-us' }),
        ],
      },
      { productionEnvironmentPattern: '^prod-' }
    );
    expect(shipped(result)).toEqual({ eu1: null, us1: [], eu2: ['c2', 'c3'], us2: [], us3: [] });
    expect(result.deployments.map((d) => d.isRedeploy)).toEqual([false, false, false, false, true]);
    expect(result.deployments.some((d) => d.isRollback)).toBe(false);
    expect(result.changes.map((c) => c.deploymentId)).toEqual(['eu2', 'eu2']);
  });

  it('two services deploying one repository each ship its commits once', () => {
    const result = run({
      changes: chain('c', 3),
      deployments: [
        deploy('web1', 'c1', 1, { service: 'web' }),
        deploy('api1', 'c1', 1, { service: 'api' }),
        deploy('web2', 'c3', 4, { service: 'web' }),
        deploy('api2', 'c2', 5, { service: 'api' }),
        deploy('api3', 'c3', 6, { service: 'api' }),
      ],
    });
    expect(shipped(result)).toEqual({ web1: null, api1: null, web2: ['c2', 'c3'], api2: ['c2'], api3: ['c3'] });
    expect(result.changes.map((c) => `${c.service}:${c.change.sha}`).sort()).toEqual([
      'api:c2',
      'api:c3',
      'web:c2',
      'web:c3',
    ]);
  });
});

describe('explicit change lists', () => {
  it('win over ancestry; the commits they skip still count as shipped', () => {
    const result = run({
      changes: chain('c', 6),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c5', 10, { changes: ['c4'] }), deploy('d3', 'c6', 12)],
    });
    expect(shipped(result)).toEqual({ d1: null, d2: ['c4'], d3: ['c6'] });
    expect(methods(result).d2).toBe('explicit');
    expect(result.changes.map((c) => c.change.sha)).toEqual(['c4', 'c6']);
  });

  it('make even a first deployment known, and leave out what the service already shipped', () => {
    const result = run({
      changes: chain('c', 4),
      deployments: [
        deploy('d1', 'c2', 3, { changes: ['c1', 'c2'] }),
        deploy('d2', 'c4', 6, { changes: ['c2', 'c3', 'c4', 'c4'] }),
      ],
    });
    expect(shipped(result)).toEqual({ d1: ['c1', 'c2'], d2: ['c3', 'c4'] });
    expect(methods(result)).toEqual({ d1: 'explicit', d2: 'explicit' });
    expect(findingsOf(result, 'unknown-changes')).toEqual([]);
  });

  it('keep listed SHAs that were not fetched, report them, and give them no lead time', () => {
    const result = run({
      changes: chain('c', 2),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'c2', 3, { changes: ['c2', 'gone1', 'gone2'] })],
    });
    expect(shipped(result).d2).toEqual(['c2', 'gone1', 'gone2']);
    expect(result.changes.map((c) => c.change.sha)).toEqual(['c2']);
    expect(findingsOf(result, 'missing-commit')).toEqual([
      expect.objectContaining({
        subject: 'd2',
        count: 2,
        message: expect.stringContaining('2 change(s) not among the fetched commits'),
      }),
    ]);
  });
});

describe('unknown and missing commits', () => {
  it('a deployment at a commit that was not fetched has unknown changes and is reported', () => {
    const result = run({
      changes: chain('c', 5),
      deployments: [deploy('d1', 'c1', 1), deploy('d2', 'nowhere', 3), deploy('d3', 'c5', 6)],
    });
    expect(shipped(result)).toEqual({ d1: null, d2: null, d3: ['c2', 'c3', 'c4', 'c5'] });
    expect(findingsOf(result, 'missing-commit').map((f) => f.subject)).toEqual(['d2']);
  });

  it('stays unknown until a deployment is at a fetched commit (no "everything fetched" as changes)', () => {
    const result = run({
      changes: chain('c', 5),
      deployments: [deploy('d1', 'old', 1), deploy('d2', 'c3', 3), deploy('d3', 'c5', 6)],
    });
    expect(shipped(result)).toEqual({ d1: null, d2: null, d3: ['c4', 'c5'] });
    const unknown = findingsOf(result, 'unknown-changes');
    expect(unknown.map((f) => f.subject)).toEqual(['d1', 'd2']);
    expect(unknown[1].message).toContain('no earlier deployment of app is at a fetched commit');
  });
});

describe('monorepo paths', () => {
  const catalog = {
    services: [
      { name: 'checkout', team: 'payments', repositories: [{ repo: 'acme/mono', paths: ['services/checkout'] }] },
      { name: 'cart', team: 'shop', repositories: [{ repo: 'acme/mono', paths: ['services/cart'] }] },
    ],
  };
  const mono = { repo: 'acme/mono' };
  const changes = [
    commit('base', [], 0, { ...mono, files: ['README.md'] }),
    commit('co', ['base'], 1, { ...mono, files: ['services/checkout/pay.go'] }),
    commit('ca', ['co'], 2, { ...mono, files: ['services/cart/cart.go'] }),
    commit('both', ['ca'], 3, { ...mono, files: ['services/cart/x', 'services/checkout/y'] }),
    commit('nofiles', ['both'], 4, mono),
    commit('docs', ['nofiles'], 5, { ...mono, files: ['docs/readme.md'] }),
  ];

  it("a service's deployment ships only the changes touching its paths (or with unknown files)", () => {
    const result = run({
      catalog,
      changes,
      deployments: [
        deploy('co1', 'base', 1, { ...mono, service: 'checkout' }),
        deploy('ca1', 'base', 1, { ...mono, service: 'cart' }),
        deploy('co2', 'docs', 6, { ...mono, service: 'checkout' }),
        deploy('ca2', 'docs', 7, { ...mono, service: 'cart' }),
      ],
    });
    expect(shipped(result)).toEqual({
      co1: null,
      ca1: null,
      co2: ['co', 'both', 'nofiles'],
      ca2: ['ca', 'both', 'nofiles'],
    });
    expect(result.changes.filter((c) => c.service === 'checkout').every((c) => c.team === 'payments')).toBe(true);
  });
});
