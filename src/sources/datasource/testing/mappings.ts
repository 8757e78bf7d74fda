/** Test data: the mappings the bridge tests use, over the warehouse tables of frames.ts, and the answers to them. */
import { BridgeMapping } from '../../../settings/datasourceBridge';
import { changesFrame, deploymentsFrame, DEPLOYMENTS_SQL, incidentsFrame } from './frames';
import { Answers } from './answers';

export const PG = { uid: 'warehouse', type: 'grafana-postgresql-datasource' };

/** Three mappings of one PostgreSQL warehouse: deployments, commits, incidents (columns named as in frames.ts). */
export const MAPPINGS: BridgeMapping[] = [
  {
    name: 'Deployments',
    kind: 'deployments',
    datasource: PG,
    query: DEPLOYMENTS_SQL,
    columns: {
      finishedAt: 'finished_at',
      service: 'service',
      environment: 'env',
      repo: 'repository',
      sha: 'commit_sha',
      status: 'outcome',
    },
  },
  {
    name: 'Commits',
    kind: 'changes',
    datasource: PG,
    query: 'SELECT sha, repo, committed_at, parents FROM commits',
    columns: { sha: 'sha', repo: 'repo', committedAt: 'committed_at', parents: 'parents' },
  },
  {
    name: 'Incidents',
    kind: 'incidents',
    datasource: PG,
    query: 'SELECT * FROM incidents',
    columns: {
      id: 'incident_id',
      service: 'service',
      createdAt: 'opened',
      resolvedAt: 'closed',
      'cause.sha': 'caused_by',
    },
  },
];

/** The fake services' answers to those mappings' queries. */
export const ANSWERS: Answers = [
  { contains: 'FROM deployments', frames: [deploymentsFrame()] },
  { contains: 'FROM commits', frames: [changesFrame()] },
  { contains: 'FROM incidents', frames: [incidentsFrame()] },
];
