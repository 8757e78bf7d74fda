import { SCORECARD_GROUP_BY_OPTIONS } from './vocabulary';
import { DataQualityQuery, DoraQuery, EventsQuery, MetricQuery, OnCallQuery, QueryKind, ScorecardQuery } from './model';

/** A query of another kind that keeps the refId and what both kinds share (filters, group by, lead time start). */
export function switchKind(query: DoraQuery, kind: QueryKind): DoraQuery {
  if (query.kind === kind) {
    return query;
  }
  const { refId, hide, datasource, key, queryType, filters } = query;
  const common = withoutUndefined({ refId, hide, datasource, key, queryType, filters });
  const groupBy = 'groupBy' in query ? query.groupBy : undefined;
  const leadTimeStart = 'leadTimeStart' in query ? query.leadTimeStart : undefined;
  switch (kind) {
    case 'metric': {
      const q: MetricQuery = {
        ...common,
        kind,
        metric: 'deploymentCount',
        aggregation: 'median',
        interval: 'auto',
        groupBy: groupBy ?? 'none',
      };
      return q;
    }
    case 'scorecard': {
      const kept = groupBy && groupBy !== 'none' && SCORECARD_GROUP_BY_OPTIONS.some((o) => o.value === groupBy);
      const q: ScorecardQuery = { ...common, kind, groupBy: kept ? groupBy : 'service' };
      return leadTimeStart ? { ...q, leadTimeStart } : q;
    }
    case 'events': {
      const q: EventsQuery = { ...common, kind, entity: 'deployments' };
      return q;
    }
    case 'dataQuality': {
      const q: DataQualityQuery = { ...common, kind };
      return q;
    }
    case 'onCall': {
      const q: OnCallQuery = { ...common, kind };
      return q;
    }
  }
}

function withoutUndefined<T extends object>(obj: T): T {
  const out = { ...obj };
  for (const key of Object.keys(out) as Array<keyof T>) {
    if (out[key] === undefined) {
      delete out[key];
    }
  }
  return out;
}
