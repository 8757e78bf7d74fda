import { DoraQuery } from './model';
import { queryProblem } from './problem';
import { switchKind } from './switchKind';

const q = (fields: Record<string, unknown>) => ({ refId: 'A', ...fields }) as unknown as DoraQuery;

describe('queryProblem', () => {
  it('says what the data source would say about a bad field', () => {
    expect(queryProblem(q({ kind: 'metric', metric: 'leadtime' }))).toMatch(
      /^Query A: metric "leadtime" is not known\. Use one of: deploymentCount,/
    );
    expect(queryProblem(q({ kind: 'events', entity: 'incidents', outcome: 'failed' }))).toBe(
      'Query A: outcome "failed" applies to deployments only; remove it or list deployments.'
    );
  });

  it('is silent about valid queries, queries still being edited and fields left to the dashboard', () => {
    expect(queryProblem(q({ kind: 'metric', metric: 'leadTime', aggregation: 'p90' }))).toBeUndefined();
    expect(queryProblem(q({ kind: 'metric' }))).toBeUndefined();
    expect(queryProblem(q({ kind: 'metric', metric: '$metric', groupBy: '${group}' }))).toBeUndefined();
    expect(queryProblem(q({ kind: '$kind' }))).toBeUndefined();
  });

  it('still checks the other fields of a query with a variable', () => {
    expect(queryProblem(q({ kind: 'metric', metric: '$metric', interval: 'hour' }))).toMatch(
      /interval "hour" is not known/
    );
  });
});

describe('switchKind', () => {
  const metric: DoraQuery = {
    refId: 'A',
    kind: 'metric',
    metric: 'leadTime',
    groupBy: 'team',
    leadTimeStart: 'prOpened',
  };

  it('fills in what each kind needs, keeping refId, filters, group by and lead time start', () => {
    expect(switchKind({ ...metric, filters: { teams: ['$team'] } }, 'events')).toEqual({
      refId: 'A',
      kind: 'events',
      entity: 'deployments',
      filters: { teams: ['$team'] },
    });
    expect(switchKind(metric, 'scorecard')).toEqual({
      refId: 'A',
      kind: 'scorecard',
      groupBy: 'team',
      leadTimeStart: 'prOpened',
    });
    expect(switchKind({ refId: 'Q', kind: 'dataQuality' }, 'metric')).toEqual({
      refId: 'Q',
      kind: 'metric',
      metric: 'deploymentCount',
      aggregation: 'median',
      interval: 'auto',
      groupBy: 'none',
    });
    expect(switchKind(metric, 'metric')).toBe(metric);
  });
});
