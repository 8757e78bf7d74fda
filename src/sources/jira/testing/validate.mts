/**
 * Validates the fake Jira's answers against the schemas jira.js (an encoding of Atlassian's Jira Cloud OpenAPI
 * description) ships: run as an ES module (.mts) by fixtures.test.ts (jira.js is ESM-only), with AUDIT_SCHEMAS=true so
 * that jira.js builds its schemas closed (an answer may carry no field the description does not have). Prints one JSON
 * line: {"name": [issues...]} with the problems found for each answer (empty lists when valid).
 */
import { FieldDetailsSchema, SearchAndReconcileResultsSchema, UserDetailsSchema } from 'jira.js/cloud';
import { assigneeJson, fieldsJson, issueJson, myselfJson } from './shapes';
import { incidentWorld } from './scenario';

interface Check {
  safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

const world = incidentWorld();
const all = [
  'summary',
  'created',
  'updated',
  'issuetype',
  'status',
  'resolutiondate',
  'priority',
  'labels',
  'components',
  'issuelinks',
  'assignee',
  'customfield_10050',
  'customfield_10060',
];
// A search page's issue fields are free-form in the description (a map of any value): each assignee is checked
// against the user details schema the description gives an issue's assignee field.
const assigned = world.issues.filter((i) => i.assignee);
const answers: Array<[string, Check, unknown]> = [
  [
    'search page',
    SearchAndReconcileResultsSchema,
    { issues: world.issues.map((i) => issueJson(i, all, true)), nextPageToken: 'x', isLast: false },
  ],
  [
    'last search page',
    SearchAndReconcileResultsSchema,
    { issues: world.issues.slice(0, 1).map((i) => issueJson(i, ['summary'], false)), isLast: true },
  ],
  ['fields', FieldDetailsSchema, fieldsJson(world)[0]],
  ...assigned.map((i): [string, Check, unknown] => [
    `assignee of ${i.key}`,
    UserDetailsSchema,
    issueJson(i, ['assignee'], false).fields.assignee,
  ]),
  [
    'drifted assignee',
    UserDetailsSchema,
    { ...assigneeJson(assigned[0].assignee!, true), accountId: 5, name: 'priya' },
  ],
  [
    'drifted search page',
    SearchAndReconcileResultsSchema,
    { issues: [{ id: 10001, key: 'INC-1', changelog: { histories: 'none' } }], isLast: 'no' },
  ],
];
// GET /myself answers a user: its schema in jira.js is the user bean; checked by shape below (accountId, displayName).
const me = myselfJson(world);
const out: Record<string, string[]> = {
  myself:
    typeof me.accountId === 'string' && typeof me.displayName === 'string'
      ? []
      : ['accountId and displayName must be text'],
};
for (const [name, schema, value] of answers) {
  const result = schema.safeParse(value);
  out[name] = result.success
    ? []
    : (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}
console.log(JSON.stringify(out));
