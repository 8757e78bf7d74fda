/**
 * What a code host's releases, tags and incident issues become, the same for every host (GitHub, GitLab): each
 * provider's mapper reads its API's fields, these say what event they make.
 */
import { Deployment, Incident, IncidentCause, Instant } from '../engine';
import { parseImpactStart } from './incidentText';
import { withoutUndefined } from './mapping';

/** A release or tag that the target's own deployment rule chose. */
export interface ShippedTag {
  id: string;
  service: string;
  repo: string;
  tag: string;
  sha: string;
  finishedAt: Instant;
  source: string;
  title: string;
  url?: string;
}

/** A successful production deployment of the tag's commit, when the release or tag was published. */
export function tagDeployment(t: ShippedTag): Deployment {
  return withoutUndefined<Deployment>({
    id: t.id,
    service: t.service,
    environment: 'production',
    repo: t.repo,
    sha: t.sha,
    finishedAt: t.finishedAt,
    status: 'success',
    source: t.source,
    // Selected by the target's own deployment rule: the data source's global patterns do not apply.
    production: true,
    url: t.url,
    title: t.title,
    ref: t.tag,
  });
}

/** An incident issue as the provider read it. */
export interface IncidentIssue {
  id: string;
  service: string;
  title: string;
  body: string;
  createdAt: Instant;
  resolvedAt: Instant | undefined;
  severity: string | undefined;
  url: string;
  source: string;
  labels: string[];
  cause: IncidentCause | undefined;
}

/** The incident an issue reports; an impact start written in its body counts when it is not after the report. */
export function issueIncident(issue: IncidentIssue): Incident {
  const startedAt = parseImpactStart(issue.body);
  return withoutUndefined<Incident>({
    id: issue.id,
    service: issue.service,
    title: issue.title,
    // An impact start after the report is a typo, not information.
    startedAt: startedAt !== undefined && startedAt <= issue.createdAt ? startedAt : undefined,
    createdAt: issue.createdAt,
    resolvedAt: issue.resolvedAt,
    severity: issue.severity,
    url: issue.url,
    source: issue.source,
    labels: issue.labels,
    cause: issue.cause,
  });
}
