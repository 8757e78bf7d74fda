/**
 * What an events or data-quality query shows beyond the engine's selection (src/engine/select.ts): deployments
 * of one outcome, and the findings about the services and teams a query filters on.
 */
import {
  AttributedDeployment,
  Attributed,
  DataQualityFinding,
  deploymentOutcome,
  DeploymentOutcome,
  Filters,
} from '../engine';

export function withOutcome(deployments: AttributedDeployment[], outcome?: DeploymentOutcome): AttributedDeployment[] {
  return outcome ? deployments.filter((d) => deploymentOutcome(d) === outcome) : deployments;
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
    // A service several teams own passes when any owner is selected.
    const owners = attributed.owners?.[f.service] ?? [attributed.teams[f.service] ?? ''];
    return !teams || owners.some((team) => teams.indexOf(team) >= 0);
  });
}
