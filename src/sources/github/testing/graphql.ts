/**
 * The fake's GraphQL endpoint: queries are validated and executed against GitHub's published schema
 * (@octokit/graphql-schema), with resolvers reading the fake world. A query the real GitHub would reject is
 * rejected here too, and every answer has the types the schema promises.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildSchema, execute, GraphQLError, GraphQLSchema, parse, validate } from 'graphql';
import { runNodeId } from './restShapes';
import { FakeCommit, FakeDeployment, FakeRepo, FakeRun, FakeWorld } from './world';

let schema: GraphQLSchema | undefined;

/** GitHub's public schema (its SDL repeats two fields, hence assumeValidSDL). */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    // The package's "exports" hide the file from require.resolve; its place in node_modules is fixed.
    const sdl = readFileSync(
      join(__dirname, '../../../../node_modules/@octokit/graphql-schema/schema.graphql'),
      'utf8'
    );
    schema = buildSchema(sdl, { assumeValidSDL: true });
  }
  return schema;
}

/** An error GitHub reports with a type (NOT_FOUND, FORBIDDEN, ...). */
class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message);
  }
}

interface ConnectionArgs {
  first?: number;
  after?: string | null;
}

function cursor(index: number): string {
  return Buffer.from(`cursor:${index}`).toString('base64');
}

function fromCursor(c: string): number {
  return Number(Buffer.from(c, 'base64').toString('utf8').split(':')[1]);
}

/** One page of a connection; `toNode` builds only the nodes of the page. */
export function connection<T, N = T>(items: T[], args: ConnectionArgs, toNode?: (item: T) => N) {
  const first = args.first ?? 100;
  if (first > 100) {
    throw new TypedError('EXCESSIVE_PAGE_SIZE', `Requesting ${first} records exceeds the first limit of 100 records.`);
  }
  const start = args.after ? fromCursor(args.after) + 1 : 0;
  const page = items.slice(start, start + first);
  const nodes = toNode ? page.map(toNode) : page;
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      endCursor: nodes.length ? cursor(start + nodes.length - 1) : null,
      startCursor: nodes.length ? cursor(start) : null,
    },
  };
}

const t = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);
const byDesc =
  <T>(key: (x: T) => number) =>
  (a: T, b: T) =>
    key(b) - key(a);

function direction<T>(items: T[], order: { direction?: string } | undefined, key: (x: T) => number): T[] {
  const sorted = items.slice().sort(byDesc(key));
  return order?.direction === 'ASC' ? sorted.reverse() : sorted;
}

const histories = new WeakMap<FakeRepo, Map<string, FakeCommit[]>>();

/** All ancestors of a commit (itself included) committed at or after `since`, newest first (memoised per page walk). */
function history(repo: FakeRepo, oid: string, since: number): FakeCommit[] {
  const key = `${oid}|${since}|${Object.keys(repo.commits).length}`;
  const memo = histories.get(repo) ?? new Map<string, FakeCommit[]>();
  histories.set(repo, memo);
  const cached = memo.get(key);
  if (cached) {
    return cached;
  }
  const walked = walkHistory(repo, oid, since);
  memo.set(key, walked);
  return walked;
}

function walkHistory(repo: FakeRepo, oid: string, since: number): FakeCommit[] {
  const out: FakeCommit[] = [];
  const seen: Record<string, boolean> = {};
  const stack = [oid];
  while (stack.length) {
    const id = stack.pop()!;
    const c = repo.commits[id];
    if (!c || seen[id]) {
      continue;
    }
    seen[id] = true;
    if (t(c.committedDate) >= since) {
      out.push(c);
    }
    // git stops walking below `since` only where the dates allow; the fake walks everything and filters.
    stack.push(...c.parents);
  }
  return out.sort((a, b) => t(b.committedDate) - t(a.committedDate) || (a.oid < b.oid ? -1 : 1));
}

function labels(names: string[]) {
  return (args: ConnectionArgs) =>
    connection(
      names.map((name) => ({ name })),
      args
    );
}

function commitObject(repo: FakeRepo, c: FakeCommit): Record<string, unknown> {
  return {
    __typename: 'Commit',
    id: `C_${c.oid}`,
    oid: c.oid,
    committedDate: c.committedDate,
    authoredDate: c.authoredDate,
    messageHeadline: c.message.split('\n')[0],
    message: c.message,
    author: c.author ? { name: c.author.name, user: c.author.login ? { login: c.author.login } : null } : null,
    parents: (args: ConnectionArgs) =>
      connection(
        c.parents.map((p) => ({ __typename: 'Commit', oid: p })),
        args
      ),
    associatedPullRequests: (args: ConnectionArgs) => {
      const prs = c.pullRequest !== undefined ? repo.pullRequests.filter((p) => p.number === c.pullRequest) : [];
      return connection(
        prs.map((p) => ({ number: p.number })),
        args
      );
    },
    history: (args: ConnectionArgs & { since?: string }) =>
      connection(history(repo, c.oid, args.since ? t(args.since) : 0), args, (h) => commitObject(repo, h)),
  };
}

function deploymentObject(d: FakeDeployment): Record<string, unknown> {
  const latest = d.statuses[d.statuses.length - 1];
  const statusObject = (s: FakeDeployment['statuses'][number]) => ({
    state: s.state,
    createdAt: s.createdAt,
    logUrl: null,
    environmentUrl: null,
  });
  return {
    __typename: 'Deployment',
    id: `D_${d.databaseId}`,
    databaseId: d.databaseId,
    environment: d.environment,
    commitOid: d.commitOid,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    task: d.task ?? 'deploy',
    description: d.description ?? null,
    ref: d.ref ? { name: d.ref } : null,
    latestStatus: latest ? statusObject(latest) : null,
    // GitHub lists a deployment's statuses newest first.
    statuses: (args: ConnectionArgs) => connection(d.statuses.slice().reverse().map(statusObject), args),
  };
}

function runJobsObject(run: FakeRun): Record<string, unknown> {
  return {
    __typename: 'WorkflowRun',
    id: runNodeId(run.id),
    databaseId: run.id,
    checkSuite: { checkRuns: (args: ConnectionArgs) => connection(run.jobs ?? [], args) },
  };
}

function refObject(repo: FakeRepo, branch: string) {
  const head = repo.branches[branch];
  return head ? { name: branch, target: { __typename: 'Commit', oid: head } } : null;
}

function repositoryObject(repo: FakeRepo): Record<string, unknown> {
  return {
    nameWithOwner: `${repo.owner}/${repo.name}`,
    isArchived: repo.archived ?? false,
    defaultBranchRef: refObject(repo, repo.defaultBranch),
    ref: ({ qualifiedName }: { qualifiedName: string }) => refObject(repo, qualifiedName.replace(/^refs\/heads\//, '')),
    environments: (args: ConnectionArgs) =>
      connection(
        repo.environments.map((name) => ({ name })),
        args
      ),
    object: ({ oid }: { oid: string }) => (repo.commits[oid] ? commitObject(repo, repo.commits[oid]) : null),
    deployments: (args: ConnectionArgs & { environments?: string[]; orderBy?: { direction?: string } }) => {
      const envs = args.environments;
      const items = repo.deployments.filter((d) => !envs || envs.length === 0 || envs.indexOf(d.environment) >= 0);
      // Ties on createdAt: newer ids first, as GitHub does.
      const sorted = direction(
        items,
        args.orderBy ?? { direction: 'ASC' },
        (d) => t(d.createdAt) * 1000 + (d.databaseId % 1000)
      );
      return connection(sorted, args, deploymentObject);
    },
    pullRequests: (
      args: ConnectionArgs & { baseRefName?: string; states?: string[]; orderBy?: { direction?: string } }
    ) => {
      const items = repo.pullRequests.filter(
        (p) =>
          (!args.baseRefName || p.baseRefName === args.baseRefName) &&
          (!args.states || args.states.indexOf(p.mergedAt ? 'MERGED' : 'OPEN') >= 0)
      );
      const sorted = direction(items, args.orderBy, (p) => t(p.updatedAt));
      return connection(
        sorted.map((p) => ({
          number: p.number,
          title: p.title,
          url: `https://github.com/${repo.owner}/${repo.name}/pull/${p.number}`,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
          mergedAt: p.mergedAt,
          headRefName: p.headRefName,
          author: p.author ? { __typename: 'User', login: p.author } : null,
          mergeCommit: p.mergeCommit ? { oid: p.mergeCommit } : null,
          labels: labels(p.labels),
          commits: (a: ConnectionArgs) =>
            connection(
              p.commits.map((commit) => ({ commit })),
              a
            ),
          reviews: (a: ConnectionArgs) =>
            connection(
              p.reviews.map((submittedAt) => ({ submittedAt })),
              a
            ),
        })),
        args
      );
    },
    issues: (
      args: ConnectionArgs & { labels?: string[]; filterBy?: { since?: string }; orderBy?: { direction?: string } }
    ) => {
      const since = t(args.filterBy?.since);
      const items = repo.issues.filter(
        (i) =>
          (!args.labels || args.labels.some((l) => i.labels.indexOf(l) >= 0)) && (!since || t(i.updatedAt) >= since)
      );
      const sorted = direction(items, args.orderBy, (i) => t(i.updatedAt));
      return connection(
        sorted.map((i) => ({
          ...i,
          stateReason: i.stateReason ?? null,
          url: `https://github.com/${repo.owner}/${repo.name}/issues/${i.number}`,
          labels: labels(i.labels),
        })),
        args
      );
    },
    releases: (args: ConnectionArgs & { orderBy?: { direction?: string } }) =>
      connection(
        direction(repo.releases, args.orderBy, (r) => t(r.createdAt)).map((r) => ({
          ...r,
          url: `https://github.com/${repo.owner}/${repo.name}/releases/tag/${r.tagName}`,
          tagCommit: { oid: r.commitOid },
        })),
        args
      ),
    refs: (args: ConnectionArgs & { refPrefix: string }) => {
      if (args.refPrefix !== 'refs/tags/') {
        return connection([], args);
      }
      const dated = repo.tags.map((tag) => {
        const commit = repo.commits[tag.commitOid];
        const commitTarget = { __typename: 'Commit', oid: tag.commitOid, committedDate: commit?.committedDate };
        return {
          date: t(commit?.committedDate),
          node: {
            name: tag.name,
            target: tag.taggerDate
              ? { __typename: 'Tag', oid: `T_${tag.name}`, tagger: { date: tag.taggerDate }, target: commitTarget }
              : commitTarget,
          },
        };
      });
      return connection(
        dated.sort(byDesc((d) => d.date)).map((d) => d.node),
        args
      );
    },
  };
}

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ type?: string; message: string; path?: ReadonlyArray<string | number> }>;
}

export function executeGraphQL(world: FakeWorld, query: string, variables: Record<string, unknown>): GraphQLAnswer {
  const s = githubSchema();
  let document;
  try {
    document = parse(query);
  } catch (e) {
    return { errors: [{ message: (e as Error).message }] };
  }
  const invalid = validate(s, document);
  if (invalid.length > 0) {
    return { errors: invalid.map((e) => ({ message: e.message })) };
  }
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = world.repos[`${owner}/${name}`];
      if (!repo) {
        throw new TypedError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      }
      return repositoryObject(repo);
    },
    nodes: ({ ids }: { ids: string[] }) =>
      ids.map((id) => {
        for (const repo of Object.values(world.repos)) {
          const d = repo.deployments.find((x) => `D_${x.databaseId}` === id);
          if (d) {
            return deploymentObject(d);
          }
          const run = repo.runs.find((r) => runNodeId(r.id) === id);
          if (run) {
            return runJobsObject(run);
          }
        }
        return null;
      }),
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      nodeCount: 100,
      remaining: 4999,
      resetAt: new Date().toISOString(),
      used: 1,
    }),
  };
  const result = execute({ schema: s, document, rootValue, variableValues: variables });
  if (result instanceof Promise) {
    throw new Error('the fake resolvers are synchronous');
  }
  const errors = result.errors?.map((e: GraphQLError) => {
    const type = e.originalError instanceof TypedError ? e.originalError.type : undefined;
    return { type, message: e.message, path: e.path };
  });
  return errors && errors.length ? { data: result.data, errors } : { data: result.data };
}
