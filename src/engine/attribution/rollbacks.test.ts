import { attribute } from './index';
import { chain, commit, deploy, events, NOW } from './testBuilders';
import { Attributed } from './types';
import { Deployment } from '../model';

const run = (deployments: Deployment[], changes = chain('c', 6)) =>
  attribute(events({ changes, deployments }), {}, NOW);
const rollbacks = (result: Attributed) =>
  result.deployments.filter((d) => d.isRollback).map((d) => [d.deployment.id, d.rollbackOf ?? null]);
const failed = (result: Attributed) =>
  result.deployments.filter((d) => d.failed).map((d) => [d.deployment.id, d.failureReasons]);

describe('rollbacks', () => {
  it('going back to an ancestor of the live SHA rolls back the live deployment, which is failed', () => {
    const result = run([deploy('d1', 'c2', 2), deploy('d2', 'c5', 6), deploy('d3', 'c3', 7)]);
    expect(rollbacks(result)).toEqual([['d3', 'd2']]);
    expect(failed(result)).toEqual([['d2', ['rolled-back']]]);
    const d3 = result.deployments[2];
    expect(d3.changeShas).toEqual([]);
    expect(d3.isRework).toBe(true);
    expect(d3.reworkReasons).toEqual(['rollback']);
  });

  it('going back to the exact SHA of an earlier deployment is a rollback', () => {
    const result = run([deploy('d1', 'c2', 2), deploy('d2', 'c5', 6), deploy('d3', 'c2', 7)]);
    expect(rollbacks(result)).toEqual([['d3', 'd2']]);
  });

  it('also when that SHA was never fetched', () => {
    const result = run([deploy('d1', 'x1', 2), deploy('d2', 'x2', 6), deploy('d3', 'x1', 7)], []);
    expect(rollbacks(result)).toEqual([['d3', 'd2']]);
  });

  it('moving forward again to an already shipped SHA after a rollback is not a rollback', () => {
    const result = run([deploy('d1', 'c2', 2), deploy('d2', 'c5', 6), deploy('d3', 'c3', 7), deploy('d4', 'c5', 8)]);
    expect(rollbacks(result)).toEqual([['d3', 'd2']]);
    expect(result.deployments[3].changeShas).toEqual([]);
    expect(result.deployments[3].isRedeploy).toBe(false);
  });

  it('a redeploy of the live SHA and a deployment of new commits are not rollbacks', () => {
    const result = run([deploy('d1', 'c2', 2), deploy('d2', 'c2', 3), deploy('d3', 'c4', 5)]);
    expect(rollbacks(result)).toEqual([]);
    expect(failed(result)).toEqual([]);
  });

  it('the first deployment in an environment is not a rollback, even at an old SHA', () => {
    const result = attribute(
      events({
        changes: chain('c', 6),
        deployments: [
          deploy('eu1', 'c2', 2, { environment: 'prod-eu' }),
          deploy('eu2', 'c5', 4, { environment: 'prod-eu' }),
          deploy('us1', 'c2', 5, { environment: 'prod-us' }),
        ],
      }),
      { productionEnvironmentPattern: '^prod-' },
      NOW
    );
    expect(rollbacks(result)).toEqual([]);
  });

  it('a rollback in one environment fails the deployment live there only', () => {
    const result = attribute(
      events({
        changes: chain('c', 6),
        deployments: [
          deploy('eu1', 'c2', 1, { environment: 'prod-eu' }),
          deploy('us1', 'c2', 2, { environment: 'prod-us' }),
          deploy('eu2', 'c5', 3, { environment: 'prod-eu' }),
          deploy('us2', 'c5', 4, { environment: 'prod-us' }),
          deploy('us3', 'c2', 5, { environment: 'prod-us' }),
        ],
      }),
      { productionEnvironmentPattern: '^prod-' },
      NOW
    );
    expect(rollbacks(result)).toEqual([['us3', 'us2']]);
    expect(failed(result)).toEqual([['us2', ['rolled-back']]]);
  });

  it('the provider hint makes a rollback of whatever was live before it', () => {
    const result = run([deploy('d1', 'c2', 2), deploy('d2', 'c4', 4), deploy('d3', 'c6', 6, { rollback: true })]);
    expect(rollbacks(result)).toEqual([['d3', 'd2']]);
    expect(failed(result)).toEqual([['d2', ['rolled-back']]]);
    expect(result.deployments[2].changeShas).toEqual(['c5', 'c6']);
  });

  it('a hinted rollback with nothing live before it fails nothing', () => {
    const result = run([deploy('d1', 'c2', 2, { rollback: true })]);
    expect(rollbacks(result)).toEqual([['d1', null]]);
    expect(failed(result)).toEqual([]);
  });

  it('going back to another branch shipped earlier is a rollback; the live SHA is not its ancestor', () => {
    // c2 <- b1 (a branch deployed, then main moved on to c4, then back to b1)
    const changes = [...chain('c', 4), commit('b1', ['c2'], 2.5)];
    const result = run(
      [deploy('d1', 'c2', 2), deploy('d2', 'b1', 3), deploy('d3', 'c4', 5), deploy('d4', 'b1', 6)],
      changes
    );
    expect(rollbacks(result)).toEqual([['d4', 'd3']]);
  });

  it('with rollbacksAreRework off, a rollback still fails what it replaced but is not rework', () => {
    const result = attribute(
      events({
        changes: chain('c', 6),
        deployments: [deploy('d1', 'c2', 2), deploy('d2', 'c5', 6), deploy('d3', 'c3', 7)],
      }),
      { rollbacksAreRework: false },
      NOW
    );
    expect(result.deployments[2].isRollback).toBe(true);
    expect(result.deployments[2].isRework).toBe(false);
    expect(result.deployments[1].failed).toBe(true);
  });
});
