/**
 * GitHub Deployments to the production environments, newest first, with their statuses. A later read stops at
 * the first deployment already known in a final state (older ones cannot change any more), then re-reads by id
 * the few older ones that were still running.
 */
import { Connection, DeploymentNode } from '../apiTypes';
import { isTerminalDeployment, toInstant } from '../mapper';
import { DEPLOYMENTS, DEPLOYMENTS_BY_ID } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, chunks, FetchContext, Fetched, pageConnection } from './context';

interface DeploymentsData {
  repository: { deployments: Connection<DeploymentNode> } | null;
}

interface NodesData {
  nodes: Array<(DeploymentNode & { __typename: string }) | null>;
}

export async function fetchDeployments(
  ctx: FetchContext,
  environments: string[],
  prev?: ListState<DeploymentNode>
): Promise<Fetched<ListState<DeploymentNode>>> {
  const { since, cfg } = ctx;
  const key = environments.slice().sort().join('\n');
  const previous = reusable(prev, since, key);
  const items: Record<string, DeploymentNode> = {};
  for (const [id, d] of Object.entries(previous?.items ?? {})) {
    if ((toInstant(d.createdAt) ?? 0) >= since) {
      items[id] = d;
    }
  }
  const seen: Record<string, boolean> = {};
  const state = () => ({ key, since, items });
  if (environments.length === 0) {
    return { state: state() };
  }
  return capture(state, async () => {
    await pageConnection(
      async (after) =>
        (
          await ctx.client.graphql<DeploymentsData>(
            DEPLOYMENTS,
            { owner: cfg.owner, name: cfg.name, environments, after },
            ctx.call
          )
        ).repository?.deployments,
      (nodes) => {
        for (const node of nodes) {
          if ((toInstant(node.createdAt) ?? 0) < since) {
            return 'stop';
          }
          const known = items[node.id];
          items[node.id] = node;
          seen[node.id] = true;
          if (known && isTerminalDeployment(known)) {
            return 'stop';
          }
        }
        return 'continue';
      }
    );
    const stale = Object.keys(items).filter((id) => !seen[id] && !isTerminalDeployment(items[id]));
    for (const batch of chunks(stale, 100)) {
      const data = await ctx.client.graphql<NodesData>(DEPLOYMENTS_BY_ID, { ids: batch }, ctx.call);
      for (const node of data.nodes) {
        if (node && node.__typename === 'Deployment') {
          items[node.id] = node;
        }
      }
    }
  });
}
