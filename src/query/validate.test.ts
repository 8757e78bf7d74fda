import { isComplete, validateQuery } from './validate';
import { DoraQuery } from './model';

const q = (fields: Record<string, unknown>) => ({ refId: 'A', ...fields }) as unknown as DoraQuery;

describe('validateQuery', () => {
  it('fills in defaults', () => {
    expect(validateQuery(q({ kind: 'metric', metric: 'leadTime' }))).toEqual({
      ok: true,
      query: {
        refId: 'A',
        kind: 'metric',
        metric: 'leadTime',
        aggregation: 'median',
        interval: 'auto',
        groupBy: 'none',
        leadTimeStart: undefined,
        filters: {},
      },
    });
    expect(validateQuery(q({ kind: 'scorecard' }))).toMatchObject({ ok: true, query: { groupBy: 'service' } });
  });

  it.each([
    [{ kind: 'metric', metric: 'leadtime' }, 'Query A: metric "leadtime" is not known. Use one of: deploymentCount,'],
    [
      { kind: 'metric', metric: 'leadTime', aggregation: 'p99' },
      'Query A: aggregation "p99" is not known. Use one of: median, p75, p90, mean, count',
    ],
    [
      { kind: 'metric', metric: 'leadTime', interval: 'hour' },
      'Query A: interval "hour" is not known. Use one of: auto, day, week, month, range',
    ],
    [
      { kind: 'scorecard', groupBy: 'squad' },
      'Query A: groupBy "squad" is not known. Use one of: none, service, team, environment, repository',
    ],
    [
      { kind: 'metric', metric: 'timeToRestore', groupBy: 'priority' },
      'Query A: groupBy "priority" is not known. Use one of: none, service, team, environment, repository, source, ' +
        'severity, label',
    ],
    [
      { kind: 'events', entity: 'commits' },
      'Query A: entity "commits" is not known. Use one of: deployments, changes, incidents, pipelineRuns',
    ],
    [{ kind: 'chart' }, 'Query A: kind "chart" is not known. Use one of: metric, scorecard, events, dataQuality'],
    [{ kind: 'metric', metric: '$metric' }, 'Query A: metric "$metric" is not known.'],
    [{ kind: 'metric', metric: 'leadTime', leadTimeStart: 'push' }, 'Query A: leadTimeStart "push" is not known.'],
    [
      { kind: 'dataQuality', filters: { services: 'checkout' } },
      'Query A: filters.services "checkout" must be a list of names',
    ],
    [{ kind: 'dataQuality', filters: { squads: ['x'] } }, 'Query A: filters.squads is not a filter.'],
  ])('reports %j with the field, the value and the fix', (fields, message) => {
    const result = validateQuery(q(fields));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.message).toMatch(/Use one of|list of names|Use services/);
  });

  it('accepts severity and label for metrics, and tells a scorecard grouped by them what to do', () => {
    for (const groupBy of ['severity', 'label']) {
      expect(validateQuery(q({ kind: 'metric', metric: 'timeToRestore', groupBy }))).toMatchObject({
        ok: true,
        query: { groupBy },
      });
      const result = validateQuery(q({ kind: 'scorecard', groupBy }));
      expect(result).toEqual({
        ok: false,
        message:
          `Query A: groupBy "${groupBy}" does not apply to a scorecard: only incidents have a severity and only ` +
          'changes have labels. Group the scorecard by one of none, service, team, environment, repository, source, ' +
          `or use a metric query grouped by ${groupBy} (e.g. time to restore by severity).`,
      });
    }
  });

  it('checks the outcome and format of an events query', () => {
    expect(validateQuery(q({ kind: 'events', entity: 'incidents' }))).toMatchObject({
      ok: true,
      query: { format: 'table', outcome: undefined },
    });
    expect(
      validateQuery(q({ kind: 'events', entity: 'deployments', outcome: 'rollback', format: 'annotations' }))
    ).toMatchObject({ ok: true, query: { format: 'annotations', outcome: 'rollback' } });
    expect(validateQuery(q({ kind: 'events', entity: 'deployments', outcome: 'broken' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('outcome "broken" is not known. Use one of: success, failed, rollback'),
    });
    expect(validateQuery(q({ kind: 'events', entity: 'incidents', outcome: 'failed' }))).toEqual({
      ok: false,
      message: 'Query A: outcome "failed" applies to deployments only; remove it or list deployments.',
    });
    expect(validateQuery(q({ kind: 'events', entity: 'changes', format: 'annotations' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('format "annotations" shows deployments or incidents'),
    });
    expect(validateQuery(q({ kind: 'events', entity: 'pipelineRuns' }))).toMatchObject({
      ok: true,
      query: { entity: 'pipelineRuns', format: 'table' },
    });
    expect(validateQuery(q({ kind: 'events', entity: 'pipelineRuns', format: 'annotations' }))).toEqual({
      ok: false,
      message:
        'Query A: format "annotations" shows deployments or incidents; list pipelineRuns as a table (remove format).',
    });
  });

  it('keeps non-empty filters and drops empty ones', () => {
    const result = validateQuery(q({ kind: 'dataQuality', filters: { services: ['checkout'], teams: [] } }));
    expect(result).toMatchObject({ ok: true, query: { filters: { services: ['checkout'] } } });
  });
});

describe('isComplete', () => {
  it('skips queries still being edited', () => {
    expect(isComplete(undefined)).toBe(false);
    expect(isComplete(q({}))).toBe(false);
    expect(isComplete(q({ constant: 6.5 }))).toBe(false);
    expect(isComplete(q({ kind: 'metric' }))).toBe(false);
    expect(isComplete(q({ kind: 'events' }))).toBe(false);
    expect(isComplete(q({ kind: 'metric', metric: 'leadTime' }))).toBe(true);
    expect(isComplete(q({ kind: 'scorecard' }))).toBe(true);
    expect(isComplete(q({ kind: 'events', entity: 'changes' }))).toBe(true);
  });
});
