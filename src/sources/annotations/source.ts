/**
 * Grafana's own annotations as a source of DORA events: annotations with the deployment tags are deployments,
 * those with the incident tags incidents (see mapper.ts for how tags and text name the rest). In the browser
 * they are read with the viewer's session; on the server with the service account token, and without one the
 * source says so. A failure is a notice; the other sources' data still arrives.
 */
import { DAY_MS, emptyEvents, Instant, TimeRange } from '../../engine';
import { abortError, isAbortError } from '../abort';
import { describeGrafanaError, GrafanaApiAccess, missingTokenMessage } from '../grafanaApi';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from '../types';
import { AnnotationsClient, MAX_PAGES, PAGE_LIMIT } from './client';
import { mapAnnotations, SOURCE } from './mapper';
import {
  AnnotationsSettings,
  resolveAnnotationsSettings,
  ResolvedAnnotationsSettings,
} from '../../settings/annotations';

export interface AnnotationsSourceOptions {
  http: HttpClient;
  grafana: GrafanaApiAccess;
  settings: AnnotationsSettings | undefined;
  now?: () => Instant;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const SUBJECT = 'Grafana annotations';

export class AnnotationsSource implements EventSource {
  readonly name = SOURCE;
  readonly client: AnnotationsClient;
  private readonly now: () => Instant;

  constructor(private readonly options: AnnotationsSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.client = new AnnotationsClient({
      http: options.http,
      base: options.grafana.base,
      now: this.now,
      sleep: options.sleep,
    });
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    const ready = this.ready();
    if ('error' in ready) {
      return { events, notices: [{ severity: 'error', text: ready.error }] };
    }
    const settings = ready.settings;
    const call = { signal, deadline: this.now() + settings.timeoutMs };
    const notices: SourceNotice[] = [];
    const kinds = [
      { what: 'deployment', tags: settings.deploymentTags },
      { what: 'incident', tags: settings.incidentTags },
    ].filter((k) => k.tags.length > 0);
    const read = await Promise.all(
      kinds.map(async (kind) => {
        try {
          const found = await this.client.find(
            { tags: kind.tags, dashboardUid: settings.dashboardUid, ...range },
            call
          );
          if (found.truncated) {
            notices.push({
              severity: 'warning',
              text: `${SUBJECT}: more than ${MAX_PAGES * PAGE_LIMIT} ${kind.what} annotations tagged ${kind.tags.join(', ')} in the range; only the newest are used. Narrow the tags or the time range.`,
            });
          }
          return found.annotations;
        } catch (e) {
          if (signal?.aborted || isAbortError(e)) {
            throw abortError();
          }
          notices.push({ severity: 'error', text: describeGrafanaError(`${SUBJECT} (${kind.what}s)`, e) });
          return [];
        }
      })
    );
    const mapped = mapAnnotations(([] as (typeof read)[number]).concat(...read), settings);
    events.deployments = mapped.deployments;
    events.incidents = mapped.incidents;
    return { events, notices: notices.concat(mapped.notices) };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    const ready = this.ready();
    if ('error' in ready) {
      return [{ source: this.name, status: 'error', message: ready.error }];
    }
    const settings = ready.settings;
    const now = this.now();
    try {
      const found = await this.client.find(
        {
          tags: settings.deploymentTags.length > 0 ? settings.deploymentTags : settings.incidentTags,
          dashboardUid: settings.dashboardUid,
          from: now - 30 * DAY_MS,
          to: now,
        },
        { signal, deadline: now + settings.timeoutMs }
      );
      const who =
        this.options.grafana.auth === 'session' ? "with the viewer's session" : 'with the service account token';
      const tags = (settings.deploymentTags.length > 0 ? settings.deploymentTags : settings.incidentTags).join(', ');
      if (found.annotations.length === 0) {
        return [
          {
            source: this.name,
            status: 'warning',
            message: `Grafana's annotations are readable ${who}, but none is tagged ${tags} in the last 30 days${settings.dashboardUid ? ` on dashboard ${settings.dashboardUid}` : ''}. Check the tags your deploy job posts.`,
          },
        ];
      }
      return [
        {
          source: this.name,
          status: 'ok',
          message: `readable ${who}, ${found.annotations.length} annotation${found.annotations.length === 1 ? '' : 's'} tagged ${tags} in the last 30 days`,
        },
      ];
    } catch (e) {
      if (isAbortError(e)) {
        throw e;
      }
      return [{ source: this.name, status: 'error', message: describeGrafanaError(SUBJECT, e) }];
    }
  }

  private ready(): { settings: ResolvedAnnotationsSettings } | { error: string } {
    if (this.options.grafana.auth === 'missing') {
      return { error: missingTokenMessage(SUBJECT) };
    }
    try {
      return { settings: resolveAnnotationsSettings(this.options.settings) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
}
