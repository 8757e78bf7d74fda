/**
 * Days since the last production deployment (a telemetry-gap and stale-service signal), per group, as of
 * the end of each bucket (the last bucket: as of the end of the range).
 *
 * - The value at a bucket is (end of the bucket, clipped to the range) minus the finish of the group's
 *   latest successful production deployment that finished before that end, in days (fractional). The
 *   deployment may lie anywhere in the fetched history, before the range too (the look-back).
 * - A group with no such deployment has the value null, never 0, and its series carries a note saying
 *   so: "no deployment" is an answer, not a zero.
 * - Groups: those of the deployments that finished before the end of the range, of failed or cancelled
 *   attempts (a service whose deploys all fail has no last deployment), and the services of the catalog
 *   (grouped by service or team, or all together): a catalog service that never deployed appears with
 *   null and its note. groupBy 'none' always gives the 'all' series.
 * - A point's count is 1 when a last deployment exists, else 0. The aggregation does not apply.
 */
import { DAY_MS } from '../options';
import { MetricSeries, SeriesPoint } from '../results';
import { utcMinute } from '../time';
import { attributedColumns, groupColumn, groupPairs } from './columns';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { compareGroups, forEachGroup } from './series';

export function daysSinceLastDeployment(ctx: MetricContext): MetricSeries[] {
  const { buckets, attributed, grouping, groupOf } = ctx;
  const end = buckets.range.to;
  // Finishes per group, in order (attributed deployments are sorted by finish).
  const finishes = new Map<string, number[]>();
  if (grouping.groupsEverything) {
    finishes.set(ALL_GROUP, []);
  }
  const list = (group: string): number[] => {
    let out = finishes.get(group);
    if (!out) {
      out = [];
      finishes.set(group, out);
    }
    return out;
  };
  const columns = attributedColumns(attributed);
  const pairs = groupPairs(groupColumn(columns.deployments, grouping, ALL_GROUP));
  for (let k = 0; k < pairs.length; k++) {
    const g = pairs.groups[k];
    const at = columns.deployedAt[pairs.items === null ? k : pairs.items[k]];
    if (g >= 0 && at < end) {
      list(pairs.names[g]).push(at);
    }
  }
  for (const attempt of attributed.failedAttempts) {
    if (attempt.finishedAt >= end) {
      continue;
    }
    const group = groupOf.attempt(attempt);
    if (group !== null) {
      forEachGroup(group, list);
    }
  }
  for (const service of Object.keys(attributed.teams)) {
    // Environment, repository and source are unknown for a service seen only in the catalog: no group of theirs.
    const group = grouping.groupOfCatalogService(service, attributed.teams, attributed.owners);
    if (group !== null) {
      forEachGroup(group, list);
    }
  }
  const groups: string[] = [];
  finishes.forEach((_values, group) => groups.push(group));
  groups.sort(compareGroups);
  return groups.map((group) => {
    const times = (finishes.get(group) as number[]).sort((a, b) => a - b);
    const points: SeriesPoint[] = [];
    let last = -1;
    for (let b = 0; b < buckets.lo.length; b++) {
      const asOf = buckets.hi[b];
      while (last + 1 < times.length && times[last + 1] < asOf) {
        last++;
      }
      points.push(
        last < 0
          ? { time: buckets.starts[b], value: null, count: 0 }
          : { time: buckets.starts[b], value: (asOf - times[last]) / DAY_MS, count: 1 }
      );
    }
    const series: MetricSeries = { metric: 'daysSinceLastDeployment', group, valueKind: 'days', points };
    if (times.length === 0) {
      series.notes = [
        `${group}: no production deployment before ${utcMinute(end)} in the fetched history, so the days since the ` +
          'last one are unknown (shown empty, not 0). Widen the look-back in the data source settings, or check ' +
          'that the source reports this service.',
      ];
    }
    return series;
  });
}
