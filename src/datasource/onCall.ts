/**
 * Who is on call now, from every source that knows schedules (PagerDuty, demo): the incident tool's service names
 * mapped to the catalog's services and teams. A source that fails is a notice; the others' owners still arrive.
 */
import { serviceDirectory, ServiceCatalog } from '../engine';
import { OnCallRow } from '../frames/onCallFrame';
import { EventSource, SourceNotice } from '../sources/types';
import { errorSentence } from './notices';

export interface OnCallRead {
  rows: OnCallRow[];
  notices: SourceNotice[];
}

export async function readOnCall(
  sources: EventSource[],
  catalog: ServiceCatalog | undefined,
  signal: AbortSignal
): Promise<OnCallRead> {
  const directory = serviceDirectory(catalog);
  const out: OnCallRead = { rows: [], notices: [] };
  const asked = sources.filter((s) => typeof s.onCall === 'function');
  if (asked.length === 0) {
    out.notices.push({
      severity: 'info',
      text: 'On call: no configured source knows on-call schedules. Enable PagerDuty (or the demo data) to see who is on call.',
    });
    return out;
  }
  await Promise.all(
    asked.map(async (source) => {
      try {
        const result = await source.onCall!(signal);
        out.notices.push(...result.notices);
        for (const owner of result.owners) {
          const service = directory.incidentService(owner.service) ?? owner.service;
          out.rows.push({
            service,
            team: directory.teamOf(service),
            level: owner.level,
            user: owner.user,
            userUrl: owner.userUrl,
            escalationPolicy: owner.escalationPolicy,
            schedule: owner.schedule,
            until: owner.end,
            source: owner.source,
          });
        }
      } catch (e) {
        if (signal.aborted) {
          throw e;
        }
        out.notices.push({ severity: 'warning', text: `On call from ${source.name}: ${errorSentence(e)}` });
      }
    })
  );
  return out;
}

/** The rows of the services and teams a query filters on. */
export function selectOnCall(rows: OnCallRow[], filters: { services?: string[]; teams?: string[] }): OnCallRow[] {
  return rows.filter(
    (r) =>
      (!filters.services || filters.services.indexOf(r.service) >= 0) &&
      (!filters.teams || filters.teams.indexOf(r.team) >= 0)
  );
}
