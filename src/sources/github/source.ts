/**
 * GitHub as a source of DORA events: deployments (GitHub Deployments, workflow runs, releases or tags), the
 * production branch's commits with their pull requests, incident issues and workflow runs, for every configured
 * repository. One repository's failure is a notice; the others' data still arrives.
 */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { GitHubSettings } from '../../settings/model';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from '../types';
import { CallContext, GitHubClient } from './client';
import { EtagCache } from './etagCache';
import { abortError } from '../abort';
import { describeError, describeRateLimit, GitHubRateLimitError } from './errors';
import { checkHealth } from './health';
import { organizationRepositories } from './organization';
import { fetchRepository } from './repository';
import {
  RepositoryConfig,
  repositoryConfig,
  resolveGitHubSettings,
  ResolvedGitHubSettings,
} from '../../settings/github';
import { sharedSnapshots, SnapshotStore } from './snapshot';

export interface GitHubSourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the plugin.json routes github/rest and github/graphql hang below it. */
  proxyUrl: string;
  settings: GitHubSettings | undefined;
  now?: () => Instant;
  /** For tests and the bench; default: module-level, so they outlive a refresh. */
  etagCache?: EtagCache;
  snapshots?: SnapshotStore;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  concurrency?: number;
}

export class GitHubSource implements EventSource {
  readonly name = 'github';
  readonly client: GitHubClient;
  private readonly now: () => Instant;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: GitHubSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.snapshots = options.snapshots ?? sharedSnapshots;
    this.client = new GitHubClient({
      http: options.http,
      proxyUrl: options.proxyUrl,
      etagCache: options.etagCache,
      sleep: options.sleep,
      now: this.now,
      concurrency: options.concurrency,
    });
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    let settings: ResolvedGitHubSettings;
    try {
      settings = resolveGitHubSettings(this.options.settings);
    } catch (e) {
      return { events: emptyEvents(), notices: [{ severity: 'error', text: `GitHub: ${(e as Error).message}` }] };
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { repositories, notices } = await this.repositories(settings, call);
    const results = await Promise.all(
      repositories.map((cfg) =>
        fetchRepository(
          { client: this.client, cfg, since: range.from, call, now: this.now },
          this.snapshots.get(`${this.options.proxyUrl}|${cfg.repo}`)
        )
      )
    );
    if (signal?.aborted) {
      throw abortError();
    }
    const events = emptyEvents();
    const limited: Array<{ repo: string; lists: string[]; error: GitHubRateLimitError }> = [];
    results.forEach((r, i) => {
      if (r.rateLimited) {
        limited.push({ repo: repositories[i].repo, ...r.rateLimited });
      }
    });
    if (limited.length > 0) {
      notices.push({ severity: 'warning', text: describeRateLimit(limited, this.now()) });
    }
    for (const r of results) {
      events.changes.push(...r.events.changes);
      events.deployments.push(...r.events.deployments);
      events.incidents.push(...r.events.incidents);
      events.pipelineRuns.push(...r.events.pipelineRuns);
      notices.push(...r.notices);
    }
    return { events, notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let settings: ResolvedGitHubSettings;
    try {
      settings = resolveGitHubSettings(this.options.settings);
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { repositories, notices } = await this.repositories(settings, call);
    const items = await checkHealth(this.client, repositories, call, this.now);
    return items.concat(
      notices.map((n) => ({ source: this.name, status: n.severity === 'info' ? 'ok' : n.severity, message: n.text }))
    );
  }

  /** Configured repositories plus the organisation's (listed repositories win over the organisation rules). */
  private async repositories(
    settings: ResolvedGitHubSettings,
    call: CallContext
  ): Promise<{ repositories: RepositoryConfig[]; notices: SourceNotice[] }> {
    const repositories = settings.repositories.slice();
    const notices: SourceNotice[] = [];
    const org = settings.organization;
    if (org) {
      try {
        const listed: Record<string, boolean> = {};
        repositories.forEach((r) => (listed[r.repo.toLowerCase()] = true));
        const names = await organizationRepositories(this.client, org.name, org.include, call);
        for (const name of names) {
          if (!listed[name.toLowerCase()]) {
            repositories.push(repositoryConfig(name, org.rules));
          }
        }
        if (names.length === 0) {
          notices.push({
            severity: 'warning',
            text: `GitHub organisation ${org.name}: no repository matches the include pattern "${org.include}" (archived ones are skipped).`,
          });
        }
      } catch (e) {
        if (call.signal?.aborted) {
          throw abortError();
        }
        notices.push({ severity: 'error', text: describeError(`GitHub organisation ${org.name}`, e, this.now()) });
      }
    }
    return { repositories, notices };
  }
}
