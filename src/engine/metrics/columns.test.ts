import { UTC } from '../time';
import { groupColumn, attributedColumns, narrowIds } from './columns';
import { Grouping } from './dimensions';
import { computeScorecard } from './scorecard';
import { at, attributed, change, deployment, T0 } from './testing';

describe('narrowIds', () => {
  it('keeps indexes in 2 bytes when all 65,536 possible ones fit, and in 4 beyond', () => {
    const ids = Int32Array.of(0, 65535, 7);
    const narrow = narrowIds(ids, 65536);
    expect(narrow).toBeInstanceOf(Uint16Array);
    expect(Array.from(narrow)).toEqual([0, 65535, 7]);
    const wide = Int32Array.of(0, 65536, 7);
    expect(narrowIds(wide, 65537)).toBe(wide);
  });

  it('groups more than 65,536 values (a deployment per repository) without wrapping their indexes', () => {
    const count = 65540;
    const a = attributed({
      deployments: Array.from({ length: count }, (_, k) =>
        deployment({ finishedAt: at(1 + k / count), service: 'web', repo: `acme/r${k}` })
      ),
    });
    const columns = attributedColumns(a);
    const byRepo = groupColumn(columns.deployments, new Grouping('repository', undefined), 'all');
    expect(byRepo.values).toBeInstanceOf(Int32Array);
    expect(byRepo.names).toHaveLength(count);
    expect(byRepo.names[byRepo.values[count - 1]]).toBe(`acme/r${count - 1}`);
    const byService = groupColumn(columns.deployments, new Grouping('service', undefined), 'all');
    expect(byService.values).toBeInstanceOf(Uint16Array);
  });

  it('gives changes a 2-byte service column too', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(1), service: 'web', team: 'front' })],
      changes: [change({ deployedAt: at(1), leadTimeMs: 5, service: 'web' })],
    });
    const byService = groupColumn(attributedColumns(a).changes, new Grouping('service', undefined), 'all');
    expect(byService.values).toBeInstanceOf(Uint16Array);
    expect(Array.from(byService.values)).toEqual([0]);
    expect(byService.names).toEqual(['web']);
  });
});

describe('scorecard columns', () => {
  it('interns dimension values, unknown ones as (unknown), and maps filters to -1', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'web', team: 'front' }),
        deployment({ finishedAt: at(2), service: 'api' }),
        deployment({ finishedAt: at(3), service: 'web', team: 'front' }),
      ],
    });
    const columns = attributedColumns(a);
    const byTeam = groupColumn(columns.deployments, new Grouping('team', undefined), 'all');
    expect(byTeam.names).toEqual(['front', '(unknown)']);
    expect(Array.from(byTeam.values)).toEqual([0, 1, 0]);
    const filtered = groupColumn(columns.deployments, new Grouping('none', { services: ['api'] }), 'all');
    expect(filtered.names).toEqual(['all']);
    expect(Array.from(filtered.values)).toEqual([-1, 0, -1]);
  });

  it('is built once per Attributed object and rebuilt when a list is replaced or grows', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(1) })],
      changes: [change({ deployedAt: at(1), leadTimeMs: 5 })],
    });
    const first = attributedColumns(a);
    expect(attributedColumns(a)).toBe(first);
    a.changes.push(change({ deployedAt: at(2), leadTimeMs: 7 }));
    const second = attributedColumns(a);
    expect(second).not.toBe(first);
    expect(Array.from(second.leadTimeMs)).toEqual([5, 7]);
    a.deployments = [];
    expect(attributedColumns(a).deployedAt).toHaveLength(0);
    const [row] = computeScorecard(a, { groupBy: 'none', range: { from: T0, to: at(7) }, zone: UTC });
    expect(row).toMatchObject({ deployments: 0, leadTimeMedianMs: 6 });
  });

  it('gives the same rows when regrouping the same history repeatedly', () => {
    const a = attributed({
      deployments: [
        deployment({ finishedAt: at(1), service: 'a' }),
        deployment({ finishedAt: at(2), service: 'b', failed: true }),
      ],
      changes: [
        change({ deployedAt: at(1), leadTimeMs: 10, service: 'a' }),
        change({ deployedAt: at(2), leadTimeMs: 30, service: 'b' }),
      ],
    });
    const request = { range: { from: T0, to: at(7) }, zone: UTC };
    const byService = computeScorecard(a, { ...request, groupBy: 'service' });
    const all = computeScorecard(a, { ...request, groupBy: 'none' });
    expect(computeScorecard(a, { ...request, groupBy: 'service' })).toEqual(byService);
    expect(all[0]).toMatchObject({ deployments: 2, changeFailRate: 0.5, leadTimeMedianMs: 20 });
    expect(byService.map((r) => [r.group, r.changeFailRate, r.leadTimeMedianMs])).toEqual([
      ['a', 0, 10],
      ['b', 1, 30],
    ]);
  });
});

describe('scorecard columns cache', () => {
  it('lives on the result, unseen by JSON and by comparisons', () => {
    const a = attributed({ deployments: [deployment({ finishedAt: at(1) })] });
    const before = JSON.stringify(a);
    const columns = attributedColumns(a);
    expect(Object.keys(a)).not.toContain('__attributedColumns');
    expect(JSON.stringify(a)).toBe(before);
    expect(a).toEqual(attributed({ deployments: [a.deployments[0]] }));
    expect(attributedColumns(a)).toBe(columns);
  });
});
