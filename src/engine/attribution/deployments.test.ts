import fc from 'fast-check';
import { compileOptions } from './compiledOptions';
import {
  compareByFinish,
  isProductionDeployment,
  positionFinder,
  positionsByService,
  previousInEnvironment,
  splitAttempts,
} from './deployments';
import { deploy, at } from './testBuilders';

describe('isProductionDeployment', () => {
  const defaults = compileOptions();

  it('uses the environment pattern, case-insensitively', () => {
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'Production' }), defaults)).toBe(true);
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'prod' }), defaults)).toBe(true);
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'staging' }), defaults)).toBe(false);
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'preprod' }), defaults)).toBe(false);
  });

  it('applies the pipeline pattern to the title or ref when it is set', () => {
    const options = compileOptions({ pipelinePattern: '^deploy' });
    expect(isProductionDeployment(deploy('d', 's', 0, { title: 'Deploy web' }), options)).toBe(true);
    expect(isProductionDeployment(deploy('d', 's', 0, { title: 'build', ref: 'deploy/v2' }), options)).toBe(true);
    expect(isProductionDeployment(deploy('d', 's', 0, { title: 'smoke tests' }), options)).toBe(false);
    expect(isProductionDeployment(deploy('d', 's', 0), options)).toBe(false);
    expect(isProductionDeployment(deploy('d', 's', 0, { title: 'deploy', environment: 'qa' }), options)).toBe(false);
  });
});

describe('splitAttempts', () => {
  it('keeps successes apart from failed and cancelled attempts, ignoring in-progress ones', () => {
    const out = splitAttempts([
      deploy('ok', 'a', 1),
      deploy('failed', 'a', 2, { status: 'failure' }),
      deploy('cancelled', 'a', 3, { status: 'cancelled' }),
      deploy('running', 'a', 4, { status: 'in_progress' }),
    ]);
    expect(out.deployments.map((d) => d.id)).toEqual(['ok']);
    expect(out.failedAttempts.map((d) => d.id)).toEqual(['failed', 'cancelled']);
  });

  it('counts the jobs of one pipeline run for one service once, at the last finish', () => {
    const out = splitAttempts([
      deploy('eu', 'a', 2, { pipelineRunId: 'run-1', startedAt: at(1), changes: ['x'] }),
      deploy('us', 'a', 3, { pipelineRunId: 'run-1', startedAt: at(1.5), changes: ['x', 'y'], rollback: true }),
      deploy('other-service', 'a', 2.5, { pipelineRunId: 'run-1', service: 'api' }),
      deploy('next-run', 'b', 5, { pipelineRunId: 'run-2' }),
    ]);
    expect(out.deployments.map((d) => d.id)).toEqual(['other-service', 'us', 'next-run']);
    const merged = out.deployments[1];
    expect(merged.finishedAt).toBe(at(3));
    expect(merged.startedAt).toBe(at(1));
    expect(merged.changes).toEqual(['x', 'y']);
    expect(merged.rollback).toBe(true);
    expect(out.idAliases.get('eu')).toBe('us');
    expect(out.idAliases.get('us')).toBeUndefined();
    expect(out.idAliases.get('next-run')).toBeUndefined();
    expect(out.idAliases.size).toBe(1);
  });

  it('collapses failed jobs of a run into one failed attempt, separately from its successful jobs', () => {
    const out = splitAttempts([
      deploy('job-1', 'a', 1, { pipelineRunId: 'run-1', status: 'failure' }),
      deploy('job-2', 'a', 2, { pipelineRunId: 'run-1', status: 'cancelled' }),
      deploy('job-3', 'a', 3, { pipelineRunId: 'run-1' }),
    ]);
    expect(out.deployments.map((d) => d.id)).toEqual(['job-3']);
    expect(out.failedAttempts.map((d) => d.id)).toEqual(['job-2']);
  });

  it('sorts any number of deployments as compareByFinish orders them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { maxLength: 70 }), (specs) => {
        const list = specs.map(([hour, job], i) =>
          deploy(`d${(i * 7919) % 101}-${i}`, 'a', hour, job ? { pipelineRunId: `run-${i % 3}` } : {})
        );
        const expected = splitAttempts(list).deployments.slice().sort(compareByFinish);
        expect(splitAttempts(list).deployments).toEqual(expected);
        expect(splitAttempts(list.slice().reverse()).deployments).toEqual(expected);
      })
    );
  });

  it('sorts by finish with the id as tie-break, whatever the input order', () => {
    const list = [deploy('b', 'a', 1), deploy('a', 'a', 1), deploy('c', 'a', 0)];
    expect(splitAttempts(list).deployments.map((d) => d.id)).toEqual(['c', 'a', 'b']);
    expect(splitAttempts(list.reverse()).deployments.map((d) => d.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('previousInEnvironment and positionsByService', () => {
  const sorted = [
    deploy('eu1', 'a', 1, { environment: 'prod-eu' }),
    deploy('us1', 'a', 2, { environment: 'prod-us' }),
    deploy('api1', 'a', 3, { service: 'api', environment: 'prod-eu' }),
    deploy('eu2', 'b', 4, { environment: 'prod-eu' }),
    deploy('us2', 'b', 5, { environment: 'prod-us' }),
  ];

  it('gives the deployment live in the same service and environment just before', () => {
    expect(Array.from(previousInEnvironment(sorted))).toEqual([-1, -1, -1, 0, 1]);
  });

  it('lists positions per service in finish order', () => {
    expect(positionsByService(sorted)).toEqual(
      new Map([
        ['app', [0, 1, 3, 4]],
        ['api', [2]],
      ])
    );
  });
});

describe('a source that decided production itself', () => {
  it('wins over the environment and pipeline patterns', () => {
    const options = compileOptions({ pipelinePattern: '^deploy' });
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'prod-eu', production: true }), options)).toBe(
      true
    );
    expect(isProductionDeployment(deploy('d', 's', 0, { environment: 'production', production: false }), options)).toBe(
      false
    );
  });
});

describe('positionFinder', () => {
  it('answers announced ids, ids of collapsed jobs and ids never announced alike', () => {
    const sorted = ['d1', 'd2', 'd3', 'd4'].map((id, k) => deploy(id, `s${k}`, k));
    const aliases = new Map([['job-a', 'd3']]);
    const byAll = (id: string) => {
      const k = sorted.findIndex((d) => d.id === (aliases.get(id) ?? id));
      return k < 0 ? undefined : k;
    };
    const asked = ['d2', 'job-a', 'd3', 'd1', 'd4', 'nope', 'job-b'];
    for (const announced of [[], ['job-a', 'd2', 'nope'], ['d1', 'd2', 'd3', 'd4']]) {
      const positionOf = positionFinder(sorted, aliases, announced);
      expect(asked.map(positionOf)).toEqual(asked.map(byAll));
    }
  });
});
