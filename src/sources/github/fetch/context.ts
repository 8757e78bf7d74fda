/** What every list fetcher gets, and what it gives back: the state it reached, and the error that stopped it. */
import { Instant } from '../../../engine';
import { CallContext, GitHubClient, PageDecision } from '../client';
import { Connection } from '../apiTypes';
import { capture, chunks, Fetched, iso } from '../../lists';
import { RepositoryConfig } from '../../../settings/github';

export interface FetchContext {
  client: GitHubClient;
  cfg: RepositoryConfig;
  /** Look-back start: nothing older is needed. */
  since: Instant;
  call: CallContext;
  now: () => Instant;
}

export type { Fetched };
export { capture, chunks, iso };

/** Walks a GraphQL connection page by page until onNodes says stop or there is no next page. */
export async function pageConnection<N>(
  fetchPage: (after: string | null) => Promise<Connection<N> | null | undefined>,
  onNodes: (nodes: N[]) => PageDecision
): Promise<void> {
  let after: string | null = null;
  while (true) {
    const connection: Connection<N> | null | undefined = await fetchPage(after);
    if (!connection || onNodes(connection.nodes) === 'stop' || !connection.pageInfo.hasNextPage) {
      return;
    }
    after = connection.pageInfo.endCursor;
  }
}
