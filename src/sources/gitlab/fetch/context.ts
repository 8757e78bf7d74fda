/** What every GitLab list fetcher gets: the client, the project's rules, the look-back start and the call context. */
import { Instant } from '../../../engine';
import { CallContext, encodePath, GitLabClient } from '../client';
import { ProjectConfig } from '../../../settings/gitlab';

export interface FetchContext {
  client: GitLabClient;
  cfg: ProjectConfig;
  /** Look-back start: nothing older is needed. */
  since: Instant;
  call: CallContext;
  now: () => Instant;
}

/** The API path of the project, e.g. /projects/group%2Fsub%2Fproject. */
export function projectApi(ctx: FetchContext): string {
  return `/projects/${encodePath(ctx.cfg.path)}`;
}

/** GitLab's maximum page size. */
export const PER_PAGE = 100;
