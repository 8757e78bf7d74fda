/**
 * Answers of the fake Jira in the shapes of Atlassian's Jira Cloud REST API v3 (as the jira.js package encodes its
 * OpenAPI description; validate.ts checks them against jira.js's schemas). Data Center's v2 answers have the same
 * issue shape with offset paging.
 */
import { JiraIssue } from '../apiTypes';
import { FakeIssue, JiraWorld } from './world';

export const SITE = 'https://acme.atlassian.net';

/**
 * An assignee as Jira writes it: Cloud's user details (UserDetails in the OpenAPI description: accountId, displayName,
 * no username), Data Center's user (name and key are the username, as Atlassian's REST API 2 reference shows).
 */
export function assigneeJson(user: NonNullable<FakeIssue['assignee']>, cloud: boolean) {
  const common = { active: true, displayName: user.displayName, timeZone: 'Etc/UTC' };
  return cloud
    ? {
        ...common,
        self: `${SITE}/rest/api/3/user?accountId=${user.accountId}`,
        accountId: user.accountId,
        accountType: 'atlassian',
        avatarUrls: { '48x48': `https://avatar-management.services.atlassian.com/${user.accountId}/48` },
      }
    : {
        ...common,
        self: `${SITE}/rest/api/2/user?username=${user.username}`,
        name: user.username,
        key: user.username,
        emailAddress: `${user.username}@acme.test`,
      };
}

export function issueJson(issue: FakeIssue, fields: string[], changelog: boolean, cloud = true): JiraIssue {
  const id = String(10000 + Number(issue.key.replace(/\D/g, '')));
  const all: Record<string, unknown> = {
    summary: issue.summary,
    created: issue.created,
    updated: issue.updated,
    issuetype: { id: '10010', name: issue.issueType, subtask: false },
    status: {
      id: issue.status.done ? '10002' : '10001',
      name: issue.status.name,
      statusCategory: {
        id: issue.status.done ? 3 : 4,
        key: issue.status.done ? 'done' : 'indeterminate',
        name: issue.status.done ? 'Done' : 'In Progress',
      },
    },
    resolutiondate: issue.resolutiondate ?? null,
    priority: issue.priority ? { id: String(issue.priority.length), name: issue.priority } : null,
    labels: issue.labels,
    components: issue.components.map((name, i) => ({ id: String(10100 + i), name })),
    issuelinks: issue.links ?? [],
    assignee: issue.assignee ? assigneeJson(issue.assignee, cloud) : null,
    ...(issue.custom ?? {}),
  };
  const picked: Record<string, unknown> = {};
  for (const f of fields) {
    if (f in all) {
      picked[f] = all[f];
    }
  }
  const json: JiraIssue = {
    id,
    key: issue.key,
    self: `${SITE}/rest/api/${cloud ? 3 : 2}/issue/${id}`,
    fields: picked,
  };
  if (changelog) {
    const histories = issue.histories ?? [];
    json.changelog = { histories, maxResults: histories.length, total: histories.length };
  }
  return json;
}

export function myselfJson(world: JiraWorld) {
  return {
    ...world.user,
    accountType: 'atlassian',
    active: true,
    self: `${SITE}/rest/api/3/user?accountId=${world.user.accountId}`,
    timeZone: 'UTC',
  };
}

export function fieldsJson(world: JiraWorld) {
  return world.fields.map((f) => ({
    ...f,
    key: f.id,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [f.id],
  }));
}
