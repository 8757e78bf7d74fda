/**
 * Issues with an incident label, updated since the look-back start, newest update first; a later read stops
 * at the first issue not updated since the last read.
 */
import { Connection, IssueNode } from '../apiTypes';
import { INCIDENT_ISSUES } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, FetchContext, Fetched, iso, pageConnection } from './context';
import { UpdatedList } from '../../lists';

interface IssuesData {
  repository: { issues: Connection<IssueNode> } | null;
}

export async function fetchIncidentIssues(
  ctx: FetchContext,
  prev?: ListState<IssueNode>
): Promise<Fetched<ListState<IssueNode>>> {
  const { since, cfg } = ctx;
  const key = cfg.incidentLabels.join(',');
  const list = new UpdatedList<IssueNode>(
    key,
    since,
    reusable(prev, since, key),
    (node) => String(node.number),
    (node) => node.updatedAt
  );
  if (cfg.incidentLabels.length === 0) {
    return { state: list.state() };
  }
  return capture(list.state, () =>
    pageConnection(
      async (after) =>
        (
          await ctx.client.graphql<IssuesData>(
            INCIDENT_ISSUES,
            { owner: cfg.owner, name: cfg.name, labels: cfg.incidentLabels, since: iso(since), after },
            ctx.call
          )
        ).repository?.issues,
      list.take
    )
  );
}
