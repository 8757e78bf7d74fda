/**
 * testDatasource for PagerDuty: is the API key valid, can it read incidents, log entries and on-calls, and does
 * every configured service (or team) exist? Each failure names what failed and how to fix it.
 */
import { isAbortError } from '../abort';
import { HealthCheckItem } from '../types';
import { AbilitiesAnswer } from './apiTypes';
import { CallContext, PagerDutyClient } from './client';
import { describeError, PagerDutyHttpError } from './errors';
import { readServices } from './services';
import { ResolvedPagerDutySettings } from '../../settings/pagerduty';

const SOURCE = 'pagerduty';

async function probe(
  client: PagerDutyClient,
  path: string,
  query: Record<string, string | number | string[]>,
  call: CallContext
) {
  try {
    await client.get(path, { ...query, limit: 1 }, call);
    return undefined;
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    return e;
  }
}

export async function checkHealth(
  client: PagerDutyClient,
  settings: ResolvedPagerDutySettings,
  call: CallContext,
  now: () => number
): Promise<HealthCheckItem[]> {
  const items: HealthCheckItem[] = [];
  try {
    const answer = await client.get<AbilitiesAnswer>('/abilities', {}, call);
    const teams = (answer.abilities ?? []).indexOf('teams') >= 0;
    if (settings.scope === 'teams' && !teams) {
      return [
        {
          source: SOURCE,
          status: 'error',
          message:
            'The API key is valid, but the account has no "teams" ability, so services cannot be chosen by team. List the services instead.',
        },
      ];
    }
    items.push({
      source: SOURCE,
      status: 'ok',
      message: `API key accepted by ${settings.apiUrl}. PagerDuty does not tell whether a key can write: use a read-only API key.`,
    });
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    return [{ source: SOURCE, status: 'error', message: describeError('PagerDuty API key', e, now()) }];
  }
  try {
    const list = await readServices(client, settings, call, now());
    const kind = settings.scope === 'teams' ? 'team' : 'service';
    for (const missing of list.missing) {
      items.push({
        source: SOURCE,
        status: 'error',
        message: `${kind} "${missing}" was not found: no ${kind} has this ID or name, or the API key cannot see it. Fix the ${kind} list (PagerDuty section).`,
      });
    }
    const names = list.services.map((s) => s.name);
    if (names.length === 0) {
      items.push({
        source: SOURCE,
        status: settings.scope === 'all' ? 'warning' : 'error',
        message: 'no service to read: the account (or the configured teams) has no services the API key can see.',
      });
    } else {
      const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
      items.push({
        source: SOURCE,
        status: 'ok',
        message: `${names.length} service${names.length === 1 ? '' : 's'} readable: ${shown}.`,
      });
    }
    const ids = settings.scope === 'all' ? undefined : list.services.slice(0, 25).map((s) => s.id);
    const checks: Array<[string, string, Record<string, string | number | string[]>]> = [
      ['incidents', '/incidents', ids ? { 'service_ids[]': ids } : {}],
      ['log entries (acknowledgements, notes)', '/log_entries', {}],
      ['on-calls', '/oncalls', {}],
    ];
    const results = await Promise.all(checks.map(([, path, query]) => probe(client, path, query, call)));
    results.forEach((error, i) => {
      if (error !== undefined) {
        const forbidden = error instanceof PagerDutyHttpError && (error.kind === 'forbidden' || error.kind === 'plan');
        items.push({
          source: SOURCE,
          status: i === 0 || !forbidden ? 'error' : 'warning',
          message: describeError(`PagerDuty ${checks[i][0]}`, error, now()),
        });
      }
    });
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    items.push({
      source: SOURCE,
      status: 'error',
      message: describeError(`PagerDuty ${settings.scope === 'teams' ? 'teams' : 'services'}`, e, now()),
    });
  }
  return items;
}
