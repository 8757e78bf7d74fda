/**
 * GitHub as a source of DORA events: deployments (GitHub Deployments, workflow runs, releases or tags), the
 * production branch's commits with their pull requests, incident issues and workflow runs, for every configured
 * repository and an organisation's (the shared skeleton: src/sources/forgeSource.ts).
 */
import { Instant } from '../../engine';
import { GitHubSettings } from '../../settings/model';
import { HealthCheckItem } from '../types';
import { CallContext, GitHubClient } from './client';
import { ForgeSource, ForgeSourceOptions, LimitedTarget, TargetGroup, TargetResult } from '../forgeSource';
import { describeError, describeRateLimit, GitHubRateLimitError } from './errors';
import { checkRepository, checkToken } from './health';
import { organizationRepositories } from './organization';
import { fetchRepository } from './repository';
import {
  RepositoryConfig,
  repositoryConfig,
  resolveGitHubSettings,
  ResolvedGitHubSettings,
} from '../../settings/github';
import { RepoSnapshot, sharedSnapshots, SnapshotStore } from './snapshot';

export type GitHubSourceOptions = ForgeSourceOptions<GitHubSettings, RepoSnapshot>;

export class GitHubSource extends ForgeSource<ResolvedGitHubSettings, RepositoryConfig, GitHubRateLimitError> {
  readonly name = 'github';
  protected readonly label = 'GitHub';
  readonly client: GitHubClient;
  private readonly snapshots: SnapshotStore;

  constructor(private readonly options: GitHubSourceOptions) {
    super(options);
    this.snapshots = options.snapshots ?? sharedSnapshots;
    this.client = new GitHubClient(this.rest);
  }

  protected resolve(): ResolvedGitHubSettings {
    return resolveGitHubSettings(this.options.settings);
  }

  protected configured(settings: ResolvedGitHubSettings): RepositoryConfig[] {
    return settings.repositories;
  }

  protected nameOf(cfg: RepositoryConfig): string {
    return cfg.repo;
  }

  protected group(settings: ResolvedGitHubSettings): TargetGroup<RepositoryConfig> | undefined {
    const org = settings.organization;
    return org
      ? {
          subject: `GitHub organisation ${org.name}`,
          list: (call) => organizationRepositories(this.client, org.name, org.include, call),
          target: (name) => repositoryConfig(name, org.rules),
          noMatch: `no repository matches the include pattern "${org.include}" (archived ones are skipped).`,
        }
      : undefined;
  }

  protected fetchTarget(
    _settings: ResolvedGitHubSettings,
    cfg: RepositoryConfig,
    since: Instant,
    call: CallContext
  ): Promise<TargetResult<GitHubRateLimitError>> {
    return fetchRepository(
      { client: this.client, cfg, since, call, now: this.now },
      this.snapshots.get(`${this.options.proxyUrl}|${cfg.repo}`)
    );
  }

  protected describeRateLimit(limited: Array<LimitedTarget<GitHubRateLimitError>>): string {
    return describeRateLimit(
      limited.map(({ target, ...rest }) => ({ repo: target, ...rest })),
      this.now()
    );
  }

  protected describeError(subject: string, e: unknown): string {
    return describeError(subject, e, this.now());
  }

  protected checkToken(call: CallContext): Promise<HealthCheckItem> {
    return checkToken(this.client, call, this.now);
  }

  protected checkTarget(cfg: RepositoryConfig, call: CallContext): Promise<HealthCheckItem> {
    return checkRepository(this.client, cfg, call, this.now);
  }
}
