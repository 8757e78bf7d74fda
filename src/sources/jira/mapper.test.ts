/**
 * The Jira mapper on the fake's answers (testing/shapes.ts, validated against Jira's description in fixtures.test.ts):
 * the owner is the assignee as people know them, on Cloud and on Data Center.
 */
import { resolveJiraSettings, searchFields } from '../../settings/jira';
import { assigneeName, mapIssue } from './mapper';
import { incidentWorld, PRIYA, SAM } from './testing/scenario';
import { issueJson } from './testing/shapes';

const settings = resolveJiraSettings({ enabled: true, url: 'https://acme.atlassian.net', email: 'dora@acme.test' });
const fields = searchFields(settings);
const [inc1, inc2, inc3] = incidentWorld().issues;

describe('Jira mapper: the owner', () => {
  it('asks for the assignee field', () => {
    expect(fields).toContain('assignee');
  });

  it('is the display name of the assignee on Cloud (an accountId, a username nobody reads in a table)', () => {
    const cloud = (issue: typeof inc1) => mapIssue(issueJson(issue, fields, false, true), settings)?.owner;
    expect([cloud(inc1), cloud(inc3)]).toEqual([PRIYA.displayName, SAM.displayName]);
  });

  it('is the display name on Data Center too, where the assignee also carries the username', () => {
    const dc = issueJson(inc1, fields, false, false);
    expect(dc.fields.assignee).toMatchObject({ name: PRIYA.username, displayName: PRIYA.displayName });
    expect(mapIssue(dc, settings)?.owner).toBe(PRIYA.displayName);
  });

  it('is absent for an unassigned issue (assignee null), never an empty text', () => {
    const unassigned = issueJson(inc2, fields, false);
    expect(unassigned.fields.assignee).toBeNull();
    expect(mapIssue(unassigned, settings)).not.toHaveProperty('owner');
  });

  it('falls back to the username, and names no one from an accountId alone', () => {
    expect(assigneeName({ name: 'priya', displayName: '  ' })).toBe('priya');
    expect(assigneeName({ accountId: PRIYA.accountId })).toBeUndefined();
    expect(assigneeName(null)).toBeUndefined();
    expect(assigneeName(undefined)).toBeUndefined();
  });
});
