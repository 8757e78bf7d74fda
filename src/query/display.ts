/** Short text for a collapsed query row, e.g. "Change lead time (p90) by team, weekly". */
import {
  AGGREGATION_OPTIONS,
  ENTITY_OPTIONS,
  GROUP_BY_OPTIONS,
  INTERVAL_OPTIONS,
  labelOf,
  LEAD_TIME_START_OPTIONS,
  metricChoice,
  OUTCOME_OPTIONS,
} from './vocabulary';
import { DoraQuery } from './model';

export function queryDisplayText(query: DoraQuery): string {
  const by =
    query.groupBy && query.groupBy !== 'none' ? ` by ${labelOf(GROUP_BY_OPTIONS, query.groupBy).toLowerCase()}` : '';
  const filters = filterText(query);
  switch (query.kind) {
    case 'metric': {
      const choice = metricChoice(query.metric);
      const aggregation = query.aggregation ?? 'median';
      const label = choice?.label ?? query.metric ?? 'Metric';
      const agg =
        aggregation === 'count' || choice?.aggregates
          ? ` (${labelOf(AGGREGATION_OPTIONS, aggregation).toLowerCase()})`
          : '';
      const interval = labelOf(INTERVAL_OPTIONS, query.interval ?? 'auto').toLowerCase();
      return `${label}${agg}${by}, ${interval}${startText(query.leadTimeStart)}${filters}`;
    }
    case 'scorecard':
      return `Scorecard${by || ' by service'}${startText(query.leadTimeStart)}${filters}`;
    case 'events': {
      const outcome = query.outcome ? `${labelOf(OUTCOME_OPTIONS, query.outcome).toLowerCase()} ` : '';
      const format = query.format === 'annotations' ? ' as annotations' : '';
      return `Events: ${outcome}${labelOf(ENTITY_OPTIONS, query.entity).toLowerCase()}${format}${filters}`;
    }
    case 'dataQuality':
      return `Data quality${filters}`;
    case 'onCall':
      return `On call now${filters}`;
    default:
      return 'DORA query';
  }
}

/** ", lead time from PR opened" when the query sets where lead time starts. */
function startText(start: string | undefined): string {
  return start ? `, lead time from ${labelOf(LEAD_TIME_START_OPTIONS, start)}` : '';
}

function filterText(query: DoraQuery): string {
  const parts: string[] = [];
  const f = query.filters ?? {};
  for (const [key, values] of Object.entries(f)) {
    if (Array.isArray(values) && values.length > 0) {
      parts.push(`${key} ${values.join(', ')}`);
    }
  }
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
