/**
 * The explicit cause an incident tool records (PagerDuty custom details, custom fields and notes; Jira fields,
 * links and comments), read by one convention for every incident provider (docs/incident-causes.md in the repository):
 *
 * - a field named deployment / deployment_id / deploy_id holds the deployment's event id;
 * - sha / commit / commit_sha / git_sha / revision holds a commit SHA (7-64 hex digits);
 * - pr / pull_request / mr / merge_request holds a pull or merge request number ("128", "#128", "!42" or its URL);
 * - repo / repository / project names the repository the SHA or number belongs to (owner/name);
 * - cause / caused_by / root_cause holds text read as below.
 *
 * Text (notes, comments, a cause field) counts only after "cause:", "caused by", "root cause" or "introduced by":
 * "deployment <id>", "<owner/name>#128", "PR #128", "pull request 128", "MR !42", "merge request 42",
 * "<owner/name>@<sha>", "commit <sha>", a bare SHA, or a pull request, merge request or commit URL.
 */
import { IncidentCause } from '../engine';

const FIELD_KINDS: Record<string, keyof IncidentCause | 'text'> = {
  deployment: 'deploymentId',
  deploymentid: 'deploymentId',
  deployid: 'deploymentId',
  sha: 'sha',
  commit: 'sha',
  commitsha: 'sha',
  gitsha: 'sha',
  revision: 'sha',
  pr: 'pullRequest',
  pullrequest: 'pullRequest',
  pull: 'pullRequest',
  prnumber: 'pullRequest',
  mr: 'pullRequest',
  mergerequest: 'pullRequest',
  repo: 'repo',
  repository: 'repo',
  project: 'repo',
  cause: 'text',
  causedby: 'text',
  rootcause: 'text',
};

const SHA = /^[0-9a-f]{7,64}$/i;
const REPO = String.raw`([A-Za-z0-9][\w.-]*(?:\/[\w.-]+)+)`;
/** In URLs the repository is followed by GitLab's "/-/": take the shortest path that fits. */
const URL_REPO = String.raw`([A-Za-z0-9][\w.-]*(?:\/[\w.-]+)+?)`;

/** What the key of a field means for the cause, if anything ("Commit SHA" and "commit_sha" alike). */
export function causeFieldKind(name: string): keyof IncidentCause | 'text' | undefined {
  return FIELD_KINDS[name.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

/** "128", "#128", "!42", ".../pull/128", ".../merge_requests/42" -> 128 / 42. */
export function changeRequestNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return value;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const m = /^\s*[#!]?(\d+)\s*$/.exec(value) ?? /\/(?:pull|pulls|merge_requests)\/(\d+)/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** The cause named by a set of fields (key -> value); undefined when none names one. */
export function causeFromFields(fields: Record<string, unknown>): IncidentCause | undefined {
  const cause: IncidentCause = {};
  let fromText: IncidentCause | undefined;
  for (const [key, raw] of Object.entries(fields)) {
    const kind = causeFieldKind(key);
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (kind === undefined || value === undefined || value === null || value === '') {
      continue;
    }
    if (
      kind === 'deploymentId' &&
      cause.deploymentId === undefined &&
      (typeof value === 'string' || typeof value === 'number')
    ) {
      cause.deploymentId = String(value);
    } else if (kind === 'sha' && cause.sha === undefined && typeof value === 'string' && SHA.test(value)) {
      cause.sha = value.toLowerCase();
    } else if (kind === 'pullRequest' && cause.pullRequest === undefined) {
      cause.pullRequest = changeRequestNumber(value);
    } else if (kind === 'repo' && cause.repo === undefined && typeof value === 'string') {
      cause.repo = value;
    } else if (kind === 'text' && fromText === undefined && typeof value === 'string') {
      fromText = causeFromTarget(value);
    }
  }
  const merged = hasReference(cause)
    ? cause
    : fromText
      ? { ...fromText, repo: fromText.repo ?? cause.repo }
      : undefined;
  return merged && hasReference(merged) ? clean(merged) : undefined;
}

const LEAD = /(?:root[ -]?cause|caused\s+by|cause|introduced\s+(?:in|by))\s*(?:is|was)?\s*[:=-]?\s*/gi;

interface Target {
  re: RegExp;
  build: (m: RegExpExecArray) => IncidentCause;
}

/** Ordered: URLs and qualified forms before bare numbers and hex strings. */
const TARGETS: Target[] = [
  {
    re: new RegExp(
      String.raw`^https?:\/\/[^\s/]+\/` + URL_REPO + String.raw`\/(?:-\/)?(?:pull|merge_requests)\/(\d+)`,
      'i'
    ),
    build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }),
  },
  {
    re: new RegExp(
      String.raw`^https?:\/\/[^\s/]+\/` + URL_REPO + String.raw`\/(?:-\/)?commits?\/([0-9a-f]{7,64})\b`,
      'i'
    ),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  { re: /^deploy(?:ment)?(?:\s+id)?\s*[:#]?\s*([^\s,;)]+)/i, build: (m) => ({ deploymentId: m[1] }) },
  { re: new RegExp('^' + REPO + String.raw`[#!](\d+)\b`), build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }) },
  {
    re: new RegExp('^' + REPO + String.raw`@([0-9a-f]{7,64})\b`, 'i'),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  {
    re: /^(?:pull\s+request|merge\s+request|pr|mr)\s*[#!]?\s*(\d+)\b/i,
    build: (m) => ({ pullRequest: Number(m[1]) }),
  },
  { re: /^[#!](\d+)\b/, build: (m) => ({ pullRequest: Number(m[1]) }) },
  { re: /^(?:commit\s+|sha\s+)?([0-9a-f]{7,64})\b/i, build: (m) => ({ sha: m[1].toLowerCase() }) },
];

/** The cause a text names right at its start ("PR #12", "deployment d-42", a SHA, a URL). */
export function causeFromTarget(text: string): IncidentCause | undefined {
  const target = text.replace(/^[\s`*_"'(\[:]+/, '');
  for (const t of TARGETS) {
    const m = t.re.exec(target);
    if (m) {
      return clean(t.build(m));
    }
  }
  return undefined;
}

/** The cause a free text names after "cause:", "caused by", "root cause" or "introduced by". */
export function causeFromText(text: string): IncidentCause | undefined {
  const lead = new RegExp(LEAD.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = lead.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const cause = causeFromTarget(text.slice(start, start + 200));
    if (cause) {
      return cause;
    }
    if (m[0].length === 0) {
      lead.lastIndex++;
    }
  }
  return undefined;
}

function hasReference(cause: IncidentCause): boolean {
  return cause.deploymentId !== undefined || cause.sha !== undefined || cause.pullRequest !== undefined;
}

function clean(cause: IncidentCause): IncidentCause {
  const out: IncidentCause = {};
  if (cause.deploymentId !== undefined) {
    out.deploymentId = cause.deploymentId;
  }
  if (cause.sha !== undefined) {
    out.sha = cause.sha;
  }
  if (cause.pullRequest !== undefined) {
    out.pullRequest = cause.pullRequest;
  }
  if (cause.repo !== undefined) {
    out.repo = cause.repo;
  }
  return out;
}
