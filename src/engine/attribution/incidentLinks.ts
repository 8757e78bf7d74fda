/**
 * Incident -> deployment (docs/definitions.md#change-failure-rate), first rule that applies:
 * (1) explicit: the incident names a deployment id, a SHA (the first deployment that shipped that commit)
 *     or a pull request (the first deployment that shipped one of its commits), preferring the incident's
 *     own service when several services shipped it;
 * (2) same service: the latest deployment of the incident's service that finished at or before the impact
 *     start, at most incidentLinkWindowMs before it (both ends inclusive);
 * (3) none: reported, never guessed onto another service.
 */
import { Deployment, Incident, IncidentCause } from '../model';
import { Containment } from './containment';
import { Findings } from './findings';
import { MIN_SHA_PREFIX } from './announced';
import { CommitGraph } from './graph';
import { humanDuration } from './humanDuration';
import { causeOf } from './incidentCause';
import { countLeading } from './order';
import { incidentStart } from './incidentTimes';
import { IncidentLink } from './types';

export interface LinkContext {
  deployments: Deployment[];
  /** Position of a deployment by its id (or one of its pipeline jobs' ids). */
  positionOf: (id: string) => number | undefined;
  byService: Map<string, number[]>;
  graph: CommitGraph;
  containment: Containment;
  windowMs: number;
}

export interface LinkedIncident {
  link: IncidentLink;
  /** Position of the linked deployment, or -1. */
  position: number;
}

interface Found {
  position: number;
  detail: string;
}

export function linkIncidents(incidents: Incident[], context: LinkContext, findings: Findings): LinkedIncident[] {
  const linker = new Linker(context);
  return incidents.map((incident) => {
    const result = linker.link(incident);
    if (result.position < 0) {
      findings.add(
        'unlinked-incident',
        'info',
        incident.id,
        `Incident ${incident.id}${incident.title ? ` "${incident.title}"` : ''} is not linked to a deployment: ` +
          `${result.link.detail}. It still counts for time to restore; name its cause (deployment, SHA or pull ` +
          'request) in the incident to link it.',
        { service: incident.service, at: incidentStart(incident) }
      );
    }
    return result;
  });
}

class Linker {
  constructor(private readonly context: LinkContext) {}

  link(incident: Incident): LinkedIncident {
    const notes: string[] = [];
    const cause = causeOf(incident);
    if (cause) {
      const found = this.explicit(cause, incident.service, notes);
      if (found) {
        return this.result(incident, 'explicit', found);
      }
    }
    if (incident.service === undefined || incident.service === '') {
      notes.push('it names no service, so no deployment of its own service can be chosen');
      return this.unlinked(incident, notes);
    }
    const found = this.sameService(incident, notes);
    return found ? this.result(incident, 'service-window', found) : this.unlinked(incident, notes);
  }

  private explicit(cause: IncidentCause, service: string | undefined, notes: string[]): Found | undefined {
    if (cause.deploymentId) {
      const position = this.context.positionOf(cause.deploymentId);
      if (position !== undefined) {
        const kept = this.context.deployments[position].id;
        const via = kept === cause.deploymentId ? '' : ` (a job of deployment ${kept})`;
        return { position, detail: `incident names deployment ${cause.deploymentId}${via}` };
      }
      notes.push(`it names deployment ${cause.deploymentId}, which is not a successful production deployment here`);
    }
    if (cause.sha) {
      const commits = this.context.graph.findByReference(cause.sha, cause.repo);
      const position = this.firstShipper(commits, service, (d) => startsWith(d.sha, cause.sha!.toLowerCase()));
      if (position >= 0) {
        return { position, detail: `incident names commit ${cause.sha}, first shipped by ${this.describe(position)}` };
      }
      notes.push(`it names commit ${cause.sha}, which no production deployment here shipped`);
    }
    if (cause.pullRequest !== undefined) {
      const commits = this.context.graph.commitsOfPullRequest(cause.pullRequest, cause.repo);
      const position = this.firstShipper(commits, service, () => false);
      const pr = `pull request #${cause.pullRequest}${cause.repo ? ` of ${cause.repo}` : ''}`;
      if (position >= 0) {
        return { position, detail: `incident names ${pr}, first shipped by ${this.describe(position)}` };
      }
      notes.push(`it names ${pr}, which no production deployment here shipped`);
    }
    return undefined;
  }

  private sameService(incident: Incident, notes: string[]): Found | undefined {
    const service = incident.service!;
    const start = incidentStart(incident);
    const positions = this.context.byService.get(service) ?? [];
    const { deployments, windowMs } = this.context;
    // The last deployment that finished at or before the impact start.
    const lo = countLeading(positions, (p) => deployments[p].finishedAt <= start);
    if (lo === 0) {
      notes.push(`no deployment of ${service} finished before it started`);
      return undefined;
    }
    const position = positions[lo - 1];
    const gap = start - deployments[position].finishedAt;
    if (gap > windowMs) {
      notes.push(
        `the latest deployment of ${service} finished ${humanDuration(gap)} before it, more than ${humanDuration(windowMs)}`
      );
      return undefined;
    }
    return {
      position,
      detail: `latest deployment of ${service} (${deployments[position].id}) finished ${humanDuration(gap)} before the incident started`,
    };
  }

  /** Earliest deployment that first shipped one of the commits, the incident's service first. */
  private firstShipper(
    commits: number[],
    service: string | undefined,
    outsideGraph: (d: Deployment) => boolean
  ): number {
    const candidates: number[] = [];
    for (const commit of commits) {
      for (const position of this.context.containment.firstShippers(commit)) {
        candidates.push(position);
      }
    }
    if (candidates.length === 0) {
      // The deployment's own commit may not have been fetched: match its SHA directly.
      this.context.deployments.forEach((d, position) => {
        if (outsideGraph(d)) {
          candidates.push(position);
        }
      });
    }
    candidates.sort((a, b) => a - b);
    const own = candidates.filter((p) => this.context.deployments[p].service === service);
    return own.length > 0 ? own[0] : candidates.length > 0 ? candidates[0] : -1;
  }

  private describe(position: number): string {
    const d = this.context.deployments[position];
    return `deployment ${d.id} of ${d.service}`;
  }

  private result(incident: Incident, method: IncidentLink['method'], found: Found): LinkedIncident {
    return {
      link: {
        incidentId: incident.id,
        deploymentId: this.context.deployments[found.position].id,
        method,
        detail: found.detail,
      },
      position: found.position,
    };
  }

  private unlinked(incident: Incident, notes: string[]): LinkedIncident {
    return {
      link: { incidentId: incident.id, deploymentId: null, method: 'none', detail: notes.join('; ') },
      position: -1,
    };
  }
}

function startsWith(text: string, prefix: string): boolean {
  return prefix.length >= MIN_SHA_PREFIX && text.toLowerCase().slice(0, prefix.length) === prefix;
}
