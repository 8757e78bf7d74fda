/**
 * The whole demo data set: every service simulated over 180 days ending at the end of a UTC day, plus the
 * deliberate data-quality problems, the people (authors, incident owners) and the catalog. A pure function of (seed, day).
 */
import { DAY_MS, DoraEvents, Instant } from '../../engine';
import { startOfUtcDay } from './calendar';
import { demoCatalog } from './catalog';
import { addPeople } from './people';
import { DEMO_SERVICES } from './profiles';
import { addDataQualityProblems } from './quirks';
import { toWholeSeconds } from './seconds';
import { ServiceSimulation } from './simulation';

export const DEMO_WINDOW_DAYS = 180;

export interface DemoData {
  events: DoraEvents;
  /** Production deployment id -> SHAs it shipped for the first time (the truth the engine should find). */
  shipped: Record<string, string[]>;
  /** End of the generated window (the end of the UTC day); events after `now` are cut by clipToNow. */
  end: Instant;
}

export function generateDemoData(seed: number, now: Instant): DemoData {
  const end = startOfUtcDay(now) + DAY_MS;
  const windowStart = end - DEMO_WINDOW_DAYS * DAY_MS;
  const events: DoraEvents = { deployments: [], changes: [], incidents: [], pipelineRuns: [], catalog: demoCatalog() };
  const shipped: Record<string, string[]> = {};
  for (const profile of DEMO_SERVICES) {
    const service = new ServiceSimulation(profile, seed, windowStart, end).run();
    events.deployments.push(...service.deployments);
    events.changes.push(...service.changes);
    events.incidents.push(...service.incidents);
    events.pipelineRuns.push(...service.pipelineRuns);
    Object.keys(service.shipped).forEach((id) => (shipped[id] = service.shipped[id]));
  }
  addDataQualityProblems(events, shipped, end);
  toWholeSeconds(events);
  sortEvents(events);
  numberIncidents(events);
  addPeople(events);
  return { events, shipped, end };
}

function sortEvents(events: DoraEvents): void {
  events.deployments.sort((a, b) => a.finishedAt - b.finishedAt || compare(a.id, b.id));
  events.changes.sort((a, b) => a.committedAt - b.committedAt || compare(a.sha, b.sha));
  events.incidents.sort((a, b) => a.createdAt - b.createdAt || compare(a.id, b.id));
  events.pipelineRuns.sort((a, b) => a.startedAt - b.startedAt || compare(a.id, b.id) || a.attempt - b.attempt);
}

/** Incident ids as an incident tool numbers them: in order of creation. */
function numberIncidents(events: DoraEvents): void {
  events.incidents.forEach((incident, i) => {
    incident.id = `INC-${1001 + i}`;
    incident.url = `https://incidents.example.com/${incident.id}`;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
