/**
 * Shared by the incident duration metrics: one value per incident (null = not measurable, left out),
 * placed in the bucket of the incident's start (else creation), aggregated like durations. With an
 * SLA (MetricRequest.slaMs) each point also carries the share of its incidents within the SLA.
 */
import { AttributedIncident } from '../attribution/types';
import { MetricId, MetricSeries, SeriesPoint } from '../results';
import { Values } from '../stats';
import { MetricContext } from './context';
import { incidentInstant } from './instants';
import { ValueCells } from './series';

export function incidentDurationSeries(
  ctx: MetricContext,
  metric: MetricId,
  valueOf: (item: AttributedIncident) => number | null
): MetricSeries[] {
  const { aggregation, slaMs } = ctx.request;
  const cells = new ValueCells(ctx.buckets, ctx.grouping.groupsEverything);
  const items = ctx.attributed.incidents;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const value = valueOf(item);
    if (value === null || value === undefined || !(value >= 0)) {
      continue;
    }
    const group = ctx.groupOf.incident(item);
    if (group !== null) {
      cells.add(group, incidentInstant(item), value);
    }
  }
  const extra =
    slaMs === undefined
      ? undefined
      : (values: Values): Partial<SeriesPoint> => ({ shareWithinSla: shareWithin(values, slaMs) });
  return cells.toSeries(metric, aggregation, extra);
}

/** Share (0..1) of values at most the SLA; null without values. */
export function shareWithin(values: ArrayLike<number>, slaMs: number): number | null {
  if (values.length === 0) {
    return null;
  }
  let within = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] <= slaMs) {
      within++;
    }
  }
  return within / values.length;
}
