/**
 * From fake GitHub answers to frames: GitHubSource -> attribute -> computeScorecard / computeMetric -> frames,
 * on the hand-made week of testing/scenario.ts. Every expected number is worked out by hand below.
 * Runs in jest's default jsdom environment (the frames need it); the loopback fake and Node HTTP client work there.
 */
import { attribute, computeMetric, computeScorecard, DEFAULT_BENCHMARK_YEAR, UTC } from '../../engine';
import { describeFrames } from '../../datasource/compute';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { EtagCache } from '../etagCache';
import { SnapshotStore } from './snapshot';
import { GitHubSource } from './source';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SHA, shopWorld, T0 } from './testing/scenario';
import { FakeGitHub, startFakeGitHub } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

describe('GitHub end to end: fake GitHub -> engine -> frames', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub(shopWorld());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked DORA numbers for the scenario week', async () => {
    const source = new GitHubSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, repositories: 'acme/shop' },
      now: () => WEEK.to,
      etagCache: new EtagCache(),
      snapshots: new SnapshotStore(),
    });
    // The data source widens the dashboard range by the look-back (30 days) before asking sources.
    const { events, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    const attributed = attribute(events, {}, WEEK.to);

    // Deployments finishing in the week: 901 (T0+1d 12:30), 902 (T0+2d 11:20), 904 (T0+3d 09:40); 903 failed.
    // Lead times (commit time -> first production deployment containing it):
    //   c1 09:00 -> 12:30 = 210 min, c2 11:00 -> 12:30 = 90, c3 10:00 -> 11:20 = 80, m3 10:05 -> 11:20 = 75,
    //   c4 09:00 -> 09:40 = 40  => median 80 min.
    // Incident #10 names c3 (shipped by 902): 902 failed => change fail rate 1/3.
    // Rework: 904 ships the revert of "Add feature X" => 1/3.
    // Recovery of 902: impact start T0+2d 12:45 -> incident closed 15:00 (before the fix deploy) = 135 min.
    // Time to restore of #10: 12:45 -> 15:00 = 135 min.
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
    expect(row).toMatchObject({
      deployments: 3,
      deploymentsPerWeek: 3,
      leadTimeMedianMs: 80 * MIN,
      changeFailRate: 1 / 3,
      recoveryMedianMs: 135 * MIN,
      timeToRestoreMedianMs: 135 * MIN,
      reworkRate: 1 / 3,
    });
    expect(row.deploymentsPerDay).toBeCloseTo(3 / 7, 10);

    const frame = scorecardFrame([row], 'A', 'none');
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(value('Deployments')).toBe(3);
    expect(value('Lead time (median)')).toBe(80 * MIN);
    expect(value('Change fail rate')).toBeCloseTo(1 / 3, 10);
    expect(value('Recovery time (median)')).toBe(135 * MIN);

    // The on-call dashboard's deployment stream (an events table of deployments), newest first: each deployment's
    // outcome (902 failed: incident #10 names c3) and the authors of the changes it shipped, each once in commit order
    // (901: c1, PR #1's squash commit, by PR #1's author alice though dana merged it, then c2 by a git name no GitHub
    // account claims; 902: c3 carol, and the merge commit m3 of her PR #2; 904: the revert c4 carol).
    const table = (entity: 'deployments' | 'changes', ...columns: string[]) => {
      const [frame] = describeFrames({ refId: 'C', kind: 'events', entity, format: 'table', filters: {} }, attributed, {
        range: WEEK,
        zone: UTC,
        benchmarkYear: DEFAULT_BENCHMARK_YEAR,
        extraFindings: [],
      });
      const fields = columns.map((name) => frame.fields.find((f) => f.name === name)!.values);
      return fields[0].map((_, row) => fields.map((values) => values[row]));
    };
    expect(table('deployments', 'Deployment', 'Outcome', 'Authors')).toEqual([
      ['github:acme/shop:deployment:904', 'success', 'carol'],
      ['github:acme/shop:deployment:902', 'failed', 'carol'],
      ['github:acme/shop:deployment:901', 'success', 'alice, Bob Builder'],
    ]);
    // The changes table names each change's author (newest deployment first, then the latest commit).
    expect(table('changes', 'SHA', 'Author')).toEqual([
      [SHA.c4, 'carol'],
      [SHA.m3, 'carol'],
      [SHA.c3, 'carol'],
      [SHA.c2, 'Bob Builder'],
      [SHA.c1, 'alice'],
    ]);

    // Deployments per day: one on each of Tuesday, Wednesday, Thursday.
    const series = computeMetric(attributed, {
      metric: 'deploymentCount',
      aggregation: 'count',
      bucket: 'day',
      groupBy: 'none',
      range: WEEK,
      zone: UTC,
    });
    const [perDay] = metricFrames(series, { refId: 'B', groupBy: 'none', aggregation: 'count' });
    const times = perDay.fields[0].values as number[];
    const counts = perDay.fields[1].values as Array<number | null>;
    const byDay = times.map((t, i) => [(t - T0) / DAY, counts[i]]);
    expect(byDay.filter(([, c]) => c)).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);

    // Build success rate counts attempts: 101#1 fail, 101#2 ok, 102 ok, 103 fail, 105 ok (104 cancelled) = 3/5;
    // flaky re-runs: 101 failed then passed on a re-run of the same SHA and workflow.
    const flaky = attributed.pipelineRuns.filter((r) => r.flaky).map((r) => r.run.id);
    expect(flaky).toEqual(['github:acme/shop:run:101:1']);
  });
});
