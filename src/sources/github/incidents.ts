/**
 * What an incident issue says about itself: an explicit cause (a SHA, a pull request, a deployment, a workflow
 * run or a release), when impact started, and its severity. Only explicit phrasing counts ("caused by", "cause:",
 * "introduced in", "regression from", or a cause: label), so a SHA pasted in a log excerpt is not taken as a cause.
 */
import { IncidentCause, Instant } from '../../engine';
import { deploymentId, releaseDeploymentId, workflowRunDeploymentId } from './ids';

const CAUSE_LEAD = String.raw`(?:root[ -]cause|caused\s+by|cause|introduced\s+(?:in|by)|regression\s+(?:from|in))\s*(?:is|was)?\s*[:=-]?\s*`;
const REPO = String.raw`([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)`;

interface CausePattern {
  re: RegExp;
  build: (m: RegExpExecArray, repo: string) => IncidentCause;
}

/** Ordered: URLs and qualified forms before bare numbers and hex strings. */
const CAUSE_TARGETS: CausePattern[] = [
  {
    re: new RegExp(String.raw`^https?:\/\/[^\s/]+\/` + REPO + String.raw`\/pull\/(\d+)`, 'i'),
    build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }),
  },
  {
    re: new RegExp(String.raw`^https?:\/\/[^\s/]+\/` + REPO + String.raw`\/commit\/([0-9a-f]{7,40})\b`, 'i'),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  {
    re: new RegExp(String.raw`^https?:\/\/[^\s/]+\/` + REPO + String.raw`\/actions\/runs\/(\d+)`, 'i'),
    build: (m) => ({ repo: m[1], deploymentId: workflowRunDeploymentId(m[1], m[2]) }),
  },
  {
    re: new RegExp(String.raw`^https?:\/\/[^\s/]+\/` + REPO + String.raw`\/releases\/tag\/([^\s)]+)`, 'i'),
    build: (m) => ({ repo: m[1], deploymentId: releaseDeploymentId(m[1], m[2]) }),
  },
  { re: new RegExp('^' + REPO + String.raw`#(\d+)\b`), build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }) },
  {
    re: new RegExp('^' + REPO + String.raw`@([0-9a-f]{7,40})\b`, 'i'),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  {
    re: /^(?:pull\s+request|pr)\s*#?\s*(\d+)\b/i,
    build: (m, repo) => ({ repo, pullRequest: Number(m[1]) }),
  },
  { re: /^#(\d+)\b/, build: (m, repo) => ({ repo, pullRequest: Number(m[1]) }) },
  {
    re: /^deploy(?:ment)?[\s-]*#?\s*(\d+)\b/i,
    build: (m, repo) => ({ repo, deploymentId: deploymentId(repo, m[1]) }),
  },
  {
    re: /^(?:workflow\s+)?run[\s-]*#?\s*(\d+)\b/i,
    build: (m, repo) => ({ repo, deploymentId: workflowRunDeploymentId(repo, m[1]) }),
  },
  {
    re: /^release[\s-]+(v?\d[\w.+-]*)/i,
    build: (m, repo) => ({ repo, deploymentId: releaseDeploymentId(repo, m[1]) }),
  },
  {
    re: /^(?:commit\s+)?([0-9a-f]{7,40})\b/i,
    build: (m, repo) => ({ repo, sha: m[1].toLowerCase() }),
  },
];

function causeFrom(target: string, repo: string): IncidentCause | undefined {
  const text = target.replace(/^[\s`*_"'(\[:]+/, '');
  for (const pattern of CAUSE_TARGETS) {
    const m = pattern.re.exec(text);
    if (m) {
      return pattern.build(m, repo);
    }
  }
  return undefined;
}

/** The explicit cause an incident issue names in a label (cause:..., caused-by:...) or its body; labels win. */
export function parseIncidentCause(body: string, labels: string[], repo: string): IncidentCause | undefined {
  for (const label of labels) {
    const m = /^(?:cause|caused[- ]by)\s*[:=]\s*(.+)$/i.exec(label.trim());
    const cause = m ? causeFrom(m[1], repo) : undefined;
    if (cause) {
      return cause;
    }
  }
  const lead = new RegExp(CAUSE_LEAD, 'gi');
  let m: RegExpExecArray | null;
  while ((m = lead.exec(body)) !== null) {
    const cause = causeFrom(body.slice(m.index + m[0].length, m.index + m[0].length + 200), repo);
    if (cause) {
      return cause;
    }
    if (m[0].length === 0) {
      lead.lastIndex++;
    }
  }
  return undefined;
}

/**
 * Impact start written in the body as "Impact start: 2024-05-01T10:00:00Z" (also "Started at", "Impact started",
 * "Start time"); an ISO time without zone is taken as UTC. Undefined when absent or unparsable.
 */
export function parseImpactStart(body: string): Instant | undefined {
  const m =
    /(?:impact\s+start(?:ed)?(?:\s+at)?|started\s+at|start\s+time)\s*[:=-]?\s*\**\s*(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?)/i.exec(
      body
    );
  if (!m) {
    return undefined;
  }
  let iso = m[1]
    .trim()
    .replace(' ', 'T')
    .replace(/\s*UTC$/i, 'Z');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    iso += 'Z';
  }
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : t;
}

/** Severity from labels such as "sev1", "SEV-2", "severity:high", "P1". */
export function parseSeverity(labels: string[]): string | undefined {
  for (const label of labels) {
    const m = /^(?:sev(?:erity)?[\s:=_-]*([a-z0-9]+)|(p[0-4]))$/i.exec(label.trim());
    if (m) {
      return (m[1] ?? m[2]).toLowerCase();
    }
  }
  return undefined;
}
