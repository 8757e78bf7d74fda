/** What the fake Jira knows: issues (with their fields and changelog), fields, the signed-in user. */
import { JiraField, JiraHistory, JiraIssueLink } from '../apiTypes';

export interface FakeIssue {
  key: string;
  summary: string;
  created: string;
  updated: string;
  issueType: string;
  status: { name: string; done: boolean };
  resolutiondate?: string;
  priority?: string;
  labels: string[];
  components: string[];
  links?: JiraIssueLink[];
  /** The assignee (unassigned when absent): Cloud names users by accountId, Data Center by username. */
  assignee?: { accountId: string; username: string; displayName: string };
  /** Custom field values by id. */
  custom?: Record<string, unknown>;
  histories?: JiraHistory[];
}

export interface JiraWorld {
  user: { accountId: string; displayName: string; emailAddress: string };
  fields: JiraField[];
  issues: FakeIssue[];
}
