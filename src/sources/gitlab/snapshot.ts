/**
 * What the source has already read of each project, kept between refreshes so that an unchanged refresh only asks
 * "anything new?" (one page per list, or a 304) instead of reading everything again. Raw GitLab answers are kept, not
 * events: mapping stays pure and re-runs on every refresh. Bounded, module-level.
 */
import { ListState, SnapshotStore as Snapshots } from '../lists';
import {
  GlCommit,
  GlDeployment,
  GlIssue,
  GlJob,
  GlMergeRequest,
  GlRelease,
  GlTag,
  MergeRequestDetails,
} from './apiTypes';
import { HistoryState as CommitHistoryState, OffBranchState as OffBranchCommits } from '../commitHistory';

/** The production branch's history as remembered between refreshes. */
export type HistoryState = CommitHistoryState<GlCommit>;
/** Commits reachable from deployed SHAs off the production branch. */
export type OffBranchState = OffBranchCommits<GlCommit>;

export interface ProjectSnapshot {
  history?: HistoryState;
  offBranch?: OffBranchState;
  mergeRequests?: ListState<GlMergeRequest>;
  /** Commits and first review of merged merge requests, by iid: read once, they do not change after the merge. */
  mergeRequestDetails?: Record<string, MergeRequestDetails>;
  deployments?: ListState<GlDeployment>;
  jobs?: ListState<GlJob>;
  /** One list per incident query (type incident, each label). */
  issues?: Record<string, ListState<GlIssue>>;
  releases?: ListState<GlRelease>;
  tags?: ListState<GlTag>;
}

export class SnapshotStore extends Snapshots<ProjectSnapshot> {}

export const sharedSnapshots = new SnapshotStore();
