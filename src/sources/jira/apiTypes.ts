/**
 * The parts of Jira REST answers the source reads (Cloud: /rest/api/3, Data Center: /rest/api/2). The shapes are
 * those of Atlassian's Jira Cloud OpenAPI description as the jira.js package encodes it (fixtures.test.ts validates
 * the fake's answers against its schemas). Field values are dynamic: custom fields are read defensively.
 */

export interface JiraNamed {
  id?: string;
  name?: string;
  value?: string;
  key?: string;
}

export interface JiraHistoryItem {
  field?: string;
  fieldtype?: string;
  fieldId?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toString?: string | null;
}

export interface JiraHistory {
  id?: string;
  created?: string;
  items?: JiraHistoryItem[];
}

export interface JiraIssueLink {
  type?: { name?: string; inward?: string; outward?: string };
  inwardIssue?: { key?: string; fields?: { summary?: string } };
  outwardIssue?: { key?: string; fields?: { summary?: string } };
}

export interface JiraIssue {
  id: string;
  key: string;
  self?: string;
  fields: Record<string, unknown> & {
    summary?: string;
    created?: string;
    updated?: string;
    resolutiondate?: string | null;
    status?: { name?: string; statusCategory?: { key?: string } } | null;
    priority?: JiraNamed | null;
    labels?: string[];
    components?: JiraNamed[];
    issuelinks?: JiraIssueLink[];
    /** Cloud: the user details (accountId, displayName); Data Center: name (the username), key, displayName. */
    assignee?: JiraUser | null;
  };
  changelog?: { histories?: JiraHistory[]; total?: number; maxResults?: number };
}

/** Cloud: GET /rest/api/3/search/jql (token paging). */
export interface EnhancedSearchPage {
  issues?: JiraIssue[];
  nextPageToken?: string;
  isLast?: boolean;
}

/** Data Center: GET /rest/api/2/search (offset paging). */
export interface OffsetSearchPage {
  issues?: JiraIssue[];
  startAt?: number;
  maxResults?: number;
  total?: number;
}

export interface JiraUser {
  accountId?: string;
  /** Data Center's username. */
  name?: string;
  displayName?: string;
  emailAddress?: string;
}

export interface JiraField {
  id: string;
  name?: string;
  custom?: boolean;
}

/** Error bodies: {"errorMessages": [...], "errors": {field: message}}. */
export interface JiraErrorBody {
  errorMessages?: string[];
  errors?: Record<string, string>;
  message?: string;
}
