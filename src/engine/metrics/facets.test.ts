import { selectChanges, selectIncidents, selectDeployments } from '../select';
import { UTC } from '../time';
import { computeMetric } from './index';
import { computeScorecard } from './scorecard';
import { at, attributed, change, deployment, incident, request, T0 } from './testing';
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
  const sev1 = incident({ createdAt: at(1), resolvedAt: at(1) + 4 * H, severity: 'sev1' });
  const sev3 = incident({ createdAt: at(2), resolvedAt: at(2) + H, severity: 'sev3' });
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

  it('leaves the other kinds of item alone: deployments pass a severity or label filter', () => {
    expect(value('deploymentCount', { severities: ['sev1'], labels: ['security'] }).value).toBe(1);
    expect(selectDeployments(data, range, { severities: ['sev1'] })).toEqual([shipped]);
    expect(value('timeToRestore', { labels: ['security'] }).count).toBe(3);
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
