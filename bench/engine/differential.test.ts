/** @jest-environment node */
/**
 * CI's copy of the benchmark, at 1/100 scale and without timing: the engine and the SQL peer (DuckDB) must agree
 * on every weekly-per-service number and the team scorecard, on generated organisations that exercise every rule
 * (rollbacks and roll-forwards, hotfixes, reverts, fix-forwards, pipeline jobs, the incident link cascade), and on
 * the groupings beyond service: severity, pull request label, and teams sharing a service.
 */
import { Attributed, EngineOptions, HOUR_MS, withDefaults } from '../../src/engine';
import { ALL_COMPARED, compareFigures, describeDisagreements, GROUPED_COMPARISONS, groupedName } from './compare';
import { AncestrySql, openSqlPeer } from './duckdb/run';
import { groupedWeekly, runEngine } from './engineRun';
import { scorecardFigures, weeklyFromSeries } from './figures';
import { evaluationInstant, generateOrg } from './generate';

const SCALE = 0.01;

async function differential(seed: number, options: EngineOptions, ancestry: AncestrySql = 'loop') {
  const org = generateOrg({ scale: SCALE, seed });
  const engine = runEngine(org.events, org.range, options, evaluationInstant(org));
  const peer = await openSqlPeer(org.events, org.range, options, ancestry);
  try {
    const run = await peer.run();
    const engineFigures = {
      weekly: [...weeklyFromSeries(engine.series), ...groupedWeekly(engine.attributed, org.range)],
      scorecard: scorecardFigures(engine.scorecard),
    };
    const sql = { weekly: [...run.weekly, ...run.grouped], scorecard: run.scorecard };
    const comparison = compareFigures(engineFigures, sql, ALL_COMPARED);
    return { engine, engineFigures, sql, comparison, range: org.range };
  } finally {
    peer.close();
  }
}

/** How often each rule fired, so a test can insist the data exercised it. */
function ruleCounts(a: Attributed): Record<string, number> {
  const counts: Record<string, number> = {};
  const bump = (key: string) => (counts[key] = (counts[key] || 0) + 1);
  for (const d of a.deployments) {
    d.failureReasons.forEach((r) => bump(`failed:${r}`));
    d.reworkReasons.forEach((r) => bump(`rework:${r}`));
    bump(`changes:${d.changeMethod}`);
    if (d.isRedeploy) {
      bump('redeploy');
    }
    if (d.recoveryMs !== undefined && d.recoveryMs !== null) {
      bump('recovered');
    }
  }
  for (const i of a.incidents) {
    bump(`link:${i.link.method}`);
  }
  return counts;
}

describe('engine and SQL (DuckDB) agree at 1/100 scale', () => {
  jest.setTimeout(120_000);

  it.each<[string, number, EngineOptions, AncestrySql]>([
    ['default options, seed 42', 42, withDefaults({}), 'loop'],
    [
      '6 h link window, rollbacks not rework, seed 7',
      7,
      withDefaults({ incidentLinkWindowMs: 6 * HOUR_MS, rollbacksAreRework: false }),
      'loop',
    ],
    ['default options, seed 11, ancestry as one recursive CTE', 11, withDefaults({}), 'recursive'],
  ])('%s', async (_name, seed, options, ancestry) => {
    const { engine, engineFigures, sql, comparison, range } = await differential(seed, options, ancestry);

    expect(describeDisagreements(comparison, 20)).toEqual([]);
    expect(comparison.disagreements).toHaveLength(0);

    // Not vacuous: every compared metric has numbers on both sides, and the scorecard has teams.
    for (const metric of ALL_COMPARED) {
      expect({ metric, engine: engineFigures.weekly.some((p) => p.metric === metric) }).toEqual({
        metric,
        engine: true,
      });
      expect({ metric, sql: sql.weekly.some((p) => p.metric === metric) }).toEqual({ metric, sql: true });
    }
    expect(sql.scorecard.length).toBeGreaterThanOrEqual(2);
    // The groupings have several groups each, unknown ones included (an incident without severity, a change
    // without labels), and a change counted under two labels.
    const groupsOf = (name: string) => new Set(sql.weekly.filter((p) => p.metric === name).map((p) => p.group));
    for (const [metric, groupBy] of GROUPED_COMPARISONS) {
      expect({ metric, groupBy, groups: groupsOf(groupedName(metric, groupBy)).size >= 2 }).toMatchObject({
        groups: true,
      });
    }
    expect(groupsOf('timeToRestore by severity')).toEqual(new Set(['sev1', 'sev2', 'sev3', '(unknown)']));
    expect(groupsOf('leadTime by label')).toEqual(new Set(['security', 'deps', '(unknown)']));
    // Teams sharing services: the team totals exceed the organisation's deployments.
    const byTeam = sql.scorecard.reduce((sum, row) => sum + row.deployments, 0);
    const organisation = engine.attributed.deployments.filter(
      (d) => d.deployment.finishedAt >= range.from && d.deployment.finishedAt < range.to
    ).length;
    expect(byTeam).toBeGreaterThan(organisation);
    expect(comparison.compared).toBeGreaterThan(3000);

    // The generated history reaches every rule the SQL re-implements.
    const fired = ruleCounts(engine.attributed);
    for (const rule of [
      'failed:incident',
      'failed:rolled-back',
      'failed:hotfix',
      'failed:revert',
      'failed:fix-forward',
      'rework:hotfix',
      'rework:revert',
      'rework:fix-forward',
      'changes:ancestry',
      'changes:unknown',
      'redeploy',
      'recovered',
      'link:explicit',
      'link:service-window',
      'link:none',
    ]) {
      expect({ rule, fired: (fired[rule] || 0) > 0 }).toEqual({ rule, fired: true });
    }
    expect((fired['rework:rollback'] || 0) > 0).toBe(options.rollbacksAreRework);
  });

  it('reports a changed number as a disagreement with its key', async () => {
    const { engineFigures, sql } = await differential(42, withDefaults({}));
    const lead = sql.weekly.findIndex((p) => p.metric === 'leadTime' && p.value !== null);
    const tampered = sql.weekly.slice();
    tampered[lead] = { ...tampered[lead], value: (tampered[lead].value as number) + 1500 };
    const comparison = compareFigures(engineFigures, { ...sql, weekly: tampered }, ALL_COMPARED);
    expect(comparison.disagreements).toHaveLength(1);
    expect(comparison.disagreements[0].key).toMatch(/^leadTime svc-\d{3} \d{4}-\d{2}-\d{2} value$/);
    // A grouped number too: one severity's failures miscounted.
    const cfr = sql.weekly.findIndex((p) => p.metric === 'changeFailRate by severity' && (p.value as number) > 0);
    const miscounted = sql.weekly.slice();
    miscounted[cfr] = { ...miscounted[cfr], value: (miscounted[cfr].value as number) / 2 };
    const grouped = compareFigures(engineFigures, { ...sql, weekly: miscounted }, ALL_COMPARED);
    expect(grouped.disagreements.map((d) => d.key)).toEqual([
      expect.stringMatching(/^changeFailRate by severity (sev\d|\(unknown\)) \d{4}-\d{2}-\d{2} value$/),
    ]);
  });
});
