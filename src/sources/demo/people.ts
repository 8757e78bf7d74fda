/**
 * Who the demo's people are on its events: each change's author is a member of the team owning its repository
 * (picked from the SHA, so no random draw moves the rest of the data), each incident's owner the team's primary
 * on call when it was created.
 */
import { DoraEvents } from '../../engine';
import { onCallAt, teamMembers } from './onCall';
import { DEMO_SERVICES } from './profiles';

export function addPeople(events: DoraEvents): void {
  const teamOfRepo = new Map(DEMO_SERVICES.map((p) => [p.repo, p.team]));
  // Incidents name a service as the incident tool does, or (the deliberate quirks) by its catalog name.
  const teamOfIncidentService = new Map<string, string>();
  for (const p of DEMO_SERVICES) {
    teamOfIncidentService.set(p.name, p.team);
    teamOfIncidentService.set(p.incidentServiceName ?? p.name, p.team);
  }
  for (const change of events.changes) {
    const team = teamOfRepo.get(change.repo);
    if (team !== undefined) {
      const members = teamMembers(team);
      change.author = members[parseInt(change.sha.slice(0, 6), 16) % members.length];
    }
  }
  for (const incident of events.incidents) {
    const team = incident.service !== undefined ? teamOfIncidentService.get(incident.service) : undefined;
    if (team !== undefined) {
      incident.owner = onCallAt(team, incident.createdAt);
    }
  }
}
