/**
 * From fake GitLab answers to frames: GitLabSource -> attribute -> computeScorecard / computeMetric -> frames, on the
 * hand-made week of testing/scenario.ts (a squash merge, a fast-forward merge, a revert, a retried job, two jobs of
 * one pipeline deploying one service). Every expected number is worked out by hand below.
 */
import { attribute, computeMetric, computeScorecard, deploymentContexts, selectDeployments, UTC } from '../../engine';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';
import { EtagCache } from '../etagCache';
import { nodeHttpClient } from '../testing/nodeHttp';
import { SnapshotStore } from './snapshot';
import { GitLabSource } from './source';
import { PROJECT, SHA, shopWorld, T0 } from './testing/scenario';
import { FakeGitLab, startFakeGitLab } from './testing/server';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const WEEK = { from: T0, to: T0 + 7 * DAY };

describe('GitLab end to end: fake GitLab -> engine -> frames', () => {
  let fake: FakeGitLab;
  beforeAll(async () => {
    fake = await startFakeGitLab(shopWorld());
  });
  afterAll(() => fake.close());

  it('gives the hand-checked DORA numbers for the scenario week', async () => {
    const source = new GitLabSource({
      http: nodeHttpClient(),
      proxyUrl: fake.url,
      settings: { enabled: true, projects: PROJECT },
      now: () => WEEK.to,
      etagCache: new EtagCache(),
      snapshots: new SnapshotStore(),
    });
    // The data source widens the dashboard range by the look-back (30 days) before asking sources.
    const { events, notices } = await source.fetchEvents({ from: WEEK.from - 30 * DAY, to: WEEK.to });
    expect(notices).toEqual([]);
    const attributed = attribute(events, {}, WEEK.to);

    // Deployments finishing in the week: 2 (T0+1d 12:30), pipeline 502's two jobs as one (T0+2d 11:20), 6 (T0+3d
    // 09:40); 5 failed. Lead times (commit time -> first production deployment containing it):
    //   s1 09:00 -> 12:30 = 210 min (squash commit), c2 11:00 -> 12:30 = 90, f1 09:30 -> 11:20 = 110,
    //   f2 09:40 -> 11:20 = 100 (fast-forward merge), c4 09:00 -> 09:40 = 40  => median 100 min.
    // Incident #10 names !2, shipped by pipeline 502: that deployment failed => change fail rate 1/3.
    // Rework: deployment 6 ships the revert of "Add feature X" => 1/3.
    // Recovery of pipeline 502's deployment: impact start T0+2d 12:45 -> incident closed 15:00 = 135 min.
    // Incident #12 was closed as a duplicate: not counted.
    const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
    expect(row).toMatchObject({
      deployments: 3,
      deploymentsPerWeek: 3,
      leadTimeMedianMs: 100 * MIN,
      changeFailRate: 1 / 3,
      recoveryMedianMs: 135 * MIN,
      timeToRestoreMedianMs: 135 * MIN,
      reworkRate: 1 / 3,
    });

    const frame = scorecardFrame([row], 'A', 'none');
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(value('Deployments')).toBe(3);
    expect(value('Lead time (median)')).toBe(100 * MIN);
    expect(value('Change fail rate')).toBeCloseTo(1 / 3, 10);
    expect(value('Recovery time (median)')).toBe(135 * MIN);

    // Squash merge: s1 carries !1; fast-forward merge: f1 and f2 carry !2, whose first commit was authored T0+1d 14:00.
    const change = (sha: string) => attributed.changes.find((c) => c.change.sha === sha)!;
    expect(change(SHA.s1).change.pullRequest?.number).toBe(1);
    expect(change(SHA.f1).change.pullRequest?.number).toBe(2);
    expect(change(SHA.f2).change.pullRequest).toMatchObject({ number: 2, firstCommitAt: T0 + DAY + 14 * 60 * MIN });
    // With lead time from the first commit of the merge request: s1 starts T0 10:00 (the squashed commit's authoring).
    const fromFirstCommit = attribute(events, { leadTimeStart: 'prFirstCommit' }, WEEK.to);
    const s1 = fromFirstCommit.changes.find((c) => c.change.sha === SHA.s1)!;
    expect(s1.leadTimeMs).toBe(26 * 60 * MIN + 30 * MIN);

    // The deployment stream's authors: the git author names of the changes each deployment shipped, in commit order.
    const contexts = deploymentContexts(attributed);
    expect(selectDeployments(attributed, WEEK).map((d) => contexts[d.deployment.id].authors)).toEqual([
      ['Alice', 'Bob'],
      ['Alice'],
      ['Carol'],
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
    expect(times.map((t, i) => [(t - T0) / DAY, counts[i]]).filter(([, c]) => c)).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);

    // Pipelines: 501 failed once (its test job was retried) then passed; 503 failed and 504, a new pipeline for the
    // same SHA, passed: both are flaky re-runs. Build success: 500, 501#2, 502, 504, 505 of 7 completed runs.
    const flaky = attributed.pipelineRuns.filter((r) => r.flaky).map((r) => r.run.id);
    expect(flaky.sort()).toEqual([`gitlab:${PROJECT}:pipeline:501:1`, `gitlab:${PROJECT}:pipeline:503:1`]);
    const runs = attributed.pipelineRuns.map((r) => r.run);
    expect(runs.filter((r) => r.conclusion === 'success')).toHaveLength(5);
    expect(runs.filter((r) => r.conclusion === 'failure')).toHaveLength(2);
  });
});
