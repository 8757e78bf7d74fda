/** The Argo CD mapper on the scenario and on the shapes Argo CD can send (multi-source, Helm, missing labels). */
import { Deployment } from '../../engine';
import { mapApplications, repositoryKey, rulesOf } from './mapper';
import { resolveArgoCdSettings } from '../../settings/argocd';
import { argoApplication } from './testing/applications';
import { at, SHA, shopApps, T0 } from './testing/scenario';

const DAY = 24 * 3600 * 1000;
const t = (iso: string) => Date.parse(iso);
const rules = rulesOf(
  resolveArgoCdSettings({
    url: 'https://argocd.example.com/',
    serviceFrom: 'label',
    serviceLabel: 'service',
    environmentFrom: 'label',
    environmentLabel: 'env',
  })
);

describe('repositoryKey', () => {
  it.each([
    ['https://github.com/acme/checkout.git', 'acme/checkout'],
    ['https://github.com/acme/checkout', 'acme/checkout'],
    ['https://gitlab.example.com/group/sub/project.git/', 'group/sub/project'],
    ['git@github.com:acme/billing.git', 'acme/billing'],
    ['ssh://git@github.com:22/acme/billing.git', 'acme/billing'],
    ['https://user@dev.azure.com/org/project/_git/repo', 'org/project/_git/repo'],
  ])('%s -> %s', (url, key) => {
    expect(repositoryKey(url)).toBe(key);
  });

  it('is undefined without a URL', () => {
    expect(repositoryKey(undefined)).toBeUndefined();
    expect(repositoryKey('')).toBeUndefined();
  });
});

describe('mapApplications', () => {
  const mapped = mapApplications(shopApps().map(argoApplication), rules, { from: T0 - 30 * DAY });
  const byId = (id: string) => mapped.deployments.find((d) => d.id === id);

  it('turns every history entry into a successful deployment with its SHA, times and source', () => {
    expect(byId('argocd:argocd/checkout-prod:2')).toEqual<Deployment>({
      id: 'argocd:argocd/checkout-prod:2',
      service: 'checkout',
      environment: 'production',
      source: 'argocd',
      title: 'checkout-prod',
      url: 'https://argocd.example.com/applications/argocd/checkout-prod',
      repo: 'acme/checkout',
      sha: SHA.b2,
      startedAt: t(at(1, 9, 55)),
      finishedAt: t(at(1, 10)),
      status: 'success',
      ref: 'HEAD',
    });
    // No deployStartedAt (older Argo CD): no start.
    expect(byId('argocd:argocd/checkout-prod:1')).not.toHaveProperty('startedAt');
    // The rollback is an ordinary entry of an older revision; the engine's rollback rule recognises it.
    expect(byId('argocd:argocd/checkout-prod:4')).toMatchObject({ sha: SHA.b2, status: 'success' });
    // scp-style repository URL.
    expect(byId('argocd:argocd/billing-prod:7')).toMatchObject({ repo: 'acme/billing', service: 'billing' });
  });

  it('a failed sync operation is a failed attempt; a succeeded one already in the history is not repeated', () => {
    const failed = mapped.deployments.filter((d) => d.status !== 'success');
    expect(failed).toEqual([
      expect.objectContaining({
        id: `argocd:argocd/checkout-prod:operation:${at(4, 9)}`,
        status: 'failure',
        sha: SHA.e5,
        startedAt: t(at(4, 9)),
        finishedAt: t(at(4, 9, 2)),
        environment: 'production',
      }),
    ]);
    expect(mapped.deployments.filter((d) => d.title === 'checkout-staging')).toHaveLength(1);
    expect(mapped.deployments).toHaveLength(8);
    expect(mapped.notices).toEqual([]);
  });

  it('a running operation is a deployment in progress', () => {
    const app = argoApplication({
      name: 'web',
      history: [],
      operation: { phase: 'Running', sha: SHA.d4, startedAt: at(1, 10) },
    });
    expect(mapApplications([app], rules, { from: T0 }).deployments).toEqual([
      expect.objectContaining({ status: 'in_progress', sha: SHA.d4, finishedAt: t(at(1, 10)) }),
    ]);
  });

  it('a multi-source application deploys the revision of its Git source; a Helm-only one is reported', () => {
    const multi = argoApplication({
      name: 'web',
      labels: { service: 'web', env: 'production' },
      multiSource: true,
      repoURL: 'https://github.com/acme/web.git',
      history: [{ id: 1, sha: SHA.c3, deployedAt: at(1, 10) }],
    });
    const [d] = mapApplications([multi], rules, { from: T0 }).deployments;
    expect(d).toMatchObject({ sha: SHA.c3, repo: 'acme/web' });

    const helm = argoApplication({ name: 'redis', labels: { service: 'redis', env: 'production' }, history: [] });
    helm.status!.history = [
      {
        id: 1,
        revision: '18.1.2',
        deployedAt: at(1, 10),
        source: { repoURL: 'https://charts.bitnami.com/bitnami', chart: 'redis', targetRevision: '18.1.2' },
      },
    ];
    const result = mapApplications([helm], rules, { from: T0 });
    expect(result.deployments[0]).toMatchObject({ sha: '18.1.2' });
    expect(result.notices).toEqual([
      expect.objectContaining({ severity: 'info', text: expect.stringContaining('redis (18.1.2)') }),
    ]);
  });

  it('names the applications without the service or environment label, and the fix', () => {
    const app = argoApplication({ name: 'legacy', history: [{ id: 1, sha: SHA.a1, deployedAt: at(1, 1) }] });
    const result = mapApplications([app], rules, { from: T0 });
    expect(result.deployments[0]).toMatchObject({ service: 'legacy', environment: 'unknown' });
    expect(result.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/legacy has no label service; the application name is used.*"Service from"/),
      expect.stringMatching(/legacy has no label env; the environment is "unknown".*"Environment from"/),
    ]);
  });

  it('says when the kept history does not reach back to the range start', () => {
    const app = argoApplication({
      name: 'busy',
      labels: { service: 'busy', env: 'production' },
      revisionHistoryLimit: 2,
      history: [
        { id: 8, sha: SHA.a1, deployedAt: at(2, 1) },
        { id: 9, sha: SHA.b2, deployedAt: at(3, 1) },
      ],
    });
    const result = mapApplications([app], rules, { from: T0 });
    expect(result.notices).toEqual([
      expect.objectContaining({
        text: expect.stringContaining(`busy (since ${at(2, 1).slice(0, 16).replace('T', ' ')} UTC)`),
      }),
    ]);
    expect(mapApplications([app], rules, { from: T0 + 3 * DAY }).notices).toEqual([]);
  });

  it('service from the name or destination, environment from namespace, cluster, project or a fixed name; production by pattern', () => {
    const app = argoApplication({
      name: 'checkout-prod',
      project: 'payments',
      history: [{ id: 1, sha: SHA.a1, deployedAt: at(1, 1) }],
    });
    const map = (s: Parameters<typeof resolveArgoCdSettings>[0]) =>
      mapApplications([app], rulesOf(resolveArgoCdSettings({ url: 'https://argocd.example.com', ...s })), { from: T0 })
        .deployments[0];
    expect(map({})).toMatchObject({ service: 'checkout-prod', environment: 'production' });
    expect(map({ serviceFrom: 'namespace', environmentFrom: 'cluster' })).toMatchObject({
      service: 'checkout-prod',
      environment: 'kubernetes.default.svc',
    });
    expect(map({ environmentFrom: 'project' })).toMatchObject({ environment: 'payments' });
    expect(map({ environmentFrom: 'fixed', environment: 'prod-eu' })).toMatchObject({ environment: 'prod-eu' });
    expect(map({ productionPattern: '-prod$' })).toMatchObject({ production: true });
    expect(map({ productionPattern: '-staging$' })).toMatchObject({ production: false });
    expect(map({})).not.toHaveProperty('production');
  });

  it('skips entries without a finish time or revision, and applications without a name', () => {
    const app = argoApplication({ name: 'odd', history: [] });
    app.status!.history = [
      { id: 1, revision: SHA.a1 },
      { id: 2, deployedAt: at(1, 1) },
    ];
    expect(mapApplications([app, {}], rules, { from: T0 }).deployments).toEqual([]);
  });
});
