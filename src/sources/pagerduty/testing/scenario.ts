/**
 * A hand-made PagerDuty week, small enough to check every number by hand (endToEnd.test.ts does):
 * two services with their escalation policies, four incidents (one low urgency), their log entries, on-calls.
 * T0 is Monday 2026-02-02 00:00 UTC.
 */
import { emptyWorld, PagerDutyWorld } from './world';
import { WEEK_T0 } from '../../testing/incidentWeek';

/** The shared hand-checked week's Monday (../../testing/incidentWeek.ts). */
export const T0 = WEEK_T0;
const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function at(day: number, hour: number, minute = 0): string {
  return new Date(T0 + day * DAY + hour * HOUR + minute * MIN).toISOString().replace('.000Z', 'Z');
}

export function shopWorld(): PagerDutyWorld {
  const world = emptyWorld();
  world.teams = [
    { id: 'TPAY', name: 'Payments' },
    { id: 'TDISC', name: 'Discovery' },
  ];
  world.services = [
    { id: 'PCHK', name: 'Checkout API', policyId: 'EP1', policyName: 'Checkout on-call', teamIds: ['TPAY'] },
    { id: 'PSRCH', name: 'Search', policyId: 'EP2', policyName: 'Search on-call', teamIds: ['TDISC'] },
  ];
  world.incidents = [
    {
      // Impact started 09:50 (custom detail), acknowledged 10:04 by Ana (log entry), resolved 10:40.
      id: 'I1',
      number: 101,
      title: 'Checkout errors above 5%',
      serviceId: 'PCHK',
      createdAt: at(1, 10),
      status: 'resolved',
      urgency: 'high',
      priority: 'P1',
      resolvedAt: at(1, 10, 40),
      assignees: ['Ana Lopez'],
      teamIds: ['TPAY'],
      details: { impact_start: at(1, 9, 50), repo: 'acme/shop' },
    },
    {
      // Acknowledged 12:10 by Ben, resolved 14:00; a note names the deployment that caused it.
      id: 'I2',
      number: 102,
      title: 'Payment timeouts',
      serviceId: 'PCHK',
      createdAt: at(3, 12),
      status: 'resolved',
      urgency: 'high',
      priority: 'P2',
      resolvedAt: at(3, 14),
      assignees: ['Ben Okafor'],
      teamIds: ['TPAY'],
    },
    {
      // Still open: acknowledged 08:30 (the incident's own acknowledgement data), no priority.
      id: 'I3',
      number: 103,
      title: 'Search latency',
      serviceId: 'PSRCH',
      createdAt: at(4, 8),
      status: 'acknowledged',
      urgency: 'high',
      acknowledgedAt: at(4, 8, 30),
      acknowledgedBy: 'Chen Wei',
      assignees: ['Chen Wei'],
      teamIds: ['TDISC'],
    },
    {
      // Low urgency: left out when only high urgency counts.
      id: 'I4',
      number: 104,
      title: 'Checkout log volume',
      serviceId: 'PCHK',
      createdAt: at(5, 9),
      status: 'resolved',
      urgency: 'low',
      resolvedAt: at(5, 11),
      assignees: [],
      teamIds: ['TPAY'],
    },
  ];
  world.logEntries = [
    { id: 'L1', type: 'trigger_log_entry', createdAt: at(1, 10), incidentId: 'I1' },
    { id: 'L2', type: 'notify_log_entry', createdAt: at(1, 10, 1), incidentId: 'I1' },
    { id: 'L3', type: 'acknowledge_log_entry', createdAt: at(1, 10, 4), incidentId: 'I1', agent: 'Ana Lopez' },
    { id: 'L4', type: 'acknowledge_log_entry', createdAt: at(1, 10, 20), incidentId: 'I1', agent: 'Ana Lopez' },
    { id: 'L5', type: 'resolve_log_entry', createdAt: at(1, 10, 40), incidentId: 'I1', agent: 'Ana Lopez' },
    { id: 'L6', type: 'trigger_log_entry', createdAt: at(3, 12), incidentId: 'I2' },
    { id: 'L7', type: 'acknowledge_log_entry', createdAt: at(3, 12, 10), incidentId: 'I2', agent: 'Ben Okafor' },
    {
      id: 'L8',
      type: 'annotate_log_entry',
      createdAt: at(3, 13),
      incidentId: 'I2',
      agent: 'Ben Okafor',
      note: 'Rolled back. Root cause: deployment dep-2 (connection pool size).',
    },
    { id: 'L9', type: 'resolve_log_entry', createdAt: at(3, 14), incidentId: 'I2', agent: 'Ben Okafor' },
    { id: 'L10', type: 'trigger_log_entry', createdAt: at(4, 8), incidentId: 'I3' },
    { id: 'L11', type: 'acknowledge_log_entry', createdAt: at(4, 8, 30), incidentId: 'I3', agent: 'Chen Wei' },
    { id: 'L12', type: 'trigger_log_entry', createdAt: at(5, 9), incidentId: 'I4' },
    { id: 'L13', type: 'resolve_log_entry', createdAt: at(5, 11), incidentId: 'I4' },
  ];
  world.oncalls = [
    {
      policyId: 'EP1',
      policyName: 'Checkout on-call',
      user: 'Ana Lopez',
      level: 1,
      schedule: 'Payments primary',
      start: at(6, 9),
      end: at(13, 9),
    },
    { policyId: 'EP1', policyName: 'Checkout on-call', user: 'Dana Smith', level: 2 },
    {
      policyId: 'EP2',
      policyName: 'Search on-call',
      user: 'Chen Wei',
      level: 1,
      schedule: 'Discovery',
      start: at(5, 0),
      end: at(12, 0),
    },
  ];
  return world;
}
