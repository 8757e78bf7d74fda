/** @jest-environment node */
import { attribute } from '../../engine';
import { generateDemoData } from './generate';
import { onCallAt, teamMembers } from './onCall';
import { DEMO_SERVICES } from './profiles';

const NOW = Date.parse('2026-11-16T12:00:00Z');

describe('demo people, runbooks and objectives', () => {
  const { events } = generateDemoData(42, NOW);
  const teamOfRepo = new Map(DEMO_SERVICES.map((p) => [p.repo, p.team]));

  it('gives every change an author from the team owning its repository, and more than one per team', () => {
    const authors = new Map<string, Set<string>>();
    for (const change of events.changes) {
      const team = teamOfRepo.get(change.repo)!;
      expect([change.sha, teamMembers(team)]).toEqual([change.sha, expect.arrayContaining([change.author])]);
      authors.set(team, (authors.get(team) ?? new Set()).add(change.author!));
    }
    authors.forEach((names) => expect(names.size).toBeGreaterThan(1));
  });

  it('gives every incident of a known service its team primary on call when it was created as owner', () => {
    const attributed = attribute(events, {}, NOW);
    expect(attributed.incidents.length).toBeGreaterThan(10);
    for (const item of attributed.incidents) {
      // The deliberate incident of a service no catalog knows has no team, so nobody owns it.
      const owner = item.team ? onCallAt(item.team, item.incident.createdAt) : undefined;
      expect([item.incident.id, item.incident.owner]).toEqual([item.incident.id, owner]);
    }
  });

  it('lists a runbook URL and an availability objective for every catalog service', () => {
    const attributed = attribute(events, {}, NOW);
    for (const profile of DEMO_SERVICES) {
      expect(attributed.runbooks?.[profile.name]).toBe(`https://runbooks.example.com/${profile.name}`);
      expect(attributed.objectives?.[profile.name]).toEqual({ target: expect.any(Number), windowDays: 30 });
    }
    expect(attributed.objectives?.checkout.target).toBe(0.995);
  });
});
