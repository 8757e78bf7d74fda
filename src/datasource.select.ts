/**
 * Which attributed items an events or data-quality query shows: those whose instant falls in the dashboard
 * range [from, to) and that pass the query's filters, judged by the same dimensions and instants as the
 * metrics (so a table explains exactly the numbers of the panel next to it).
 */
import { Attributed, DataQualityFinding } from './engine/attribution/types';
import { Dimensions, Grouping } from './engine/metrics/dimensions';
import { incidentInstant } from './engine/metrics/instants';
import { Filters } from './engine/results';
import { TimeRange } from './engine/time';

export function selectForEvents(attributed: Attributed, range: TimeRange, filters: Filters): Attributed {
  const dims = new Dimensions(attributed);
  const grouping = new Grouping('none', filters);
  const inRange = (t: number) => t >= range.from && t < range.to;
  return {
    ...attributed,
    deployments: attributed.deployments.filter(
      (d) => inRange(d.deployment.finishedAt) && grouping.matches(dims.deployment(d))
    ),
    failedAttempts: attributed.failedAttempts.filter((d) => inRange(d.finishedAt) && grouping.matches(dims.attempt(d))),
    changes: attributed.changes.filter((c) => inRange(c.deployedAt) && grouping.matches(dims.change(c))),
    incidents: attributed.incidents.filter((i) => inRange(incidentInstant(i)) && grouping.matches(dims.incident(i))),
  };
}

/** Findings about a filtered-out service are left out; findings without a service (sources, settings) stay. */
export function selectFindings(
  findings: DataQualityFinding[],
  attributed: Attributed,
  filters: Filters
): DataQualityFinding[] {
  const services = filters.services;
  const teams = filters.teams;
  if (!services && !teams) {
    return findings;
  }
  return findings.filter((f) => {
    if (!f.service) {
      return true;
    }
    if (services && services.indexOf(f.service) < 0) {
      return false;
    }
    return !teams || teams.indexOf(attributed.teams[f.service] ?? '') >= 0;
  });
}
