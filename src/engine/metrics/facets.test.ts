import { deploymentIds, selectAll, selectChanges, selectIncidents, selectDeployments } from '../select';
import { UTC } from '../time';
import { computeMetric } from './index';
import { computeScorecard } from './scorecard';
import { at, attributed, change, deployment, incident, request, run, T0 } from './testing';
import { EngineInputError } from '../attribution/inputError';

const H = 3600 * 1000;
const range = { from: T0, to: at(7) };

function labelled(labels: string[] | undefined, leadTimeMs: number) {
  const item = change({ deployedAt: at(2), leadTimeMs });
  if (labels) {
    item.change.pullRequest = { number: leadTimeMs, labels };
  }
  return item;
}

describe('severity and label filters (facets of incidents and changes)', () => {
  const sev1 = incident({ createdAt: at(1), resolvedAt: at(1) + 4 * H, severity: 'sev1', labels: ['urgency:high'] });
  const sev3 = incident({ createdAt: at(2), resolvedAt: at(2) + H, severity: 'sev3', labels: ['security'] });
  const unknown = incident({ createdAt: at(3), resolvedAt: at(3) + 2 * H });
  const security = labelled(['security', 'backend'], 10 * H);
  const feature = labelled(['feature'], 2 * H);
  const noPr = labelled(undefined, 3 * H);
  const shipped = deployment({ finishedAt: at(2) });
  const data = attributed({
    incidents: [sev1, sev3, unknown],
    changes: [security, feature, noPr],
    deployments: [shipped],
  });
  const value = (metric: 'timeToRestore' | 'leadTime' | 'deploymentCount', filters: object) =>
    computeMetric(data, request({ metric, bucket: 'range', range, filters }))[0].points[0];

  it('keeps only incidents of the chosen severities ("(unknown)" for none), in metrics and tables alike', () => {
    expect(value('timeToRestore', { severities: ['sev1'] })).toMatchObject({ value: 4 * H, count: 1 });
    expect(value('timeToRestore', { severities: ['sev1', 'sev3'] }).count).toBe(2);
    expect(selectIncidents(data, range, { severities: ['sev3'] })).toEqual([sev3]);
    expect(selectIncidents(data, range, { severities: ['(unknown)'] })).toEqual([unknown]);
  });

  it('keeps only changes whose pull request has one of the labels (a change without one has none)', () => {
    expect(value('leadTime', { labels: ['security'] })).toMatchObject({ value: 10 * H, count: 1 });
    expect(value('leadTime', { labels: ['security', 'feature'] }).count).toBe(2);
    expect(selectChanges(data, range, { labels: ['feature'] })).toEqual([feature]);
  });

  it('keeps only incidents that have one of the labels, and matches a name pull requests and incidents share', () => {
    expect(value('timeToRestore', { labels: ['urgency:high'] })).toMatchObject({ value: 4 * H, count: 1 });
    expect(selectIncidents(data, range, { labels: ['security', 'urgency:high'] })).toEqual([sev1, sev3]);
    // security labels a pull request and an incident: both pass.
    expect(selectAll(data, range, { labels: ['security'] })).toMatchObject({ changes: [security], incidents: [sev3] });
  });

  it('leaves the other kinds of item alone: deployments pass a severity or label filter', () => {
    expect(value('deploymentCount', { severities: ['sev1'], labels: ['security'] }).value).toBe(1);
    expect(selectDeployments(data, range, { severities: ['sev1'] })).toEqual([shipped]);
    expect(selectDeployments(data, range, { labels: ['urgency:high'] })).toEqual([shipped]);
    // A severity filter leaves changes alone.
    expect(value('leadTime', { severities: ['sev1'] }).count).toBe(3);
  });

  it('applies to the scorecard as to the metrics', () => {
    const [row] = computeScorecard(data, {
      groupBy: 'none',
      range,
      zone: UTC,
      filters: { severities: ['sev3'], labels: ['security'] },
    });
    expect(row.timeToRestoreMedianMs).toBe(H);
    expect(row.leadTimeMedianMs).toBe(10 * H);
    expect(row.deployments).toBe(1);
  });

  it('rejects a filter that is not a list', () => {
    expect(() => value('timeToRestore', { severities: 'sev1' })).toThrow(EngineInputError);
  });
});

describe('deployments filter (one deployment and what belongs to it)', () => {
  const chosen = deployment({ id: 'chosen', finishedAt: at(2) });
  const other = deployment({ id: 'other', finishedAt: at(3) });
  const itsChange = change({ deployedAt: at(2), leadTimeMs: H, deploymentId: 'chosen' });
  const otherChange = change({ deployedAt: at(3), leadTimeMs: 2 * H, deploymentId: 'other' });
  const linked = incident({ createdAt: at(2) + H, resolvedAt: at(2) + 2 * H, deploymentId: 'chosen' });
  const unlinked = incident({ createdAt: at(4), resolvedAt: at(4) + H });
  const data = attributed({
    deployments: [chosen, other],
    changes: [itsChange, otherChange],
    incidents: [linked, unlinked],
  });
  const filters = { deployments: ['chosen'] };

  it('keeps the deployment, the changes it shipped and the incidents linked to it', () => {
    expect(selectDeployments(data, range, filters)).toEqual([chosen]);
    expect(selectChanges(data, range, filters)).toEqual([itsChange]);
    expect(selectIncidents(data, range, filters)).toEqual([linked]);
    expect(
      computeMetric(data, request({ metric: 'leadTime', bucket: 'range', range, filters }))[0].points[0].value
    ).toBe(H);
  });

  it('keeps the pipeline runs (every workflow and attempt) of the commits the deployment shipped first', () => {
    const sha = itsChange.change.sha;
    const build = run({ startedAt: at(1), finishedAt: at(1) + H, sha, workflow: 'build' });
    const failedTest = run({ startedAt: at(1), finishedAt: at(1) + H, sha, workflow: 'test', conclusion: 'failure' });
    const rerun = run({ startedAt: at(1) + H, finishedAt: at(1) + 3 * H, sha, workflow: 'test', attempt: 2 });
    const ofOther = run({ startedAt: at(1), finishedAt: at(1) + 5 * H, sha: otherChange.change.sha });
    const sameShaOtherRepo = run({ startedAt: at(1), finishedAt: at(1) + 7 * H, sha, repo: 'acme/fork' });
    const neverDeployed = run({ startedAt: at(1), finishedAt: at(1) + 9 * H });
    const withRuns = attributed({
      deployments: [chosen, other],
      changes: [itsChange, otherChange],
      pipelineRuns: [build, failedTest, rerun, ofOther, sameShaOtherRepo, neverDeployed],
    });
    expect(selectAll(withRuns, range, filters).pipelineRuns).toEqual([build, failedTest, rerun]);
    expect(selectAll(withRuns, range, { deployments: ['other'] }).pipelineRuns).toEqual([ofOther]);
    expect(selectAll(withRuns, range).pipelineRuns).toHaveLength(6);
    // The pipeline metrics read the filter the same way: the median of 1 h and 2 h (the failed run does not count).
    const duration = computeMetric(
      withRuns,
      request({ metric: 'pipelineDuration', bucket: 'range', range, filters })
    )[0].points[0].value;
    expect(duration).toBe(1.5 * H);
  });

  it('lists deployment ids of the range newest first, for a template variable', () => {
    expect(deploymentIds(data, range)).toEqual(['other', 'chosen']);
    expect(deploymentIds(data, { from: T0, to: at(3) })).toEqual(['chosen']);
  });
});
