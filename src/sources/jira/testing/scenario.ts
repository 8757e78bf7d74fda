/**
 * A hand-made Jira week (the same week as PagerDuty's scenario, so the numbers can be checked by hand): three
 * incidents and a task the JQL leaves out. T0 is Monday 2026-02-02 00:00 UTC. Jira writes times as
 * 2026-02-03T10:00:00.000+0000.
 */
import { JiraHistory } from '../apiTypes';
import { JiraWorld } from './world';
import { WEEK_T0 } from '../../testing/incidentWeek';

/** The shared hand-checked week's Monday (../../testing/incidentWeek.ts). */
export const T0 = WEEK_T0;
export const IMPACT_START = 'customfield_10050';
export const CAUSE = 'customfield_10060';

export function jiraTime(day: number, hour: number, minute = 0): string {
  return new Date(T0 + ((day * 24 + hour) * 60 + minute) * 60000).toISOString().replace('Z', '+0000');
}

/** INC-1's and INC-3's assignees (INC-2 is unassigned). */
export const PRIYA = { accountId: '5b10ac8d82e05b22cc7d4ef5', username: 'priya', displayName: 'Priya Raman' };
export const SAM = {
  accountId: '712020:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  username: 'sam',
  displayName: 'Sam Okoro',
};

function move(id: string, at: string, from: string, to: string): JiraHistory {
  return {
    id,
    created: at,
    items: [
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: from, to: '2', toString: to },
    ],
  };
}

export function incidentWorld(): JiraWorld {
  return {
    user: { accountId: '5b10a2844c20165700ede21g', displayName: 'DORA reader', emailAddress: 'dora@acme.test' },
    fields: [
      { id: 'summary', name: 'Summary', custom: false },
      { id: IMPACT_START, name: 'Impact start', custom: true },
      { id: CAUSE, name: 'Caused by', custom: true },
    ],
    issues: [
      {
        key: 'INC-1',
        summary: 'Checkout errors above 5%',
        created: jiraTime(1, 10),
        updated: jiraTime(1, 10, 40),
        issueType: 'Incident',
        status: { name: 'Done', done: true },
        resolutiondate: jiraTime(1, 10, 40),
        priority: 'Highest',
        labels: ['customer-facing'],
        components: ['Checkout API'],
        assignee: PRIYA,
        custom: { [IMPACT_START]: jiraTime(1, 9, 50) },
        histories: [
          move('1', jiraTime(1, 10, 4), 'Open', 'In Progress'),
          move('2', jiraTime(1, 10, 40), 'In Progress', 'Done'),
        ],
      },
      {
        key: 'INC-2',
        summary: 'Payment timeouts',
        created: jiraTime(3, 12),
        updated: jiraTime(3, 14),
        issueType: 'Incident',
        status: { name: 'Done', done: true },
        resolutiondate: jiraTime(3, 14),
        priority: 'High',
        labels: [],
        components: ['Checkout API'],
        custom: { [CAUSE]: 'deployment dep-2' },
        histories: [
          move('3', jiraTime(3, 12, 10), 'Open', 'In Progress'),
          move('4', jiraTime(3, 14), 'In Progress', 'Done'),
        ],
      },
      {
        key: 'INC-3',
        summary: 'Search latency',
        created: jiraTime(4, 8),
        updated: jiraTime(4, 8, 30),
        issueType: 'Incident',
        status: { name: 'In Progress', done: false },
        priority: 'High',
        labels: [],
        components: ['Search'],
        assignee: SAM,
        histories: [move('5', jiraTime(4, 8, 30), 'Open', 'In Progress')],
      },
      {
        key: 'INC-4',
        summary: 'Rotate certificates',
        created: jiraTime(5, 9),
        updated: jiraTime(5, 9),
        issueType: 'Task',
        status: { name: 'Open', done: false },
        labels: [],
        components: ['Checkout API'],
      },
    ],
  };
}
