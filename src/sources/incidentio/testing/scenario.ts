/**
 * A hand-made incident.io week (the week of the PagerDuty and Jira scenarios, so the numbers can be checked by hand):
 * three incidents, one declined, one test incident, one older than the look-back, and an on-call schedule. T0 is
 * Monday 2026-02-02 00:00 UTC; incident.io writes times with microseconds ("2026-02-03T10:00:00.000000Z").
 */
import { IncidentIoWorld } from './shapes';
import { WEEK_T0 } from '../../testing/incidentWeek';

/** The shared hand-checked week's Monday (../../testing/incidentWeek.ts). */
export const T0 = WEEK_T0;
export const CAUSE_FIELD = 'Caused by';

export function ioTime(day: number, hour: number, minute = 0): string {
  return new Date(T0 + ((day * 24 + hour) * 60 + minute) * 60000).toISOString().replace('Z', '000Z');
}

export function incidentWorld(): IncidentIoWorld {
  return {
    key: { name: 'Grafana DORA (read-only)', roles: ['viewer', 'schedules_reader'] },
    customFields: ['Affected services', CAUSE_FIELD],
    timestamps: ['Reported at', 'Accepted at', 'Acknowledged at', 'Impact started', 'Resolved at', 'Closed at'],
    severities: ['Critical', 'Major', 'Minor'],
    incidentTypes: ['Default', 'Security'],
    schedules: [
      {
        id: '01G0J1EXE7AXZ2C93K61WBPYEH',
        name: 'Checkout API',
        shifts: [{ user: 'Ana Lopez', start: ioTime(6, 9), end: ioTime(7, 9) }],
      },
      {
        id: '01G0J1EXE7AXZ2C93K61WBPYEJ',
        name: 'Search primary',
        shifts: [
          { user: 'Ben Okafor', start: ioTime(6, 0), end: ioTime(8, 0) },
          { user: 'Chen Wei', start: ioTime(5, 0), end: ioTime(6, 12) },
        ],
      },
    ],
    incidents: [
      {
        id: '01HQ0000000000000000000000',
        reference: 'INC-40',
        name: 'Old outage',
        createdAt: ioTime(-45, 10),
        updatedAt: ioTime(-45, 12),
        status: { name: 'Closed', category: 'closed' },
        severity: { name: 'Minor', rank: 1 },
        catalog: { 'Affected services': ['Checkout API'] },
        timestamps: { 'Resolved at': ioTime(-45, 11) },
      },
      {
        id: '01HQ0000000000000000000001',
        reference: 'INC-41',
        name: 'Checkout errors above 5%',
        createdAt: ioTime(1, 10),
        updatedAt: ioTime(1, 10, 40),
        status: { name: 'Closed', category: 'closed' },
        severity: { name: 'Critical', rank: 3 },
        type: 'Default',
        lead: 'Ana Lopez',
        catalog: { 'Affected services': ['Checkout API'] },
        timestamps: {
          'Reported at': ioTime(1, 10),
          'Impact started': ioTime(1, 9, 50),
          'Acknowledged at': ioTime(1, 10, 4),
          'Resolved at': ioTime(1, 10, 40),
        },
      },
      {
        id: '01HQ0000000000000000000002',
        reference: 'INC-42',
        name: 'Payment timeouts',
        createdAt: ioTime(3, 12),
        updatedAt: ioTime(3, 14),
        status: { name: 'Documenting', category: 'learning' },
        severity: { name: 'Major', rank: 2 },
        type: 'Default',
        lead: 'Ben Okafor',
        catalog: { 'Affected services': ['Checkout API', 'Payments'] },
        texts: { [CAUSE_FIELD]: 'deployment dep-2' },
        timestamps: {
          'Accepted at': ioTime(3, 12, 10),
          'Resolved at': ioTime(3, 14),
        },
      },
      {
        id: '01HQ0000000000000000000003',
        reference: 'INC-43',
        name: 'Search latency',
        summary: 'p99 above 2s since the index rebuild.',
        createdAt: ioTime(4, 8),
        updatedAt: ioTime(4, 8, 30),
        status: { name: 'Investigating', category: 'live' },
        severity: { name: 'Major', rank: 2 },
        type: 'Security',
        catalog: { 'Affected services': ['Search'] },
        timestamps: { 'Acknowledged at': ioTime(4, 8, 30) },
      },
      {
        id: '01HQ0000000000000000000004',
        reference: 'INC-44',
        name: 'Alert noise',
        createdAt: ioTime(5, 9),
        updatedAt: ioTime(5, 9, 5),
        status: { name: 'Declined', category: 'declined' },
        catalog: { 'Affected services': ['Checkout API'] },
      },
      {
        id: '01HQ0000000000000000000005',
        reference: 'INC-45',
        name: 'Game day drill',
        createdAt: ioTime(5, 11),
        updatedAt: ioTime(5, 12),
        mode: 'test',
        status: { name: 'Closed', category: 'closed' },
        severity: { name: 'Critical', rank: 3 },
        catalog: { 'Affected services': ['Checkout API'] },
      },
    ],
  };
}
