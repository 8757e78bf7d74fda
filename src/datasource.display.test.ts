import { queryDisplayText } from './datasource.display';
import { DoraQuery } from './types/query';

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
  ])('%j -> %s', (query, text) => {
    expect(queryDisplayText(query)).toBe(text);
  });
});
