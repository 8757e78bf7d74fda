/**
 * The parts of Argo CD's API answers the source reads, as its published swagger (assets/swagger.json,
 * definitions v1alpha1ApplicationList and below) describes them. Every field is optional there.
 */

export interface ArgoSource {
  repoURL?: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
  ref?: string;
  name?: string;
}

export interface ArgoRevisionHistory {
  /** Increments per sync of the application. */
  id?: string | number;
  revision?: string;
  revisions?: string[];
  deployStartedAt?: string;
  deployedAt?: string;
  source?: ArgoSource;
  sources?: ArgoSource[];
  initiatedBy?: { username?: string; automated?: boolean };
}

export interface ArgoOperationState {
  /** Running, Terminating, Failed, Error, Succeeded. */
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  operation?: {
    sync?: { revision?: string; revisions?: string[] };
    initiatedBy?: { username?: string; automated?: boolean };
  };
  syncResult?: { revision?: string; revisions?: string[]; source?: ArgoSource; sources?: ArgoSource[] };
}

export interface ArgoApplication {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; uid?: string };
  spec?: {
    project?: string;
    destination?: { name?: string; namespace?: string; server?: string };
    source?: ArgoSource;
    sources?: ArgoSource[];
    revisionHistoryLimit?: string | number;
  };
  status?: {
    history?: ArgoRevisionHistory[];
    operationState?: ArgoOperationState;
    /** Synced, OutOfSync, Unknown. */
    sync?: { status?: string; revision?: string; revisions?: string[] };
    /** Healthy, Progressing, Degraded, Suspended, Missing, Unknown. */
    health?: { status?: string; message?: string };
    reconciledAt?: string;
  };
}

export interface ArgoApplicationList {
  items?: ArgoApplication[] | null;
  metadata?: { resourceVersion?: string };
}

export interface ArgoCanIResponse {
  value?: string;
}

export interface ArgoUserInfo {
  loggedIn?: boolean;
  username?: string;
  iss?: string;
  groups?: string[];
}
