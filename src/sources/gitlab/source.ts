/**
 * GitLab (gitlab.com or self-managed) as a source of DORA events: deployments (GitLab deployments to production
 * environments, pipeline jobs, releases or tags), the production branch's commits with their merge requests,
 * incident issues and pipelines, for every configured project and a group's (the shared skeleton:
 * src/sources/forgeSource.ts).
 */
import { Instant } from '../../engine';
import { GitLabSettings } from '../../settings/model';
import { EtagCache } from '../etagCache';
import { ForgeSource, LimitedTarget, TargetGroup, TargetResult } from '../forgeSource';
import { HttpClient } from '../http';
import { HealthCheckItem } from '../types';
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

export class GitLabSource extends ForgeSource<ResolvedGitLabSettings, ProjectConfig, GitLabRateLimitError> {
  readonly name = 'gitlab';
  protected readonly label = 'GitLab';
  readonly client: GitLabClient;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: GitLabSourceOptions) {
    super(options.now);
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

  protected resolve(): ResolvedGitLabSettings {
    return resolveGitLabSettings(this.options.settings);
  }

  protected configured(settings: ResolvedGitLabSettings): ProjectConfig[] {
    return settings.projects;
  }

  protected nameOf(cfg: ProjectConfig): string {
    return cfg.path;
  }

  protected group(settings: ResolvedGitLabSettings): TargetGroup<ProjectConfig> | undefined {
    const group = settings.group;
    return group
      ? {
          subject: `GitLab group ${group.path}`,
          list: (call) => groupProjects(this.client, group.path, group.include, call),
          target: (path) => projectConfig(path, group.rules),
          noMatch: `no project matches the include pattern "${group.include}" (subgroups included, archived projects skipped).`,
        }
      : undefined;
  }

  protected fetchTarget(
    settings: ResolvedGitLabSettings,
    cfg: ProjectConfig,
    since: Instant,
    call: CallContext
  ): Promise<TargetResult<GitLabRateLimitError>> {
    return fetchProject(
      { client: this.client, cfg, since, call, now: this.now },
      // The instance is part of the key: the same path on two instances is two projects.
      this.snapshots.get(`${this.options.proxyUrl}|${settings.apiUrl}|${cfg.path}`)
    );
  }

  protected describeRateLimit(limited: Array<LimitedTarget<GitLabRateLimitError>>): string {
    return describeRateLimit(
      limited.map(({ target, ...rest }) => ({ project: target, ...rest })),
      this.now()
    );
  }

  protected describeError(subject: string, e: unknown): string {
    return describeError(subject, e, this.now());
  }

  protected checkTargets(projects: ProjectConfig[], call: CallContext): Promise<HealthCheckItem[]> {
    return checkHealth(this.client, projects, call, this.now);
  }
}
