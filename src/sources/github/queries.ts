/**
 * GraphQL documents (validated against GitHub's public schema from @octokit/graphql-schema in queries.test.ts)
 * and the REST paths the source uses. Every list asks for 100 items a page, newest first, so paging can stop
 * early; nested lists are small and bounded to keep GitHub's query cost low.
 */

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export const REPOSITORY_OVERVIEW = `
query RepositoryOverview($owner: String!, $name: String!, $branch: String!, $hasBranch: Boolean!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    isArchived
    defaultBranchRef { name target { __typename oid } }
    productionRef: ref(qualifiedName: $branch) @include(if: $hasBranch) { name target { __typename oid } }
    environments(first: 100) { nodes { name } }
  }
}`;

export const COMMIT_HISTORY = `
query CommitHistory($owner: String!, $name: String!, $head: GitObjectID!, $since: GitTimestamp!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $head) {
      __typename
      ... on Commit {
        history(first: 100, after: $after, since: $since) {
          ${PAGE_INFO}
          nodes {
            oid
            committedDate
            authoredDate
            messageHeadline
            author { name user { login } }
            parents(first: 5) { nodes { oid } }
            associatedPullRequests(first: 1) { nodes { number } }
          }
        }
      }
    }
  }
}`;

export const PULL_REQUESTS = `
query MergedPullRequests($owner: String!, $name: String!, $base: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 100, after: $after, baseRefName: $base, states: [MERGED],
                 orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${PAGE_INFO}
      nodes {
        number
        title
        url
        createdAt
        updatedAt
        mergedAt
        headRefName
        author { __typename login }
        mergeCommit { oid }
        labels(first: 20) { nodes { name } }
        commits(first: 1) { nodes { commit { oid authoredDate committedDate } } }
        reviews(first: 1) { nodes { submittedAt } }
      }
    }
  }
}`;

const DEPLOYMENT_FIELDS = `
fragment DeploymentFields on Deployment {
  id
  databaseId
  environment
  commitOid
  createdAt
  updatedAt
  task
  description
  ref { name }
  latestStatus { state createdAt }
  statuses(first: 10) { nodes { state createdAt logUrl environmentUrl } }
}`;

export const DEPLOYMENTS = `
query Deployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, environments: $environments,
                orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO}
      nodes { ...DeploymentFields }
    }
  }
}
${DEPLOYMENT_FIELDS}`;

/** Re-reads deployments that were still in progress at the last refresh (100 ids a request). */
export const DEPLOYMENTS_BY_ID = `
query DeploymentsById($ids: [ID!]!) {
  nodes(ids: $ids) { __typename ...DeploymentFields }
}
${DEPLOYMENT_FIELDS}`;

export const INCIDENT_ISSUES = `
query IncidentIssues($owner: String!, $name: String!, $labels: [String!], $since: DateTime, $after: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $after, labels: $labels, filterBy: { since: $since },
           orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${PAGE_INFO}
      nodes {
        number
        title
        body
        url
        createdAt
        updatedAt
        closedAt
        state
        stateReason
        labels(first: 20) { nodes { name } }
      }
    }
  }
}`;

export const RELEASES = `
query Releases($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO}
      nodes { databaseId name tagName url createdAt publishedAt isDraft isPrerelease tagCommit { oid } }
    }
  }
}`;

export const TAGS = `
query Tags($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", first: 100, after: $after, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
      ${PAGE_INFO}
      nodes {
        name
        target {
          __typename
          oid
          ... on Commit { committedDate }
          ... on Tag { tagger { date } target { __typename oid ... on Commit { committedDate } } }
        }
      }
    }
  }
}`;

/** Jobs (check runs) of workflow runs, 100 runs a request, for the job name pattern. */
export const WORKFLOW_RUN_JOBS = `
query WorkflowRunJobs($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on WorkflowRun {
      id
      databaseId
      checkSuite { checkRuns(first: 50) { nodes { name status conclusion startedAt completedAt } } }
    }
  }
}`;

/** testDatasource: can the token read each list the source reads? (One request; errors name the fields.) */
export const ACCESS_PROBE = `
query AccessProbe($owner: String!, $name: String!, $environments: [String!]) {
  repository(owner: $owner, name: $name) {
    deployments(first: 1, environments: $environments) { totalCount }
    pullRequests(first: 1, states: [MERGED]) { totalCount }
    issues(first: 1) { totalCount }
    releases(first: 1) { totalCount }
  }
}`;

/** REST paths (below the github/rest route). */
export const rest = {
  user: () => '/user',
  repository: (repo: string) => `/repos/${repo}`,
  orgRepositories: (org: string) => `/orgs/${encodeURIComponent(org)}/repos`,
  workflowRuns: (repo: string) => `/repos/${repo}/actions/runs`,
  workflowRun: (repo: string, runId: number) => `/repos/${repo}/actions/runs/${runId}`,
  workflowRunAttempt: (repo: string, runId: number, attempt: number) =>
    `/repos/${repo}/actions/runs/${runId}/attempts/${attempt}`,
};

/** Names for tests that iterate every document. */
export const GRAPHQL_DOCUMENTS: Record<string, string> = {
  REPOSITORY_OVERVIEW,
  COMMIT_HISTORY,
  PULL_REQUESTS,
  DEPLOYMENTS,
  DEPLOYMENTS_BY_ID,
  INCIDENT_ISSUES,
  RELEASES,
  TAGS,
  WORKFLOW_RUN_JOBS,
  ACCESS_PROBE,
};
