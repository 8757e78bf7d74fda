/**
 * Releases or tags as deployments, newest first. A later read stops at the first release (published) or tag
 * already known. Tags are ordered by their commit's date, so a new tag on a commit older than the look-back
 * start is not seen: tag fresh commits.
 */
import { Connection, ReleaseNode, TagRefNode } from '../apiTypes';
import { tagTarget, toInstant } from '../mapper';
import { RELEASES, TAGS } from '../queries';
import { ListState, reusable } from '../snapshot';
import { capture, FetchContext, Fetched, pageConnection } from './context';

interface ReleasesData {
  repository: { releases: Connection<ReleaseNode> } | null;
}

interface TagsData {
  repository: { refs: Connection<TagRefNode> | null } | null;
}

function keep<T>(items: Record<string, T>, since: number, at: (item: T) => number | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(items)) {
    if ((at(items[key]) ?? 0) >= since) {
      out[key] = items[key];
    }
  }
  return out;
}

export async function fetchReleases(
  ctx: FetchContext,
  prev?: ListState<ReleaseNode>
): Promise<Fetched<ListState<ReleaseNode>>> {
  const { since, cfg } = ctx;
  const previous = reusable(prev, since, 'releases');
  const at = (r: ReleaseNode) => toInstant(r.createdAt);
  const items = keep(previous?.items ?? {}, since, at);
  const state = () => ({ key: 'releases', since, items });
  return capture(state, () =>
    pageConnection(
      async (after) =>
        (await ctx.client.graphql<ReleasesData>(RELEASES, { owner: cfg.owner, name: cfg.name, after }, ctx.call))
          .repository?.releases,
      (nodes) => {
        for (const node of nodes) {
          if ((at(node) ?? 0) < since) {
            return 'stop';
          }
          const known = items[node.tagName];
          items[node.tagName] = node;
          if (known && !known.isDraft) {
            return 'stop';
          }
        }
        return 'continue';
      }
    )
  );
}

export async function fetchTags(
  ctx: FetchContext,
  prev?: ListState<TagRefNode>
): Promise<Fetched<ListState<TagRefNode>>> {
  const { since, cfg } = ctx;
  const previous = reusable(prev, since, 'tags');
  const at = (t: TagRefNode) => tagTarget(t)?.at;
  const items = keep(previous?.items ?? {}, since, at);
  const state = () => ({ key: 'tags', since, items });
  return capture(state, () =>
    pageConnection(
      async (after) =>
        (await ctx.client.graphql<TagsData>(TAGS, { owner: cfg.owner, name: cfg.name, after }, ctx.call)).repository
          ?.refs,
      (nodes) => {
        for (const node of nodes) {
          const t = at(node);
          if (t === undefined) {
            continue; // not a commit tag: never a deployment
          }
          if (t < since) {
            return 'stop';
          }
          const known = items[node.name];
          items[node.name] = node;
          if (known) {
            return 'stop';
          }
        }
        return 'continue';
      }
    )
  );
}
