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
import { ListState, reusable, SnapshotStore as Snapshots } from '../lists';
import { HistoryState as CommitHistoryState, OffBranchState as OffBranchCommits } from '../commitHistory';

export type { ListState };
export { reusable };

/** The production branch's history as remembered between refreshes. */
export type HistoryState = CommitHistoryState<CommitNode>;
/** Commits reachable from deployed SHAs off the production branch. */
export type OffBranchState = OffBranchCommits<CommitNode>;

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

/** What the source has read of each repository (module-level by default, bounded). */
export class SnapshotStore extends Snapshots<RepoSnapshot> {}

export const sharedSnapshots = new SnapshotStore();
