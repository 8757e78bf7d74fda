/**
 * Counts the incident.io requests of a dashboard refresh against the fake (npm run bench:incidents): `incidents`
 * spread over the window, the first refresh of N panels sharing one fetch (EventCache), the unchanged refresh after
 * the cache's TTL (one request for what was updated since), and what a naive client sends (per panel, the incident
 * pages at the API's default 25 a page; the list already holds every timestamp).
 */
import { SnapshotStore } from '../../lists';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { LoopbackRequest } from '../../testing/loopback';
import { measureRefreshes, RefreshBudget } from '../../testing/refreshBudget';
import { IncidentIoSnapshots, IncidentIoSource } from '../source';
import { incidentWorld } from './scenario';
import { FakeIncident } from './shapes';
import { startFakeIncidentIo } from './server';

const DAY = 24 * 3600 * 1000;
const MIN = 60 * 1000;
const iso = (t: number) => new Date(t).toISOString();

export interface IncidentIoBudget extends RefreshBudget<LoopbackRequest> {
  naive: number;
}

export async function measureIncidentIoRequests(o: {
  incidents: number;
  panels: number;
  windowDays: number;
  now: number;
}): Promise<IncidentIoBudget> {
  const start = o.now - (o.windowDays - 1) * DAY;
  const step = (o.now - 2 * 3600 * 1000 - start) / o.incidents;
  const incidents: FakeIncident[] = Array.from({ length: o.incidents }, (_, i) => {
    const created = Math.floor(start + i * step);
    const resolved = created + (12 + (i % 97)) * MIN;
    return {
      id: `01HB${String(i).padStart(22, '0')}`,
      reference: `INC-${i + 1}`,
      name: `Incident ${i}`,
      createdAt: iso(created),
      updatedAt: iso(resolved),
      status: { name: 'Closed', category: 'closed' },
      severity: { name: ['Critical', 'Major', 'Minor'][i % 3], rank: 3 - (i % 3) },
      catalog: { 'Affected services': [`Service ${i % 10}`] },
      timestamps: {
        'Impact started': iso(created - 5 * MIN),
        'Acknowledged at': iso(created + (2 + (i % 13)) * MIN),
        'Resolved at': iso(resolved),
      },
    };
  });
  const fake = await startFakeIncidentIo({ ...incidentWorld(), incidents });
  const snapshots: IncidentIoSnapshots = new SnapshotStore();
  try {
    const counts = await measureRefreshes({
      ...o,
      source: (clock) =>
        new IncidentIoSource({
          http: nodeHttpClient(),
          proxyUrl: fake.url,
          settings: { enabled: true },
          now: clock,
          snapshots,
        }),
      requests: () => fake.requests,
      forget: () => snapshots.clear(),
    });
    return { ...counts, naive: o.panels * Math.ceil(o.incidents / 25) };
  } finally {
    await fake.close();
  }
}
