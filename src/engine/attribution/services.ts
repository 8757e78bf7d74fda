/**
 * Puts catalog service names on deployments and incidents. With a non-empty catalog, a service it does not
 * know is kept as the source named it and reported once per name, with how many events carry it.
 */
import { ServiceDirectory } from '../catalog';
import { Deployment, Incident } from '../model';
import { Findings } from './findings';

export class ServiceResolver {
  private readonly unknown = new Map<string, { deployments: number; incidents: number }>();

  constructor(private readonly directory: ServiceDirectory) {}

  deployment(d: Deployment): Deployment {
    if (!this.directory.active) {
      return d;
    }
    const service = this.directory.deploymentService(d);
    if (service === undefined) {
      this.tally(d.service).deployments++;
      return d;
    }
    return service === d.service ? d : { ...d, service };
  }

  incident(incident: Incident): Incident {
    if (!this.directory.active || incident.service === undefined || incident.service === '') {
      return incident;
    }
    const service = this.directory.incidentService(incident.service);
    if (service === undefined) {
      this.tally(incident.service).incidents++;
      return incident;
    }
    return service === incident.service ? incident : { ...incident, service };
  }

  report(findings: Findings): void {
    this.unknown.forEach((counts, service) => {
      const total = counts.deployments + counts.incidents;
      findings.add(
        'unknown-service',
        'warning',
        service,
        `${total} event${total === 1 ? '' : 's'} (${counts.deployments} deployments, ${counts.incidents} incidents) ` +
          `name service "${service}", which the service catalog does not list. Add it to the catalog, or add ` +
          'this name to a service as a repository, environment, pipeline or incident service, so it gets a team.',
        { service, count: total }
      );
    });
  }

  private tally(service: string): { deployments: number; incidents: number } {
    let counts = this.unknown.get(service);
    if (!counts) {
      counts = { deployments: 0, incidents: 0 };
      this.unknown.set(service, counts);
    }
    return counts;
  }
}
