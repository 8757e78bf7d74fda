/**
 * Validates the fake Jira's answers against the schemas jira.js (an encoding of Atlassian's Jira Cloud OpenAPI
 * description) ships: run as an ES module (.mts) by fixtures.test.ts (jira.js is ESM-only). Prints one JSON line:
 * {"name": [issues...]} with the problems found for each answer (empty lists when valid).
 */
import { FieldDetailsSchema, SearchAndReconcileResultsSchema } from 'jira.js/cloud';
import { fieldsJson, issueJson, myselfJson } from './shapes';
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
  'customfield_10050',
  'customfield_10060',
];
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
