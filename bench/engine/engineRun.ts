/**
 * The engine end to end, as a dashboard would drive it: attribution once, then every metric weekly per service,
 * then the scorecard per team. Also times what a variable change costs: the scorecard regrouped by team on
 * events that are already attributed. The groupings beyond service (severity, label, shared teams) are computed
 * apart, untimed, for the differential check only.
 */
import {
  attribute,
  Attributed,
  computeMetric,
  computeScorecard,
  DoraEvents,
  EngineOptions,
  Instant,
  METRIC_IDS,
  MetricSeries,
  ScorecardRow,
  TimeRange,
  UTC,
} from '../../src/engine';
import { GROUPED_COMPARISONS, groupedName } from './compare';
import { WeeklyPoint, weeklyFromSeries } from './figures';

export interface EngineRun {
  attributed: Attributed;
  series: MetricSeries[];
  scorecard: ScorecardRow[];
  phases: Array<{ phase: string; ms: number }>;
  totalMs: number;
}

export function runEngine(events: DoraEvents, range: TimeRange, options: EngineOptions, now: Instant): EngineRun {
  const started = performance.now();
  const attributed = attribute(events, options, now);
  const attributedAt = performance.now();
  const series: MetricSeries[] = [];
  for (const metric of METRIC_IDS) {
    const out = computeMetric(attributed, {
      metric,
      aggregation: 'median',
      bucket: 'week',
      groupBy: 'service',
      range,
      zone: UTC,
    });
    for (const s of out) {
      series.push(s);
    }
  }
  const metricsAt = performance.now();
  const scorecard = teamScorecard(attributed, range);
  const done = performance.now();
  return {
    attributed,
    series,
    scorecard,
    phases: [
      { phase: 'attribution', ms: attributedAt - started },
      { phase: 'weekly metrics', ms: metricsAt - attributedAt },
      { phase: 'scorecard', ms: done - metricsAt },
    ],
    totalMs: done - started,
  };
}

/** The grouped comparisons (compare.ts) on the engine side, weekly, named "<metric> by <groupBy>"; not timed. */
export function groupedWeekly(attributed: Attributed, range: TimeRange): WeeklyPoint[] {
  const out: WeeklyPoint[] = [];
  for (const [metric, groupBy] of GROUPED_COMPARISONS) {
    const series = computeMetric(attributed, {
      metric,
      aggregation: 'median',
      bucket: 'week',
      groupBy,
      range,
      zone: UTC,
    });
    for (const point of weeklyFromSeries(series)) {
      out.push({ ...point, metric: groupedName(metric, groupBy) });
    }
  }
  return out;
}

export function teamScorecard(attributed: Attributed, range: TimeRange): ScorecardRow[] {
  return computeScorecard(attributed, { groupBy: 'team', range, zone: UTC });
}
