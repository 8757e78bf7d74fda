/**
 * A large PagerDuty account for the bench: `incidents` incidents spread over `spanDays` before `now` across
 * `services` services, each with its trigger, acknowledgement, resolution and sometimes a note naming a cause, and
 * a few still open at the end. Deterministic (no randomness): the same options give the same world.
 */
import { emptyWorld, FakeIncident, FakeLogEntry, PagerDutyWorld } from './world';

export interface GenerateOptions {
  incidents: number;
  services: number;
  spanDays: number;
  now: number;
}

const MIN = 60 * 1000;

function iso(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export function generateWorld(o: GenerateOptions): PagerDutyWorld {
  const world = emptyWorld();
  world.teams = [{ id: 'TALL', name: 'Everyone' }];
  for (let s = 0; s < o.services; s++) {
    world.services.push({
      id: `PS${s}`,
      name: `Service ${s}`,
      policyId: `EP${s}`,
      policyName: `Policy ${s}`,
      teamIds: ['TALL'],
    });
    world.oncalls.push({
      policyId: `EP${s}`,
      policyName: `Policy ${s}`,
      user: `Person ${s}`,
      level: 1,
      schedule: `Rota ${s}`,
    });
  }
  const start = o.now - o.spanDays * 24 * 60 * MIN;
  const step = (o.now - 60 * MIN - start) / o.incidents;
  const incidents: FakeIncident[] = [];
  const entries: FakeLogEntry[] = [];
  for (let i = 0; i < o.incidents; i++) {
    const created = Math.floor(start + i * step);
    const id = `Q${String(i).padStart(5, '0')}`;
    const open = i >= o.incidents - 5;
    const ack = created + (2 + (i % 13)) * MIN;
    const resolved = ack + (10 + (i % 97)) * MIN;
    incidents.push({
      id,
      number: i + 1,
      title: `Incident ${i}`,
      serviceId: `PS${i % o.services}`,
      createdAt: iso(created),
      status: open ? 'triggered' : 'resolved',
      urgency: i % 5 === 0 ? 'low' : 'high',
      priority: `P${1 + (i % 4)}`,
      resolvedAt: open ? undefined : iso(resolved),
      assignees: [`Person ${i % o.services}`],
      teamIds: ['TALL'],
    });
    entries.push({ id: `${id}-t`, type: 'trigger_log_entry', createdAt: iso(created), incidentId: id });
    entries.push({ id: `${id}-n`, type: 'notify_log_entry', createdAt: iso(created + MIN), incidentId: id });
    if (!open) {
      entries.push({
        id: `${id}-a`,
        type: 'acknowledge_log_entry',
        createdAt: iso(ack),
        incidentId: id,
        agent: `Person ${i % o.services}`,
      });
      entries.push({ id: `${id}-r`, type: 'resolve_log_entry', createdAt: iso(resolved), incidentId: id });
      if (i % 10 === 0) {
        entries.push({
          id: `${id}-c`,
          type: 'annotate_log_entry',
          createdAt: iso(resolved),
          incidentId: id,
          note: `Caused by PR #${i}`,
        });
      }
    }
  }
  world.incidents = incidents;
  world.logEntries = entries;
  return world;
}
