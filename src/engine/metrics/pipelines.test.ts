/** Build success rate, flaky rerun rate, pipeline duration and deployment duration. */
import { HOUR_MS } from '../options';
import { computeMetric } from './index';
import { at, attributed, deployment, request, run } from './testing';

const MIN = 60 * 1000;

describe('build success rate', () => {
  it('is successes / completed runs, cancelled and skipped left out, bucketed by finish', () => {
    const a = attributed({
      pipelineRuns: [
        run({ startedAt: at(0, 23), finishedAt: at(1, 1) }),
        run({ startedAt: at(1), finishedAt: at(1, 1), conclusion: 'failure' }),
        run({ startedAt: at(1), finishedAt: at(1, 1), conclusion: 'cancelled' }),
        run({ startedAt: at(1), finishedAt: at(1, 1), conclusion: 'skipped' }),
        run({ startedAt: at(1), conclusion: 'in_progress' }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'buildSuccessRate' }));
    expect(series.points.slice(0, 2).map((p) => [p.value, p.count])).toEqual([
      [null, 0],
      [0.5, 2],
    ]);
  });

  it('groups runs by attribution service, else the one service deploying from the repository', () => {
    const a = attributed({
      deployments: [deployment({ finishedAt: at(-3), service: 'api', repo: 'acme/api' })],
      pipelineRuns: [
        run({ startedAt: at(1), finishedAt: at(1, 1), repo: 'acme/api' }),
        run({ startedAt: at(1), finishedAt: at(1, 1), repo: 'acme/mono', service: 'web', conclusion: 'failure' }),
        run({ startedAt: at(1), finishedAt: at(1, 1), repo: 'acme/tools' }),
      ],
    });
    const byService = computeMetric(a, request({ metric: 'buildSuccessRate', bucket: 'range', groupBy: 'service' }));
    expect(byService.map((s) => [s.group, s.points[0].value])).toEqual([
      ['(unknown)', 1],
      ['api', 1],
      ['web', 0],
    ]);
  });
});

describe('flaky rerun rate', () => {
  it('is flaky runs / completed runs', () => {
    const a = attributed({
      pipelineRuns: [
        run({ startedAt: at(2), finishedAt: at(2, 1), conclusion: 'failure', flaky: true }),
        run({ startedAt: at(2, 1), finishedAt: at(2, 2), attempt: 2 }),
        run({ startedAt: at(2, 1), finishedAt: at(2, 2) }),
        run({ startedAt: at(2, 1), finishedAt: at(2, 2) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'flakyRerunRate', bucket: 'range' }));
    expect(series.points[0]).toMatchObject({ value: 0.25, count: 4 });
  });
});

describe('pipeline duration', () => {
  it('is the median of finish - start of successful runs', () => {
    const a = attributed({
      pipelineRuns: [
        run({ startedAt: at(1), finishedAt: at(1) + 10 * MIN }),
        run({ startedAt: at(1), finishedAt: at(1) + 20 * MIN }),
        run({ startedAt: at(1), finishedAt: at(1) + 90 * MIN, conclusion: 'failure' }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'pipelineDuration', bucket: 'range' }));
    expect(series.points[0]).toMatchObject({ value: 15 * MIN, count: 2 });
  });
});

describe('deployment duration', () => {
  it('is the median of finish - start of deployments that report a start', () => {
    const a = attributed({
      deployments: [
        deployment({ startedAt: at(1), finishedAt: at(1) + 4 * MIN }),
        deployment({ startedAt: at(1), finishedAt: at(1) + 6 * MIN }),
        deployment({ startedAt: at(1), finishedAt: at(1) + HOUR_MS }),
        deployment({ finishedAt: at(1, 3) }),
      ],
    });
    const [series] = computeMetric(a, request({ metric: 'deploymentDuration', bucket: 'range' }));
    expect(series.points[0]).toMatchObject({ value: 6 * MIN, count: 3 });
  });
});
