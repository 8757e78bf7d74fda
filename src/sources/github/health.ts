/**
 * testDatasource for GitHub: is the token valid (and read-only), and can each repository be read as configured?
 * Says exactly what failed and how to fix it.
 */
import { HealthCheckItem } from '../types';
import { CallContext, GitHubClient } from './client';
import { isAbortError } from '../abort';
import { describeError, GitHubGraphQLError, GitHubHttpError } from './errors';
import { FetchContext } from './fetch/context';
import { ACCESS_PROBE, rest } from './queries';
import { fetchOverview, productionEnvironments } from './repository';
import { RepositoryConfig } from '../../settings/github';

const SOURCE = 'github';
/** Classic token scopes that allow writing (X-OAuth-Scopes). Fine-grained tokens send no such header. */
const WRITE_SCOPE = /^(repo|public_repo|workflow|delete_repo|user|gist|project|codespace|write:.*|admin:.*|delete:.*)$/;

export function writeScopes(header: string | undefined): string[] {
  if (!header) {
    return [];
  }
  return header
    .split(',')
    .map((s) => s.trim())
    .filter((s) => WRITE_SCOPE.test(s));
}

/** The token's own check: valid, which user, which scopes. */
export async function checkToken(client: GitHubClient, call: CallContext, now: () => number): Promise<HealthCheckItem> {
  try {
    const result = await client.get<{ login?: string }>(rest.user(), undefined, call);
    const login = result.data?.login ?? 'unknown user';
    const scopes = result.headers['x-oauth-scopes'];
    const write = writeScopes(scopes);
    if (write.length > 0) {
      return {
        source: SOURCE,
        status: 'warning',
        message: `The token (of ${login}) can write: scopes ${write.join(', ')}. Anyone who may query this data source can use it through Grafana's proxy; use a fine-grained, read-only token limited to the configured repositories.`,
      };
    }
    return {
      source: SOURCE,
      status: 'ok',
      message: `Token of ${login} is valid${scopes === undefined ? ' (fine-grained)' : ` (scopes: ${scopes || 'none'})`}.`,
    };
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    if (e instanceof GitHubHttpError && e.kind === 'forbidden') {
      // GitHub App installation tokens may not read /user; the repository checks still tell what works.
      return {
        source: SOURCE,
        status: 'warning',
        message: `The token may not read its user (/user answered 403${e.detail ? `: ${e.detail}` : ''}); its write access could not be checked. Use a fine-grained, read-only token.`,
      };
    }
    return { source: SOURCE, status: 'error', message: describeError('GitHub token', e, now()) };
  }
}

export async function checkRepository(
  client: GitHubClient,
  cfg: RepositoryConfig,
  call: CallContext,
  now: () => number
): Promise<HealthCheckItem> {
  const subject = `GitHub ${cfg.repo}`;
  const ctx: FetchContext = { client, cfg, since: now(), call, now };
  try {
    const overview = await fetchOverview(ctx);
    const ref = cfg.productionBranch ? overview.productionRef : overview.defaultBranchRef;
    if (!ref?.target) {
      return {
        source: SOURCE,
        status: 'error',
        message: `${subject}: branch "${cfg.productionBranch ?? '(default)'}" does not exist; set production=<branch> to the branch production is built from.`,
      };
    }
    const parts = [`${subject}: readable, production branch ${ref.name}`];
    let status: HealthCheckItem['status'] = 'ok';
    const envs = productionEnvironments(overview, cfg.environmentPattern);
    const probe = await probeAccess(client, cfg, envs, call);
    if ('unreadable' in probe) {
      status = 'warning';
      parts.push(`but the token may not read ${probe.unreadable} (${probe.detail}); give it read access to them`);
    }
    if (cfg.deploymentSource === 'deployments') {
      if (envs.length === 0) {
        status = 'warning';
        const all = overview.environments.nodes.map((e) => e.name);
        parts.push(
          `but no environment matches "${cfg.environmentPattern}" (environments: ${all.length ? all.join(', ') : 'none'}); fix env= or the environment pattern`
        );
      } else {
        const count = 'counts' in probe ? `${probe.counts.deployments} ` : '';
        parts.push(`${count}deployments to ${envs.join(', ')}`);
      }
    } else {
      parts.push(`deployments from ${cfg.deploymentSource}`);
    }
    try {
      await client.get(rest.workflowRuns(cfg.repo), { per_page: 1 }, call);
    } catch (e) {
      if (isAbortError(e)) {
        throw e;
      }
      status = cfg.deploymentSource === 'workflows' ? 'error' : 'warning';
      parts.push(`workflow runs unreadable: ${describeError('Actions', e, now())}`);
    }
    if (overview.isArchived) {
      parts.push('(archived)');
    }
    return { source: SOURCE, status, message: `${parts.join('; ')}.` };
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    return { source: SOURCE, status: 'error', message: describeError(subject, e, now()) };
  }
}

interface ProbeData {
  repository: Record<'deployments' | 'pullRequests' | 'issues' | 'releases', { totalCount: number } | null> | null;
}

/** Whether the token can read each list (a fine-grained token lacking a permission fails just that field). */
async function probeAccess(
  client: GitHubClient,
  cfg: RepositoryConfig,
  environments: string[],
  call: CallContext
): Promise<{ counts: { deployments: number } } | { unreadable: string; detail: string }> {
  try {
    const data = await client.graphql<ProbeData>(
      ACCESS_PROBE,
      { owner: cfg.owner, name: cfg.name, environments: environments.length ? environments : null },
      call
    );
    return { counts: { deployments: data.repository?.deployments?.totalCount ?? 0 } };
  } catch (e) {
    if (e instanceof GitHubGraphQLError) {
      const names: Record<string, string> = {
        'repository.deployments': 'deployments',
        'repository.pullRequests': 'pull requests',
        'repository.issues': 'issues',
        'repository.releases': 'releases',
      };
      const unreadable = e.fields.map((f) => names[f] ?? f).join(', ') || 'some lists';
      return { unreadable, detail: e.detail };
    }
    throw e;
  }
}
