/**
 * The cause targets a GitHub incident issue may name after an explicit lead (src/sources/incidentText.ts): a SHA,
 * a pull request, a deployment, a workflow run or a release, in GitHub's syntax and URLs.
 */
import { IncidentCause } from '../../engine';
import { findExplicitCause } from '../incidentText';
import { deploymentId, releaseDeploymentId, workflowRunDeploymentId } from './ids';

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

function causeFrom(text: string, repo: string): IncidentCause | undefined {
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
  return findExplicitCause(body, labels, (target) => causeFrom(target, repo));
}
