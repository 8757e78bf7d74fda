/** Who is on call now, one row per service and escalation level: the on-call dashboard's table. */
import { FrameDescription } from './frame';
import { openUrlLink } from './links';

/** One person on call for a service, with the service and team as the catalog names them. */
export interface OnCallRow {
  service: string;
  team: string;
  /** 1 = paged first. */
  level: number;
  user: string;
  userUrl?: string;
  escalationPolicy?: string;
  schedule?: string;
  /** When the shift ends; absent when the person is always on call. */
  until?: number;
  source: string;
}

export function onCallFrame(rows: OnCallRow[], refId: string): FrameDescription {
  const sorted = rows
    .slice()
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.level - b.level));
  const col = <T>(f: (r: OnCallRow) => T) => sorted.map(f);
  return {
    refId,
    name: 'On call',
    fields: [
      { name: 'Service', type: 'string', values: col((r) => r.service) },
      { name: 'Team', type: 'string', values: col((r) => r.team) },
      {
        name: 'Level',
        type: 'number',
        values: col((r) => r.level),
        config: { decimals: 0, description: 'Escalation level: 1 is paged first.' },
      },
      { name: 'On call', type: 'string', values: col((r) => r.user) },
      { name: 'Escalation policy', type: 'string', values: col((r) => r.escalationPolicy ?? '') },
      { name: 'Schedule', type: 'string', values: col((r) => r.schedule ?? '') },
      {
        name: 'Until',
        type: 'time',
        values: col((r) => r.until ?? null),
        config: { noValue: 'always', description: 'When the current shift ends.' },
      },
      { name: 'Source', type: 'string', values: col((r) => r.source) },
      {
        name: 'Profile',
        type: 'string',
        values: col((r) => r.userUrl ?? ''),
        config: { links: openUrlLink('Open profile') },
      },
    ],
  };
}
