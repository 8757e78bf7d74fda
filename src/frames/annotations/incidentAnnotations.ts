/**
 * Incidents as regions from impact start (else creation) to resolution; an open incident reaches the end of the
 * range. The text names the severity, the times to detect and restore and the deployment it was linked to.
 */
import { AttributedIncident, humanDuration, TimeRange } from '../../engine';
import { ANNOTATION_COLORS } from '../../query/vocabulary';
import { escapeHtml, joinLines, link } from './html';
import { AnnotationRow } from './row';

export function incidentAnnotations(selected: AttributedIncident[], range: TimeRange): AnnotationRow[] {
  return selected.map((item) => incidentRow(item, range));
}

function incidentRow(item: AttributedIncident, range: TimeRange): AnnotationRow {
  const i = item.incident;
  const start = i.startedAt !== undefined ? i.startedAt : i.createdAt;
  const open = i.resolvedAt === undefined;
  const end = open ? Math.max(start, range.to) : (i.resolvedAt as number);
  const facts = [i.severity ? `severity ${i.severity}` : '', item.team ? `team ${item.team}` : ''].filter(Boolean);
  const lines = [
    escapeHtml(`${i.id}${i.title ? ': ' + i.title : ''}`),
    facts.length > 0 ? escapeHtml(facts.join(' · ')) : '',
    escapeHtml(open ? 'Not resolved yet' : `Restored in ${humanDuration(end - start)}`),
    item.timeToDetectMs !== null ? escapeHtml(`Detected after ${humanDuration(item.timeToDetectMs)}`) : '',
    escapeHtml(
      item.link.deploymentId
        ? `Linked to deployment ${item.link.deploymentId} (${item.link.method}: ${item.link.detail})`
        : `Not linked to a deployment: ${item.link.detail}`
    ),
    link(i.url, 'Open incident'),
  ];
  const tags = i.service ? ['incident', i.service] : ['incident'];
  if (i.severity) {
    tags.push(i.severity);
  }
  return {
    id: i.id,
    time: start,
    timeEnd: end,
    title: `${i.service ? `Incident in ${i.service}` : 'Incident (no service)'}${open ? ' (open)' : ''}`,
    text: joinLines(lines),
    tags,
    color: ANNOTATION_COLORS.incident,
  };
}
