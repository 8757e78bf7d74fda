/**
 * Which attributed items an events or data-quality query shows: those whose instant falls in the dashboard
 * range [from, to) and that pass the query's filters, judged by the same dimensions and instants as the
 * metrics (so a table explains exactly the numbers of the panel next to it).
 */
import { Attributed, DataQualityFinding, Filters, TimeRange } from './engine';
import { Dimensions, Grouping } from './engine/metrics/dimensions';
import { incidentInstant } from './engine/metrics/instants';

export function selectForEvents(attributed: Attributed, range: TimeRange, filters: Filters): Attributed {
  const dims = new Dimensions(attributed);
  // With groupBy 'none', an item has a group exactly when every filter lets it through.
  const grouping = new Grouping('none', filters);
  const deploymentGroup = grouping.compile(dims.deployment);
  const attemptGroup = grouping.compile(dims.attempt);
  const changeGroup = grouping.compile(dims.change);
  const incidentGroup = grouping.compile(dims.incident);
  const inRange = (t: number) => t >= range.from && t < range.to;
  return {
    ...attributed,
    deployments: attributed.deployments.filter((d) => inRange(d.deployment.finishedAt) && deploymentGroup(d) !== null),
    failedAttempts: attributed.failedAttempts.filter((d) => inRange(d.finishedAt) && attemptGroup(d) !== null),
    changes: attributed.changes.filter((c) => inRange(c.deployedAt) && changeGroup(c) !== null),
    incidents: attributed.incidents.filter((i) => inRange(incidentInstant(i)) && incidentGroup(i) !== null),
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
