/** Which events a fetch for a time range returns (the caller has already widened it by its look-back). */
import { DAY_MS, DoraEvents, TimeRange } from '../../engine';

/** Commits this much older than the range still come along: a deployment in range may ship them. */
export const CHANGE_LOOKBACK_MS = 90 * DAY_MS;

export function eventsInRange(events: DoraEvents, range: TimeRange): DoraEvents {
  const { from, to } = range;
  const within = (t: number) => t >= from && t <= to;
  return {
    deployments: events.deployments.filter((d) => within(d.finishedAt)),
    changes: events.changes.filter((c) => c.committedAt >= from - CHANGE_LOOKBACK_MS && c.committedAt <= to),
    // Incidents overlapping the range: open before its end and not resolved before its start.
    incidents: events.incidents.filter(
      (i) => Math.min(i.startedAt ?? i.createdAt, i.createdAt) <= to && (i.resolvedAt ?? Infinity) >= from
    ),
    pipelineRuns: events.pipelineRuns.filter((r) => within(r.startedAt)),
    catalog: events.catalog,
  };
}
