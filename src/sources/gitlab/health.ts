/**
 * testDatasource for GitLab: is the token valid, read-only and allowed to read the API, and can each project be read
 * as configured? Says exactly what is missing and how to fix it.
 */
import { isAbortError } from '../abort';
import { HealthCheckItem } from '../types';
import { GlDeployment, GlTokenSelf } from './apiTypes';
import { CallContext, GitLabClient } from './client';
import { describeError, GitLabHttpError } from './errors';
import { FetchContext, projectApi } from './fetch/context';
import { productionEnvironments } from './mapper';
import { fetchEnvironments, fetchOverview } from './project';
import { ProjectConfig } from '../../settings/gitlab';

const SOURCE = 'gitlab';
/** Scopes that allow writing through the API or to repositories. */
const WRITE_SCOPES = [
  'api',
  'write_repository',
  'write_registry',
  'sudo',
  'admin_mode',
  'create_runner',
  'manage_runner',
];
/** Scopes that can read what the source needs. */
const READ_SCOPES = ['read_api', 'api'];
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The token's own check: valid, which user, which scopes. */
export async function checkToken(client: GitLabClient, call: CallContext, now: () => number): Promise<HealthCheckItem> {
  try {
    const token = (await client.get<GlTokenSelf>('/personal_access_tokens/self', undefined, call)).data;
    const scopes = token.scopes ?? [];
    const write = scopes.filter((s) => WRITE_SCOPES.indexOf(s) >= 0);
    if (!scopes.some((s) => READ_SCOPES.indexOf(s) >= 0)) {
      return {
        source: SOURCE,
        status: 'error',
        message: `The token "${token.name}" has the scopes ${scopes.join(', ') || 'none'} but not read_api; create a token with the read_api scope.`,
      };
    }
    if (write.length > 0) {
      return {
        source: SOURCE,
        status: 'warning',
        message: `The token "${token.name}" can write (scopes ${write.join(', ')}). Anyone who may query this data source can use it through Grafana's proxy; use a token with only the read_api scope.`,
      };
    }
    const expires = token.expires_at ? `, expires ${token.expires_at}` : '';
    return {
      source: SOURCE,
      status: 'ok',
      message: `Token "${token.name}" is valid (scopes: ${scopes.join(', ')}${expires}).`,
    };
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    return { source: SOURCE, status: 'error', message: describeError('GitLab token', e, now()) };
  }
}

export async function checkProject(
  client: GitLabClient,
  cfg: ProjectConfig,
  call: CallContext,
  now: () => number
): Promise<HealthCheckItem> {
  const subject = `GitLab ${cfg.path}`;
  const ctx: FetchContext = { client, cfg, since: now() - WEEK_MS, call, now };
  try {
    const overview = await fetchOverview(ctx);
    if (!overview.head) {
      return {
        source: SOURCE,
        status: 'error',
        message: `${subject}: branch "${overview.branch || '(default)'}" does not exist; set production=<branch> to the branch production is built from.`,
      };
    }
    const parts = [`${subject}: readable, production branch ${overview.branch}`];
    let status: HealthCheckItem['status'] = 'ok';
    if (cfg.deploymentSource === 'deployments') {
      const environments = await fetchEnvironments(ctx);
      const production = productionEnvironments(environments, cfg.environmentPattern);
      if (production.length === 0) {
        status = 'warning';
        const all = environments.map((e) => `${e.name}${e.tier ? ` (${e.tier})` : ''}`);
        const rule = cfg.environmentPattern ? `matches "${cfg.environmentPattern}"` : 'has the tier production';
        parts.push(
          `but no environment ${rule} (environments: ${all.length ? all.join(', ') : 'none'}); set env= or the environment's deployment tier`
        );
      } else {
        const recent = await client.get<GlDeployment[]>(
          `${projectApi(ctx)}/deployments`,
          {
            environment: production[0],
            status: 'success',
            updated_after: new Date(now() - WEEK_MS).toISOString(),
            per_page: 100,
          },
          call
        );
        const count = Array.isArray(recent.data) ? recent.data.length : 0;
        parts.push(
          `${count}${count === 100 ? '+' : ''} successful deployments to ${production[0]} in the last 7 days (production: ${production.join(', ')})`
        );
      }
    } else {
      parts.push(`deployments from ${cfg.deploymentSource}`);
    }
    for (const [list, path] of [
      ['pipeline jobs', `${projectApi(ctx)}/jobs`],
      ['issues', `${projectApi(ctx)}/issues`],
      ['merge requests', `${projectApi(ctx)}/merge_requests`],
    ] as const) {
      try {
        await client.get(path, { per_page: 1 }, call);
      } catch (e) {
        if (isAbortError(e)) {
          throw e;
        }
        const missing = e instanceof GitLabHttpError && (e.kind === 'forbidden' || e.kind === 'not-found');
        status =
          list === 'pipeline jobs' && cfg.deploymentSource === 'jobs'
            ? 'error'
            : status === 'error'
              ? status
              : 'warning';
        parts.push(
          missing
            ? `${list} unreadable (${e instanceof GitLabHttpError ? e.status : ''}): the feature is off for the project or the token's user needs the Reporter role`
            : `${list} unreadable: ${describeError('', e, now()).replace(/^: /, '')}`
        );
      }
    }
    if (overview.project.archived) {
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
