/**
 * The cause targets a GitLab incident may name after an explicit lead (src/sources/incidentText.ts), in GitLab's
 * references and URLs: a merge request (!12, group/project!12, .../-/merge_requests/12), a commit (SHA,
 * group/project@SHA, .../-/commit/SHA), a deployment (deployment #7, .../-/environments/N/deployments/7), a pipeline
 * (pipeline #1234, .../-/pipelines/1234) or a release (release v1.2.0, .../-/releases/v1.2.0).
 */
import { IncidentCause } from '../../engine';
import { findExplicitCause } from '../incidentText';
import { deploymentId, pipelineId, releaseDeploymentId } from './ids';

const PROJECT = String.raw`([A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)+)`;
const URL_PROJECT = String.raw`^https?:\/\/[^\s]+?\/` + PROJECT + String.raw`\/-\/`;

interface CausePattern {
  re: RegExp;
  build: (m: RegExpExecArray, project: string) => IncidentCause;
}

/** Ordered: URLs and qualified forms before bare numbers and hex strings. */
const CAUSE_TARGETS: CausePattern[] = [
  {
    re: new RegExp(URL_PROJECT + String.raw`merge_requests\/(\d+)`, 'i'),
    build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }),
  },
  {
    re: new RegExp(URL_PROJECT + String.raw`commit\/([0-9a-f]{7,40})\b`, 'i'),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  {
    re: new RegExp(URL_PROJECT + String.raw`environments\/\d+\/deployments\/(\d+)`, 'i'),
    build: (m) => ({ repo: m[1], deploymentId: deploymentId(m[1], m[2]) }),
  },
  {
    re: new RegExp(URL_PROJECT + String.raw`pipelines\/(\d+)`, 'i'),
    build: (m) => ({ repo: m[1], deploymentId: pipelineId(m[1], m[2]) }),
  },
  {
    re: new RegExp(URL_PROJECT + String.raw`(?:releases|tags)\/([^\s)]+)`, 'i'),
    build: (m) => ({ repo: m[1], deploymentId: releaseDeploymentId(m[1], decodeURIComponent(m[2])) }),
  },
  { re: new RegExp('^' + PROJECT + String.raw`!(\d+)\b`), build: (m) => ({ repo: m[1], pullRequest: Number(m[2]) }) },
  {
    re: new RegExp('^' + PROJECT + String.raw`@([0-9a-f]{7,40})\b`, 'i'),
    build: (m) => ({ repo: m[1], sha: m[2].toLowerCase() }),
  },
  {
    re: /^(?:merge\s+request|mr)\s*!?\s*(\d+)\b/i,
    build: (m, project) => ({ repo: project, pullRequest: Number(m[1]) }),
  },
  { re: /^!(\d+)\b/, build: (m, project) => ({ repo: project, pullRequest: Number(m[1]) }) },
  {
    re: /^deploy(?:ment)?[\s-]*#?\s*(\d+)\b/i,
    build: (m, project) => ({ repo: project, deploymentId: deploymentId(project, m[1]) }),
  },
  {
    re: /^pipeline[\s-]*#?\s*(\d+)\b/i,
    build: (m, project) => ({ repo: project, deploymentId: pipelineId(project, m[1]) }),
  },
  {
    re: /^release[\s-]+(v?\d[\w.+-]*)/i,
    build: (m, project) => ({ repo: project, deploymentId: releaseDeploymentId(project, m[1]) }),
  },
  {
    re: /^(?:commit\s+)?([0-9a-f]{7,40})\b/i,
    build: (m, project) => ({ repo: project, sha: m[1].toLowerCase() }),
  },
];

function causeFrom(text: string, project: string): IncidentCause | undefined {
  for (const pattern of CAUSE_TARGETS) {
    const m = pattern.re.exec(text);
    if (m) {
      return pattern.build(m, project);
    }
  }
  return undefined;
}

/** The explicit cause an incident names in a label (cause:..., caused-by:...) or its text; labels win. */
export function parseIncidentCause(text: string, labels: string[], project: string): IncidentCause | undefined {
  return findExplicitCause(text, labels, (target) => causeFrom(target, project));
}
