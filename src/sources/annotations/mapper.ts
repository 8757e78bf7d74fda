/**
 * Grafana annotations to deployments and incidents (pure). The annotation's tags and the words of its text name
 * the service, environment, repository, SHA, status and severity as key:value or key=value ("service:checkout",
 * "sha=abc123"); tags win over text. A region is a span: a deployment's start and finish, an incident's start
 * and resolution. What cannot be read is counted and reported, never guessed.
 */
import { Deployment, DeploymentStatus, Incident } from '../../engine';
import { withoutUndefined } from '../mapping';
import { SourceNotice } from '../types';
import { GrafanaAnnotation } from './apiTypes';
import { ResolvedAnnotationsSettings } from '../../settings/annotations';

export const SOURCE = 'annotations';
const SHA_RE = /^[0-9a-f]{7,40}$/i;

const STATUS_WORDS: Record<string, DeploymentStatus> = {
  success: 'success',
  succeeded: 'success',
  ok: 'success',
  failure: 'failure',
  failed: 'failure',
  error: 'failure',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  in_progress: 'in_progress',
  running: 'in_progress',
  started: 'in_progress',
};

/** The value of `key` in the tags ("key:value", "key=value"), else in the text's words. */
export function valueOf(key: string, tags: string[], text: string): string | undefined {
  const lower = key.toLowerCase();
  for (const tag of tags) {
    const m = /^([^:=]+)[:=](.+)$/.exec(tag.trim());
    if (m && m[1].trim().toLowerCase() === lower) {
      return m[2].trim();
    }
  }
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|[\\s,;(\\[>])${escaped}[:=]([^\\s,;)\\]<]+)`, 'i').exec(text);
  return m ? m[1] : undefined;
}

/** The annotation's text without HTML, first line, for titles. */
export function titleOf(text: string | undefined): string | undefined {
  const plain = (text ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .trim();
  const first = plain.split('\n')[0].trim();
  return first === '' ? undefined : first.slice(0, 200);
}

function hasAll(tags: string[], wanted: string[]): boolean {
  if (wanted.length === 0) {
    return false;
  }
  const lower = tags.map((t) => t.toLowerCase());
  return wanted.every((w) => lower.indexOf(w.toLowerCase()) >= 0);
}

function linkOf(a: GrafanaAnnotation): string | undefined {
  return a.dashboardUID ? `/d/${a.dashboardUID}${a.panelId ? `?viewPanel=${a.panelId}` : ''}` : undefined;
}

export interface MappedAnnotations {
  deployments: Deployment[];
  incidents: Incident[];
  notices: SourceNotice[];
}

export function mapAnnotations(
  annotations: GrafanaAnnotation[],
  settings: ResolvedAnnotationsSettings
): MappedAnnotations {
  const { keys, defaults } = settings;
  const deployments: Deployment[] = [];
  const incidents: Incident[] = [];
  const noService: number[] = [];
  const noSha: number[] = [];
  const badStatus: string[] = [];
  for (const a of annotations) {
    const tags = a.tags ?? [];
    const text = a.text ?? '';
    const get = (key: string) => valueOf(key, tags, text);
    const start = a.time;
    const end = a.timeEnd !== undefined && a.timeEnd > a.time ? a.timeEnd : undefined;
    if (hasAll(tags, settings.deploymentTags)) {
      const service = get(keys.service) ?? defaults.service;
      const sha = get(keys.sha);
      if (!service) {
        noService.push(a.id);
        continue;
      }
      if (!sha || !SHA_RE.test(sha)) {
        noSha.push(a.id);
        continue;
      }
      const statusWord = get(keys.status);
      let status: DeploymentStatus = 'success';
      if (statusWord !== undefined) {
        const known = STATUS_WORDS[statusWord.toLowerCase()];
        if (known) {
          status = known;
        } else {
          badStatus.push(`${a.id} (${statusWord})`);
        }
      }
      deployments.push(
        withoutUndefined<Deployment>({
          id: `${SOURCE}:${a.id}`,
          service,
          environment: get(keys.environment) ?? defaults.environment,
          repo: get(keys.repo) ?? defaults.repo ?? service,
          sha,
          startedAt: end !== undefined ? start : undefined,
          finishedAt: end ?? start,
          status,
          source: SOURCE,
          title: titleOf(text),
          url: linkOf(a),
        })
      );
    } else if (hasAll(tags, settings.incidentTags)) {
      const service = get(keys.service) ?? defaults.service;
      const cause = get(keys.sha);
      incidents.push(
        withoutUndefined<Incident>({
          id: `${SOURCE}:${a.id}`,
          service,
          title: titleOf(text),
          startedAt: start,
          createdAt: start,
          resolvedAt: end,
          severity: get(keys.severity),
          url: linkOf(a),
          source: SOURCE,
          labels: tags.slice(),
          cause: cause && SHA_RE.test(cause) ? { sha: cause } : undefined,
        })
      );
    }
  }
  const notices: SourceNotice[] = [];
  const ids = (list: Array<number | string>) =>
    list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ');
  if (noService.length > 0) {
    notices.push({
      severity: 'warning',
      text: `Grafana annotations: ${noService.length} deployment annotation${noService.length === 1 ? '' : 's'} (id ${ids(noService)}) name no service and were left out. Add a tag ${keys.service}:NAME, or set a default service in the annotations settings.`,
    });
  }
  if (noSha.length > 0) {
    notices.push({
      severity: 'warning',
      text: `Grafana annotations: ${noSha.length} deployment annotation${noSha.length === 1 ? '' : 's'} (id ${ids(noSha)}) name no commit SHA (7 to 40 hex digits) and were left out. Add a tag ${keys.sha}:SHA to the annotations your deploy job posts.`,
    });
  }
  if (badStatus.length > 0) {
    notices.push({
      severity: 'warning',
      text: `Grafana annotations: unknown status in annotation ${ids(badStatus)}; counted as success. Use ${keys.status}:success, failure, cancelled or in_progress.`,
    });
  }
  return { deployments, incidents, notices };
}
