/**
 * Which PagerDuty services the source reads: all of them, the listed ones (by ID or name), or those of the listed
 * teams. The list is kept for a few minutes (services rarely change) so refreshes do not read it again.
 */
import { CallContext, PagerDutyClient } from './client';
import { PdService, PdTeam, ServicesPage, TeamsPage } from './apiTypes';
import { ResolvedPagerDutySettings } from '../../settings/pagerduty';
import { ServiceListState } from './snapshot';

/** How long a service list is reused. */
export const SERVICE_LIST_TTL_MS = 15 * 60 * 1000;
/** IDs per request where PagerDuty takes a list of IDs (URLs stay short). */
export const IDS_PER_REQUEST = 25;

export function serviceListKey(s: ResolvedPagerDutySettings): string {
  return `${s.scope}|${s.scope === 'services' ? s.services.join(',') : ''}|${s.scope === 'teams' ? s.teams.join(',') : ''}`;
}

async function allServices(client: PagerDutyClient, query: Record<string, string[]>, call: CallContext) {
  const services: PdService[] = [];
  await client.pages<ServicesPage, PdService>(
    '/services',
    { ...query, time_zone: 'UTC' },
    (p) => p.services,
    (items) => {
      services.push(...items);
      return 'continue';
    },
    call
  );
  return services;
}

function matches(entry: string, item: { id: string; name?: string; summary?: string | null }): boolean {
  const e = entry.toLowerCase();
  return item.id === entry || item.id.toLowerCase() === e || (item.name ?? item.summary ?? '').toLowerCase() === e;
}

/** Reads the services the settings select; errors propagate (the caller makes them notices). */
export async function readServices(
  client: PagerDutyClient,
  settings: ResolvedPagerDutySettings,
  call: CallContext,
  now: number
): Promise<ServiceListState> {
  const key = serviceListKey(settings);
  if (settings.scope === 'all') {
    return { key, readAt: now, services: await allServices(client, {}, call), missing: [] };
  }
  if (settings.scope === 'services') {
    const all = await allServices(client, {}, call);
    const services: PdService[] = [];
    const missing: string[] = [];
    for (const entry of settings.services) {
      const found = all.find((s) => matches(entry, s));
      if (!found) {
        missing.push(entry);
      } else if (services.indexOf(found) < 0) {
        services.push(found);
      }
    }
    return { key, readAt: now, services, missing };
  }
  const teams: PdTeam[] = [];
  await client.pages<TeamsPage, PdTeam>(
    '/teams',
    {},
    (p) => p.teams,
    (items) => {
      teams.push(...items);
      return 'continue';
    },
    call
  );
  const ids: string[] = [];
  const missing: string[] = [];
  for (const entry of settings.teams) {
    const found = teams.find((t) => matches(entry, t));
    if (found) {
      ids.push(found.id);
    } else {
      missing.push(entry);
    }
  }
  const services: PdService[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    for (const s of await allServices(client, { 'team_ids[]': ids.slice(i, i + IDS_PER_REQUEST) }, call)) {
      if (!services.some((x) => x.id === s.id)) {
        services.push(s);
      }
    }
  }
  return { key, readAt: now, services, missing };
}

export function chunkIds(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    out.push(ids.slice(i, i + IDS_PER_REQUEST));
  }
  return out;
}
