import { normalizePath, serviceDirectory, touchesPaths } from './catalog';
import { deploy, run } from './attribution/testBuilders';
import { ServiceCatalog } from './model';

const catalog: ServiceCatalog = {
  services: [
    {
      name: 'checkout',
      team: 'payments',
      repositories: [{ repo: 'acme/checkout' }, { repo: 'acme/mono', paths: ['services/checkout/'] }],
      pipelines: ['deploy-checkout'],
      environments: ['checkout-prod'],
      incidentServices: ['Checkout API'],
    },
    {
      name: 'cart',
      team: 'shopping',
      repositories: [{ repo: 'acme/mono', paths: ['./services/cart'] }],
      environments: ['shared-prod'],
    },
    { name: 'search', repositories: [{ repo: 'acme/search' }], environments: ['shared-prod'] },
    { name: 'checkout', team: 'someone-else' },
  ],
};

describe('serviceDirectory', () => {
  const dir = serviceDirectory(catalog);

  it('is inactive without a catalog or with an empty one: services stay as named', () => {
    for (const empty of [undefined, { services: [] }]) {
      const none = serviceDirectory(empty);
      expect(none.active).toBe(false);
      expect(none.teams).toEqual({});
      expect(none.teamOf('checkout')).toBe('');
    }
  });

  it('maps teams, the first entry of a duplicated name winning', () => {
    expect(dir.active).toBe(true);
    expect(dir.teams).toEqual({ checkout: 'payments', cart: 'shopping' });
    expect(dir.teamOf('search')).toBe('');
    expect(dir.teamOf('constructor')).toBe('');
  });

  it('lists every owner of a service several teams own, the first as its team', () => {
    const shared = serviceDirectory({
      services: [
        { name: 'checkout', team: 'payments', teams: ['platform', 'payments'] },
        { name: 'search', teams: ['discovery'] },
        { name: 'cart', team: 'shopping' },
      ],
    });
    expect(shared.teams).toEqual({ checkout: 'payments', search: 'discovery', cart: 'shopping' });
    expect(shared.owners).toEqual({ checkout: ['payments', 'platform'] });
    expect(dir.owners).toEqual({});
  });

  it('resolves a deployment by name, environment, pipeline title, then a repository only one service uses', () => {
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'checkout' }))).toBe('checkout');
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'x', environment: 'checkout-prod' }))).toBe('checkout');
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'x', title: 'deploy-checkout' }))).toBe('checkout');
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'acme/search', repo: 'acme/search' }))).toBe('search');
  });

  it('does not guess when an alias is claimed by several services (a monorepo, a shared environment)', () => {
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'mono', repo: 'acme/mono' }))).toBeUndefined();
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'x', environment: 'shared-prod' }))).toBeUndefined();
    expect(dir.deploymentService(deploy('d', 's', 0, { service: 'unknown', repo: 'acme/other' }))).toBeUndefined();
  });

  it('resolves incident services by name or incidentServices alias', () => {
    expect(dir.incidentService('Checkout API')).toBe('checkout');
    expect(dir.incidentService('cart')).toBe('cart');
    expect(dir.incidentService('checkout api')).toBeUndefined();
  });

  it('resolves pipeline runs by workflow, then by repository', () => {
    expect(dir.pipelineService(run('r', 's', 0, { workflow: 'deploy-checkout', repo: 'acme/mono' }))).toBe('checkout');
    expect(dir.pipelineService(run('r', 's', 0, { workflow: 'ci', repo: 'acme/search' }))).toBe('search');
    expect(dir.pipelineService(run('r', 's', 0, { workflow: 'ci', repo: 'acme/mono' }))).toBeUndefined();
  });

  it('gives monorepo paths per service and repository, normalized', () => {
    expect(dir.pathsOf('checkout', 'acme/mono')).toEqual(['services/checkout']);
    expect(dir.pathsOf('cart', 'acme/mono')).toEqual(['services/cart']);
    expect(dir.pathsOf('checkout', 'acme/checkout')).toBeUndefined();
  });

  it('treats an empty path as the whole repository', () => {
    const whole = serviceDirectory({
      services: [{ name: 'a', repositories: [{ repo: 'r', paths: ['services/a', ''] }] }],
    });
    expect(whole.pathsOf('a', 'r')).toBeUndefined();
  });

  it('skips malformed entries instead of failing', () => {
    const odd = serviceDirectory({
      services: [null as never, { name: '' }, { name: 'ok', repositories: [null as never, { repo: 'r' }] }],
    });
    expect(odd.active).toBe(true);
    expect(odd.pipelineService(run('r', 's', 0, { repo: 'r' }))).toBe('ok');
  });
});

describe('touchesPaths', () => {
  const prefixes = ['services/checkout'];

  it('matches files under a prefix, not siblings sharing its start', () => {
    expect(touchesPaths(['services/checkout/main.go'], prefixes)).toBe(true);
    expect(touchesPaths(['services/checkout'], prefixes)).toBe(true);
    expect(touchesPaths(['/services/checkout/x', 'README.md'], prefixes)).toBe(true);
    expect(touchesPaths(['services/checkout-v2/main.go'], prefixes)).toBe(false);
    expect(touchesPaths(['services/cart/main.go', 'docs/x.md'], prefixes)).toBe(false);
    expect(touchesPaths([], prefixes)).toBe(false);
  });

  it('includes a change when its files or the service paths are unknown', () => {
    expect(touchesPaths(undefined, prefixes)).toBe(true);
    expect(touchesPaths(['anything'], undefined)).toBe(true);
  });

  it('normalizes leading ./ and / and trailing /', () => {
    expect(normalizePath('./services/a/')).toBe('services/a');
    expect(normalizePath('/services/a')).toBe('services/a');
  });
});
