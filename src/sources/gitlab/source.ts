/**
 * GitLab (gitlab.com or self-managed) as a source of DORA events: deployments (GitLab deployments to production
 * environments, pipeline jobs, releases or tags), the production branch's commits with their merge requests,
 * incident issues and pipelines, for every configured project and a group's (the shared skeleton:
 * src/sources/forgeSource.ts).
 */
import { Instant } from '../../engine';
import { GitLabSettings } from '../../settings/model';
import { ForgeSource, ForgeSourceOptions, LimitedTarget, TargetGroup, TargetResult } from '../forgeSource';
import { HealthCheckItem } from '../types';
import { CallContext, GitLabClient } from './client';
import { describeError, describeRateLimit, GitLabRateLimitError } from './errors';
import { groupProjects } from './group';
import { checkProject, checkToken } from './health';
import { fetchProject } from './project';
import { ProjectConfig, projectConfig, resolveGitLabSettings, ResolvedGitLabSettings } from '../../settings/gitlab';
import { ProjectSnapshot, sharedSnapshots, SnapshotStore } from './snapshot';

export type GitLabSourceOptions = ForgeSourceOptions<GitLabSettings, ProjectSnapshot>;

export class GitLabSource extends ForgeSource<ResolvedGitLabSettings, ProjectConfig, GitLabRateLimitError> {
  readonly name = 'gitlab';
  protected readonly label = 'GitLab';
  readonly client: GitLabClient;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: GitLabSourceOptions) {
    super(options);
    this.snapshots = options.snapshots ?? sharedSnapshots;
    this.client = new GitLabClient(this.rest);
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

  protected checkToken(call: CallContext): Promise<HealthCheckItem> {
    return checkToken(this.client, call, this.now);
  }

  protected checkTarget(cfg: ProjectConfig, call: CallContext): Promise<HealthCheckItem> {
    return checkProject(this.client, cfg, call, this.now);
  }
}
