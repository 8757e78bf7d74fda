/**
 * GitLab (gitlab.com or self-managed) as a source of DORA events: deployments (GitLab deployments to production
 * environments, pipeline jobs, releases or tags), the production branch's commits with their merge requests,
 * incident issues and pipelines, for every configured project or every project of a group. One project's failure is
 * a notice; the others' data still arrives.
 */
import { emptyEvents, Instant, TimeRange } from '../../engine';
import { GitLabSettings } from '../../settings/model';
import { abortError } from '../abort';
import { EtagCache } from '../etagCache';
import { HttpClient } from '../http';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from '../types';
import { CallContext, GitLabClient } from './client';
import { describeError, describeRateLimit, GitLabRateLimitError } from './errors';
import { groupProjects } from './group';
import { checkHealth } from './health';
import { fetchProject } from './project';
import { ProjectConfig, projectConfig, resolveGitLabSettings, ResolvedGitLabSettings } from '../../settings/gitlab';
import { sharedSnapshots, SnapshotStore } from './snapshot';

export interface GitLabSourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url); the plugin.json route gitlab/api hangs below it. */
  proxyUrl: string;
  settings: GitLabSettings | undefined;
  now?: () => Instant;
  /** For tests and the bench; default: module-level, so they outlive a refresh. */
  etagCache?: EtagCache;
  snapshots?: SnapshotStore;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  concurrency?: number;
}

export class GitLabSource implements EventSource {
  readonly name = 'gitlab';
  readonly client: GitLabClient;
  private readonly now: () => Instant;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: GitLabSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.snapshots = options.snapshots ?? sharedSnapshots;
    this.client = new GitLabClient({
      http: options.http,
      proxyUrl: options.proxyUrl,
      etagCache: options.etagCache,
      sleep: options.sleep,
      now: this.now,
      concurrency: options.concurrency,
    });
  }

  async fetchEvents(range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    let settings: ResolvedGitLabSettings;
    try {
      settings = resolveGitLabSettings(this.options.settings);
    } catch (e) {
      return { events: emptyEvents(), notices: [{ severity: 'error', text: `GitLab: ${(e as Error).message}` }] };
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { projects, notices } = await this.projects(settings, call);
    const results = await Promise.all(
      projects.map((cfg) =>
        fetchProject(
          { client: this.client, cfg, since: range.from, call, now: this.now },
          this.snapshots.get(`${this.options.proxyUrl}|${settings.apiUrl}|${cfg.path}`)
        )
      )
    );
    if (signal?.aborted) {
      throw abortError();
    }
    const events = emptyEvents();
    const limited: Array<{ project: string; lists: string[]; error: GitLabRateLimitError }> = [];
    results.forEach((r, i) => {
      if (r.rateLimited) {
        limited.push({ project: projects[i].path, ...r.rateLimited });
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
    let settings: ResolvedGitLabSettings;
    try {
      settings = resolveGitLabSettings(this.options.settings);
    } catch (e) {
      return [{ source: this.name, status: 'error', message: (e as Error).message }];
    }
    const call: CallContext = { signal, deadline: this.now() + settings.timeoutMs };
    const { projects, notices } = await this.projects(settings, call);
    const items = await checkHealth(this.client, projects, call, this.now);
    return items.concat(
      notices.map((n) => ({ source: this.name, status: n.severity === 'info' ? 'ok' : n.severity, message: n.text }))
    );
  }

  /** Configured projects plus the group's (listed projects win over the group rules). */
  private async projects(
    settings: ResolvedGitLabSettings,
    call: CallContext
  ): Promise<{ projects: ProjectConfig[]; notices: SourceNotice[] }> {
    const projects = settings.projects.slice();
    const notices: SourceNotice[] = [];
    const group = settings.group;
    if (group) {
      try {
        const listed = new Set(projects.map((p) => p.path.toLowerCase()));
        const paths = await groupProjects(this.client, group.path, group.include, call);
        for (const path of paths) {
          if (!listed.has(path.toLowerCase())) {
            projects.push(projectConfig(path, group.rules));
          }
        }
        if (paths.length === 0) {
          notices.push({
            severity: 'warning',
            text: `GitLab group ${group.path}: no project matches the include pattern "${group.include}" (subgroups included, archived projects skipped).`,
          });
        }
      } catch (e) {
        if (call.signal?.aborted) {
          throw abortError();
        }
        notices.push({ severity: 'error', text: describeError(`GitLab group ${group.path}`, e, this.now()) });
      }
    }
    return { projects, notices };
  }
}
