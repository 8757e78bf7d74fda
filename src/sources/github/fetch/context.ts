/** What every list fetcher gets, and what it gives back: the state it reached, and the error that stopped it. */
import { Instant } from '../../../engine';
import { CallContext, GitHubClient, PageDecision } from '../client';
import { Connection } from '../apiTypes';
import { isAbortError } from '../../abort';
import { RepositoryConfig } from '../../../settings/github';

export interface FetchContext {
  client: GitHubClient;
  cfg: RepositoryConfig;
  /** Look-back start: nothing older is needed. */
  since: Instant;
  call: CallContext;
  now: () => Instant;
}

export interface Fetched<S> {
  state: S;
  /** Set when the list is incomplete; the state then holds what was read, and must not be kept. */
  error?: unknown;
}

export function iso(t: Instant): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

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

/** Runs a fetch; a cancelled query propagates, any other error is returned with the state reached. */
export async function capture<S>(state: () => S, run: () => Promise<void>): Promise<Fetched<S>> {
  try {
    await run();
    return { state: state() };
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    return { state: state(), error };
  }
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}
