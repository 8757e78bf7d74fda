/**
 * Deployments as point annotations at their finish: the title says what happened (deployed, failed, rollback),
 * the colour follows the outcome, and the text lists the changes it shipped (short SHA and PR title, capped)
 * and the incidents linked to it, so a spike on a panel can be read against what went out.
 */
import {
  Attributed,
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  deploymentOutcome,
  humanDuration,
  shortSha,
} from '../../engine';
import { ANNOTATION_COLORS } from '../../query/vocabulary';
import { escapeHtml, joinLines, link } from './html';
import { AnnotationRow } from './row';

/** Changes and incidents listed per deployment at most; the rest are counted. */
export const MAX_CHANGES = 10;
export const MAX_INCIDENTS = 5;

export function deploymentAnnotations(selected: AttributedDeployment[], attributed: Attributed): AnnotationRow[] {
  const ids = new Set(selected.map((d) => d.deployment.id));
  const changes = new Map<string, Map<string, AttributedChange>>();
  for (const c of attributed.changes) {
    if (!ids.has(c.deploymentId)) {
      continue;
    }
    let bySha = changes.get(c.deploymentId);
    if (!bySha) {
      bySha = new Map();
      changes.set(c.deploymentId, bySha);
    }
    bySha.set(c.change.sha, c);
  }
  const incidents = new Map<string, AttributedIncident>();
  for (const i of attributed.incidents) {
    incidents.set(i.incident.id, i);
  }
  return selected.map((d) => deploymentRow(d, changes.get(d.deployment.id) ?? new Map(), incidents));
}

function deploymentRow(
  item: AttributedDeployment,
  changes: Map<string, AttributedChange>,
  incidents: Map<string, AttributedIncident>
): AnnotationRow {
  const d = item.deployment;
  const outcome = deploymentOutcome(item);
  const where = `${d.service} to ${d.environment}`;
  const title =
    outcome === 'rollback'
      ? `Rollback of ${d.service} in ${d.environment}`
      : outcome === 'failed'
        ? `Failed deployment of ${where}`
        : `Deployed ${where}`;
  const facts = [`SHA ${shortSha(d.sha)}`, d.repo, item.team ? `team ${item.team}` : ''].filter((f) => f !== '');
  const lines = [
    escapeHtml(facts.join(' · ')),
    item.failed ? escapeHtml(failureLine(item)) : '',
    item.isRollback && item.rollbackOf ? escapeHtml(`Replaces deployment ${item.rollbackOf}`) : '',
    item.isRework && outcome !== 'rollback' ? escapeHtml(`Rework: ${item.reworkReasons.join(', ')}`) : '',
    ...changeLines(item, changes),
    ...incidentLines(item, incidents),
    link(d.url, 'Open deployment'),
  ];
  const tags = [d.service, d.environment, outcome];
  if (item.team) {
    tags.push(item.team);
  }
  return {
    id: d.id,
    time: d.finishedAt,
    timeEnd: d.finishedAt,
    title,
    text: joinLines(lines),
    tags,
    color: ANNOTATION_COLORS[outcome],
  };
}

function failureLine(item: AttributedDeployment): string {
  const reasons = `Failed: ${item.failureReasons.join(', ') || 'yes'}`;
  if (item.recoveryMs === null || item.recoveryMs === undefined) {
    return `${reasons}; not recovered yet`;
  }
  const by = item.restoredBy ? ` by ${item.restoredBy}` : '';
  return `${reasons}; recovered in ${humanDuration(item.recoveryMs)}${by}`;
}

function changeLines(item: AttributedDeployment, changes: Map<string, AttributedChange>): string[] {
  // Read once: attribution builds the list on each read (see shippedDeployment.ts).
  const shas = item.changeShas;
  if (shas === null) {
    return [escapeHtml('Changes unknown: the first deployment of this service in the fetched history')];
  }
  if (shas.length === 0) {
    return [escapeHtml(item.isRedeploy ? 'Redeploy of the live SHA: no new changes' : 'No new changes')];
  }
  const n = shas.length;
  const lines = [escapeHtml(`${n} change${n === 1 ? '' : 's'}:`)];
  for (const sha of shas.slice(0, MAX_CHANGES)) {
    lines.push(`• ${escapeHtml(changeText(sha, changes.get(sha)))}`);
  }
  if (n > MAX_CHANGES) {
    lines.push(escapeHtml(`… and ${n - MAX_CHANGES} more`));
  }
  return lines;
}

/** "abc1234 Fix totals (#42)": the PR title where known, else the commit message. */
function changeText(sha: string, change: AttributedChange | undefined): string {
  const pr = change?.change.pullRequest;
  const what = pr?.title ?? change?.change.message ?? '';
  const number = pr ? ` (#${pr.number})` : '';
  return `${shortSha(sha)}${what ? ' ' + what : ''}${number}`;
}

function incidentLines(item: AttributedDeployment, incidents: Map<string, AttributedIncident>): string[] {
  if (item.incidentIds.length === 0) {
    return [];
  }
  const shown = item.incidentIds.slice(0, MAX_INCIDENTS).map((id) => {
    const i = incidents.get(id);
    const title = i?.incident.title ? ` ${i.incident.title}` : '';
    const method = i ? ` (${i.link.method})` : '';
    return `${id}${title}${method}`;
  });
  const more = item.incidentIds.length - shown.length;
  return [escapeHtml(`Incidents: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`)];
}
