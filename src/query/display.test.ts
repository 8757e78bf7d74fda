import { queryDisplayText } from './display';
import { DoraQuery } from './model';

describe('queryDisplayText', () => {
  it.each<[DoraQuery, string]>([
    [
      { refId: 'A', kind: 'metric', metric: 'leadTime', aggregation: 'p90', interval: 'week', groupBy: 'team' },
      'Change lead time (p90) by team, week',
    ],
    [{ refId: 'A', kind: 'metric', metric: 'changeFailRate', aggregation: 'median' }, 'Change fail rate, auto'],
    [{ refId: 'A', kind: 'scorecard', groupBy: 'team' }, 'Scorecard by team'],
    [{ refId: 'A', kind: 'scorecard' }, 'Scorecard by service'],
    [
      { refId: 'A', kind: 'events', entity: 'incidents', filters: { services: ['checkout'] } },
      'Events: incidents (services checkout)',
    ],
    [{ refId: 'A', kind: 'dataQuality' }, 'Data quality'],
    [
      { refId: 'A', kind: 'metric', metric: 'leadTime', interval: 'week', leadTimeStart: 'prFirstCommit' },
      'Change lead time (median), week, lead time from First commit of PR',
    ],
    [{ refId: 'A', kind: 'scorecard', leadTimeStart: 'prOpened' }, 'Scorecard by service, lead time from PR opened'],
    [
      { refId: 'A', kind: 'events', entity: 'deployments', outcome: 'rollback', format: 'annotations' },
      'Events: rollback deployments as annotations',
    ],
  ])('%j -> %s', (query, text) => {
    expect(queryDisplayText(query)).toBe(text);
  });
});
