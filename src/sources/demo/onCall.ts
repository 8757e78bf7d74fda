/**
 * Who is on call now in the demo organisation: each team has a rota of three people that hands over every Monday
 * at 09:00 UTC; a service's primary (level 1) is this week's person of its team, its secondary (level 2) the next
 * one. Services are named as the incident tool names them (the catalog maps them back). Deterministic in `now`.
 */
import { Instant } from '../../engine';
import { OnCallOwner } from '../types';
import { DEMO_SERVICES } from './profiles';

const HOUR = 3600 * 1000;
const WEEK = 7 * 24 * HOUR;
/** 1970-01-05 09:00 UTC was a Monday: shifts start at this instant plus whole weeks. */
const FIRST_SHIFT = 4 * 24 * HOUR + 9 * HOUR;

const ROTAS: Record<string, string[]> = {
  storefront: ['Ana Lopez', 'Ben Okafor', 'Chloe Martin'],
  platform: ['Dana Smith', 'Eli Novak', 'Farah Haddad'],
  data: ['Gus Larsen', 'Hana Sato', 'Ivan Petrov'],
  finance: ['Jade Wong', 'Kofi Mensah', 'Lena Fischer'],
};

function rotaOf(team: string): string[] {
  return ROTAS[team] ?? [`${team} primary`, `${team} secondary`, `${team} third`];
}

/** The people of a demo team (its rota), who also write its changes. */
export function teamMembers(team: string): string[] {
  return rotaOf(team);
}

/** Who of a team is on call at an instant at a level (1 = primary). */
export function onCallAt(team: string, at: Instant, level = 1): string {
  const rota = rotaOf(team);
  const week = Math.floor((at - FIRST_SHIFT) / WEEK) + level - 1;
  return rota[((week % rota.length) + rota.length) % rota.length];
}

export function demoOnCall(now: Instant): OnCallOwner[] {
  const week = Math.floor((now - FIRST_SHIFT) / WEEK);
  const start = FIRST_SHIFT + week * WEEK;
  const owners: OnCallOwner[] = [];
  for (const profile of DEMO_SERVICES) {
    const service = profile.incidentServiceName ?? profile.name;
    [0, 1].forEach((offset) => {
      owners.push({
        service,
        escalationPolicy: `${profile.team} on-call`,
        level: offset + 1,
        user: onCallAt(profile.team, now, offset + 1),
        schedule: `${profile.team} weekly`,
        start,
        end: start + WEEK,
        source: 'demo',
      });
    });
  }
  return owners;
}
