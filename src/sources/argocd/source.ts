/**
 * Argo CD as a source of DORA events: the deployments of every selected application (its sync history, its
 * failed or running operation), with service, environment and production from the settings. A failure is a
 * notice; the other sources' data still arrives.
 */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { abortError } from '../abort';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, SourceResult } from '../types';
import { ArgoCdClient, describeArgoError } from './client';
import { checkArgoCdHealth } from './health';
import { mapApplications, rulesOf, SOURCE } from './mapper';
import { ArgoCdSettings, resolveArgoCdSettings, ResolvedArgoCdSettings } from '../../settings/argocd';

export interface ArgoCdSourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the plugin.json route `argocd` hangs below it. */
  proxyUrl: string;
  settings: ArgoCdSettings | undefined;
  now?: () => Instant;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class ArgoCdSource implements EventSource {
  readonly name = SOURCE;
  readonly client: ArgoCdClient;
  private readonly now: () => Instant;

  constructor(private readonly options: ArgoCdSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.client = new ArgoCdClient({
      http: options.http,
      proxyUrl: options.proxyUrl,
      now: this.now,
      sleep: options.sleep,
    });
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const events = emptyEvents();
    let settings: ResolvedArgoCdSettings;
    try {
      settings = resolveArgoCdSettings(this.options.settings);
    } catch (e) {
      return { events, notices: [{ severity: 'error', text: (e as Error).message }] };
    }
    try {
      const apps = await this.client.applications(settings, { signal, deadline: this.now() + settings.timeoutMs });
      const mapped = mapApplications(apps, rulesOf(settings), range);
      // History entries outside the range stay: the engine needs earlier deployments to find changes and rollbacks.
      events.deployments = mapped.deployments.filter((d) => d.finishedAt <= range.to);
      return { events, notices: mapped.notices };
    } catch (e) {
      if (signal?.aborted) {
        throw abortError();
      }
      return { events, notices: [{ severity: 'error', text: describeArgoError(e) }] };
    }
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let settings: ResolvedArgoCdSettings;
    try {
      settings = resolveArgoCdSettings(this.options.settings);
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    return checkArgoCdHealth(this.client, settings, { signal, deadline: this.now() + settings.timeoutMs });
  }
}
