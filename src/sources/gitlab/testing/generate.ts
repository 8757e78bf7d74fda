/**
 * A large, deterministic fake GitLab project for the request-count bench: a linear history spread evenly over a
 * span, every n-th commit a squash-merged merge request, production deployments of every few commits (5 % failing)
 * each run by a pipeline (build, test, deploy-prod), staging deployments the tier rule drops, and incident issues.
 */
import {
  emptyProject,
  FakeGlDeployment,
  FakeGlIssue,
  FakeGlJob,
  FakeGlMergeRequest,
  FakeGlPipeline,
  FakeGlProject,
} from './world';

export interface GenerateOptions {
  path: string;
  now: number;
  spanDays: number;
  commits: number;
  deployments: number;
  mergeRequests: number;
  stagingDeployments: number;
  incidents: number;
}

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hexId = (prefix: string, i: number) =>
  (Buffer.from(`${prefix}${i}`).toString('hex') + '0'.repeat(40)).slice(0, 40);

export function generateProject(o: GenerateOptions): FakeGlProject {
  const rnd = random(42);
  const p = emptyProject(o.path, 77);
  p.environments = [
    { id: 1, name: 'production', tier: 'production' },
    { id: 2, name: 'staging', tier: 'staging' },
  ];
  const start = o.now - o.spanDays * 24 * 3600 * 1000;
  const step = (o.now - start) / (o.commits + 1);
  const ids: string[] = [];
  const times: number[] = [];
  const mrEvery = Math.max(1, Math.floor(o.commits / o.mergeRequests));
  let parent: string | undefined;
  for (let i = 0; i < o.commits; i++) {
    const when = Math.round(start + (i + 1) * step);
    const id = hexId('g', i);
    const mr =
      i % mrEvery === mrEvery - 1 && p.mergeRequests.length < o.mergeRequests ? p.mergeRequests.length + 1 : undefined;
    p.commits[id] = {
      id,
      title: mr ? `Feature ${mr}` : `Change ${i}`,
      parents: parent ? [parent] : [],
      authoredDate: iso(when - Math.round(rnd() * 3600e3)),
      committedDate: iso(when),
    };
    if (mr) {
      const opened = when - Math.round((1 + rnd() * 48) * 3600e3);
      const own = hexId('mr', mr);
      const item: FakeGlMergeRequest = {
        iid: mr,
        title: `Feature ${mr}`,
        targetBranch: 'main',
        sourceBranch: `feature/${mr}`,
        author: 1,
        createdAt: iso(opened),
        updatedAt: iso(when),
        mergedAt: iso(when),
        labels: rnd() < 0.1 ? ['hotfix'] : [],
        sha: own,
        mergeCommitSha: null,
        squashCommitSha: id,
        commits: [
          { id: own, title: `WIP ${mr}`, parents: [], authoredDate: iso(opened - 3600e3), committedDate: iso(opened) },
        ],
        notes: [{ author: 2, body: 'approved this merge request', system: true, createdAt: iso(opened + 1800e3) }],
      };
      p.mergeRequests.push(item);
    }
    ids.push(id);
    times.push(when);
    parent = id;
  }
  p.branches.main = parent ?? '';
  let jobId = 1;
  let pipelineId = 1;
  const deploymentOf = (index: number, environment: string, n: number, failed: boolean): FakeGlDeployment => {
    const created = times[index] + 10 * 60e3;
    const pipeline: FakeGlPipeline = {
      id: pipelineId++,
      sha: ids[index],
      ref: 'main',
      status: failed ? 'failed' : 'success',
      source: 'push',
      createdAt: iso(created),
      updatedAt: iso(created + 30 * 60e3),
    };
    const job = (name: string, offset: number, status: string): FakeGlJob => ({
      id: jobId++,
      name,
      stage: name,
      status,
      pipeline,
      createdAt: iso(created),
      startedAt: iso(created + offset * 60e3),
      finishedAt: iso(created + (offset + 8) * 60e3),
    });
    const deploy = job(
      environment === 'production' ? 'deploy-prod' : 'deploy-staging',
      20,
      failed ? 'failed' : 'success'
    );
    p.jobs.push(job('build', 1, 'success'), job('test', 10, 'success'), deploy);
    return {
      id: 100000 + n,
      iid: n,
      environment,
      ref: 'main',
      sha: ids[index],
      status: failed ? 'failed' : 'success',
      createdAt: iso(created),
      updatedAt: iso(created + 30 * 60e3),
      job: deploy,
    };
  };
  let n = 1;
  const prodEvery = Math.max(1, Math.floor(o.commits / o.deployments));
  for (let i = prodEvery - 1; i < o.commits && n <= o.deployments; i += prodEvery) {
    p.deployments.push(deploymentOf(i, 'production', n++, rnd() < 0.05));
  }
  const stagingEvery = Math.max(1, Math.floor(o.commits / Math.max(1, o.stagingDeployments)));
  for (let i = 0, k = 0; i < o.commits && k < o.stagingDeployments; i += stagingEvery, k++) {
    p.deployments.push(deploymentOf(i, 'staging', n++, false));
  }
  for (let i = 0; i < o.incidents; i++) {
    const created = start + ((i + 1) * (o.now - start)) / (o.incidents + 1);
    const incident: FakeGlIssue = {
      iid: i + 1,
      title: `Incident ${i + 1}`,
      description: `Impact start: ${iso(created - 10 * 60e3)}`,
      type: 'INCIDENT',
      severity: rnd() < 0.3 ? 'HIGH' : 'MEDIUM',
      labels: [],
      state: 'closed',
      createdAt: iso(created),
      updatedAt: iso(created + 2 * 3600e3),
      closedAt: iso(created + 2 * 3600e3),
    };
    p.issues.push(incident);
  }
  return p;
}
