/**
 * What the source has already read of each project, kept between refreshes so that an unchanged refresh only asks
 * "anything new?" (one page per list, or a 304) instead of reading everything again. Raw GitLab answers are kept, not
 * events: mapping stays pure and re-runs on every refresh. Bounded, module-level.
 */
import { Instant } from '../../engine';
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

export interface HistoryState {
  since: Instant;
  head: string;
  commits: Record<string, GlCommit>;
}

/** Commits reachable from deployed SHAs off the production branch (release and hotfix branches). */
export interface OffBranchState {
  since: Instant;
  commits: Record<string, GlCommit>;
  /** Heads already followed (also those before the window, which give no commits). */
  walked: Record<string, boolean>;
}

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
