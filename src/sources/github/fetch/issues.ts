/**
 * Issues with an incident label, updated since the look-back start, newest update first; a later read stops
 * at the first issue not updated since the last read.
 */
import { Connection, IssueNode } from '../apiTypes';
import { toInstant } from '../mapper';
import { INCIDENT_ISSUES } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, FetchContext, Fetched, iso, pageConnection } from './context';

interface IssuesData {
  repository: { issues: Connection<IssueNode> } | null;
}

export async function fetchIncidentIssues(
  ctx: FetchContext,
  prev?: ListState<IssueNode>
): Promise<Fetched<ListState<IssueNode>>> {
  const { since, cfg } = ctx;
  const key = cfg.incidentLabels.join(',');
  const previous = reusable(prev, since, key);
  const items: Record<string, IssueNode> = {};
  // The same set a first read would give: issues updated since the look-back start.
  for (const [id, issue] of Object.entries(previous?.items ?? {})) {
    if ((toInstant(issue.updatedAt) ?? 0) >= since) {
      items[id] = issue;
    }
  }
  let watermark = previous?.watermark;
  const state = () => ({ key, since, items, watermark });
  if (cfg.incidentLabels.length === 0) {
    return { state: state() };
  }
  return capture(state, () =>
    pageConnection(
      async (after) =>
        (
          await ctx.client.graphql<IssuesData>(
            INCIDENT_ISSUES,
            { owner: cfg.owner, name: cfg.name, labels: cfg.incidentLabels, since: iso(since), after },
            ctx.call
          )
        ).repository?.issues,
      (nodes) => {
        for (const node of nodes) {
          const updated = toInstant(node.updatedAt) ?? 0;
          if (updated < since || (previous?.watermark !== undefined && updated < previous.watermark)) {
            return 'stop';
          }
          items[String(node.number)] = node;
          watermark = Math.max(watermark ?? updated, updated);
        }
        return 'continue';
      }
    )
  );
}
