/**
 * What the source has already read of each repository, kept between refreshes so that an unchanged refresh
 * only asks "anything new?" (one page per list, or a 304) instead of reading everything again. Raw GitHub
 * nodes are kept, not events: mapping stays pure and re-runs on every refresh. Bounded, module-level.
 */
import {
  CheckRunNode,
  CommitNode,
  DeploymentNode,
  IssueNode,
  OverviewNode,
  PullRequestNode,
  ReleaseNode,
  TagRefNode,
  WorkflowRunRest,
} from './apiTypes';
import { Instant } from '../../engine';
import { BoundedMap } from '../boundedMap';

/** A list read newest first, valid from `since` on, for the parameters in `key`. */
export interface ListState<T> {
  key: string;
  since: Instant;
  items: Record<string, T>;
  /** Largest updatedAt seen (lists ordered by update time). */
  watermark?: Instant;
}

export interface HistoryState {
  since: Instant;
  head: string;
  commits: Record<string, CommitNode>;
}

/** Commits reachable from deployed SHAs off the production branch (release and hotfix branches). */
export interface OffBranchState {
  since: Instant;
  commits: Record<string, CommitNode>;
  /** Heads already followed (also those before the window, which give no commits). */
  walked: Record<string, boolean>;
}

export interface RunsState extends ListState<WorkflowRunRest> {
  /** Earlier attempts of re-run runs, by "runId/attempt". */
  attempts: Record<string, WorkflowRunRest>;
  /** Jobs of completed runs, by the run's node id. */
  jobs: Record<string, CheckRunNode[]>;
}

export interface RepoSnapshot {
  overview?: OverviewNode;
  history?: HistoryState;
  offBranch?: OffBranchState;
  pullRequests?: ListState<PullRequestNode>;
  deployments?: ListState<DeploymentNode>;
  issues?: ListState<IssueNode>;
  releases?: ListState<ReleaseNode>;
  tags?: ListState<TagRefNode>;
  runs?: RunsState;
}

export class SnapshotStore {
  private readonly snapshots: BoundedMap<string, RepoSnapshot>;

  constructor(maxRepositories = 200) {
    this.snapshots = new BoundedMap(maxRepositories);
  }

  get(key: string): RepoSnapshot {
    const snapshot = this.snapshots.get(key) ?? {};
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  clear(): void {
    this.snapshots.clear();
  }
}

export const sharedSnapshots = new SnapshotStore();

/** A previous list state that can be continued: same parameters and it covers the requested start. */
export function reusable<S extends { since: Instant; key?: string }>(
  prev: S | undefined,
  since: Instant,
  key?: string
) {
  return prev !== undefined && prev.since <= since && (key === undefined || prev.key === key) ? prev : undefined;
}
