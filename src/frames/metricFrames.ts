/** One time-series frame per group: Time + the metric's value, with unit, display name and group label. */
import { Aggregation, GroupBy, MetricSeries } from '../engine';
import { AGGREGATION_OPTIONS, labelOf, metricChoice } from '../query/vocabulary';
import { FrameDescription } from './frame';
import { fieldConfigFor } from './units';

export interface MetricFrameContext {
  refId: string;
  groupBy: GroupBy;
  aggregation: Aggregation;
}

export function metricFrames(series: MetricSeries[], ctx: MetricFrameContext): FrameDescription[] {
  return series.map((s) => metricFrame(s, ctx));
}

/** "Change lead time (median)"; rates, counts and one-reading durations (error budget) have no aggregation in their name. */
export function metricDisplayName(s: Pick<MetricSeries, 'metric' | 'valueKind'>, aggregation: Aggregation): string {
  const choice = metricChoice(s.metric);
  const label = choice?.label ?? s.metric;
  if (aggregation === 'count') {
    return `${label} (count)`;
  }
  return s.valueKind === 'duration' && (!choice || choice.aggregates)
    ? `${label} (${labelOf(AGGREGATION_OPTIONS, aggregation).toLowerCase()})`
    : label;
}

function metricFrame(s: MetricSeries, ctx: MetricFrameContext): FrameDescription {
  const grouped = ctx.groupBy !== 'none';
  const metricName = metricDisplayName(s, ctx.aggregation);
  const displayName = grouped ? `${s.group} · ${metricName}` : metricName;
  return {
    refId: ctx.refId,
    name: displayName,
    meta: {
      type: 'timeseries-multi',
      typeVersion: [0, 1],
      ...(s.notes && s.notes.length > 0
        ? { notices: s.notes.map((text) => ({ severity: 'info' as const, text })) }
        : {}),
    },
    fields: [
      { name: 'Time', type: 'time', values: s.points.map((p) => p.time) },
      {
        name: metricName,
        type: 'number',
        values: s.points.map((p) => p.value),
        labels: grouped ? { [ctx.groupBy]: s.group } : undefined,
        config: { ...fieldConfigFor(s.valueKind), displayNameFromDS: displayName },
      },
    ],
  };
}
