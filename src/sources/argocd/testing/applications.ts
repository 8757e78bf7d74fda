/**
 * Argo CD application answers for the tests and the fake, in the shapes of Argo CD's swagger (definitions
 * v1alpha1Application and below, excerpt in swagger-excerpt.json; fixtures.test.ts validates every answer built
 * here against it). The spec follows the documented example application (docs/operator-manual/application.yaml:
 * guestbook, repoURL https://github.com/argoproj/argocd-example-apps.git, path guestbook, project default,
 * destination https://kubernetes.default.svc), with our own names and times put in.
 */
import { ArgoApplication, ArgoOperationState, ArgoRevisionHistory, ArgoSource } from '../apiTypes';

export interface FakeSync {
  id: number;
  sha: string;
  /** ISO instants. */
  startedAt?: string;
  deployedAt: string;
}

export interface FakeArgoApp {
  name: string;
  project?: string;
  labels?: Record<string, string>;
  namespace?: string;
  repoURL?: string;
  path?: string;
  history: FakeSync[];
  operation?: { phase: string; sha: string; startedAt: string; finishedAt?: string; message?: string };
  sync?: 'Synced' | 'OutOfSync' | 'Unknown';
  health?: 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
  revisionHistoryLimit?: number;
  /** A multi-source application: a Helm chart from a chart repository plus this Git source of values. */
  multiSource?: boolean;
}

const CHART_SOURCE: ArgoSource = {
  repoURL: 'https://charts.example.com',
  chart: 'web-service',
  targetRevision: '4.2.0',
};

function gitSource(app: FakeArgoApp): ArgoSource {
  return {
    repoURL: app.repoURL ?? 'https://github.com/argoproj/argocd-example-apps.git',
    path: app.path ?? 'guestbook',
    targetRevision: 'HEAD',
  };
}

function historyEntry(app: FakeArgoApp, sync: FakeSync): ArgoRevisionHistory {
  const entry: ArgoRevisionHistory = {
    id: sync.id,
    deployedAt: sync.deployedAt,
    initiatedBy: { automated: true },
  };
  if (sync.startedAt) {
    entry.deployStartedAt = sync.startedAt;
  }
  if (app.multiSource) {
    entry.revisions = ['4.2.0', sync.sha];
    entry.sources = [CHART_SOURCE, gitSource(app)];
  } else {
    entry.revision = sync.sha;
    entry.source = gitSource(app);
  }
  return entry;
}

function operationState(app: FakeArgoApp): ArgoOperationState | undefined {
  const op = app.operation;
  if (!op) {
    return undefined;
  }
  const state: ArgoOperationState = {
    phase: op.phase,
    message: op.message ?? (op.phase === 'Succeeded' ? 'successfully synced (all tasks run)' : ''),
    startedAt: op.startedAt,
    operation: app.multiSource
      ? { sync: { revisions: ['4.2.0', op.sha] }, initiatedBy: { automated: true } }
      : { sync: { revision: op.sha }, initiatedBy: { automated: true } },
  };
  if (op.finishedAt) {
    state.finishedAt = op.finishedAt;
  }
  if (op.phase !== 'Running') {
    state.syncResult = app.multiSource
      ? { revisions: ['4.2.0', op.sha], sources: [CHART_SOURCE, gitSource(app)] }
      : { revision: op.sha, source: gitSource(app) };
  }
  return state;
}

export function argoApplication(app: FakeArgoApp): ArgoApplication {
  const last = app.history[app.history.length - 1];
  const out: ArgoApplication = {
    metadata: {
      name: app.name,
      namespace: app.namespace ?? 'argocd',
      labels: app.labels ?? {},
      uid: `00000000-0000-4000-8000-${String(app.name.length).padStart(12, '0')}`,
    },
    spec: {
      project: app.project ?? 'default',
      destination: { server: 'https://kubernetes.default.svc', namespace: app.name },
      ...(app.multiSource ? { sources: [CHART_SOURCE, gitSource(app)] } : { source: gitSource(app) }),
      ...(app.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: app.revisionHistoryLimit } : {}),
    },
    status: {
      history: app.history.map((sync) => historyEntry(app, sync)),
      sync: { status: app.sync ?? 'Synced', revision: last?.sha ?? '' },
      health: { status: app.health ?? 'Healthy' },
      reconciledAt: last?.deployedAt,
    },
  };
  const op = operationState(app);
  if (op && out.status) {
    out.status.operationState = op;
  }
  return out;
}

/** The list answer of GET /api/v1/applications. */
export function applicationList(apps: FakeArgoApp[]) {
  return { metadata: { resourceVersion: '12345' }, items: apps.map(argoApplication) };
}

/** Argo CD's error body (definition runtimeError). */
export function runtimeError(code: number, message: string) {
  return { error: message, code, message, details: [] };
}
