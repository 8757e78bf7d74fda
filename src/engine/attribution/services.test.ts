import { serviceDirectory } from '../catalog';
import { Findings } from './findings';
import { attribute } from './index';
import { ServiceResolver } from './services';
import { deploy, events, incident, NOW } from './testBuilders';

const catalog = {
  services: [
    {
      name: 'checkout',
      team: 'payments',
      repositories: [{ repo: 'acme/checkout' }],
      incidentServices: ['Checkout API'],
    },
  ],
};

describe('ServiceResolver', () => {
  it('puts catalog names on deployments and incidents, keeping the object when nothing changes', () => {
    const resolver = new ServiceResolver(serviceDirectory(catalog));
    const named = deploy('d1', 'a', 1, { service: 'checkout' });
    expect(resolver.deployment(named)).toBe(named);
    expect(resolver.deployment(deploy('d2', 'a', 1, { service: 'acme/checkout', repo: 'acme/checkout' })).service).toBe(
      'checkout'
    );
    expect(resolver.incident(incident('i1', 1, { service: 'Checkout API' })).service).toBe('checkout');
    const findings = new Findings();
    resolver.report(findings);
    expect(findings.sorted()).toEqual([]);
  });

  it('reports each unknown service once, with a count', () => {
    const resolver = new ServiceResolver(serviceDirectory(catalog));
    resolver.deployment(deploy('d1', 'a', 1, { service: 'search', repo: 'acme/search' }));
    resolver.deployment(deploy('d2', 'a', 2, { service: 'search', repo: 'acme/search' }));
    resolver.incident(incident('i1', 1, { service: 'search' }));
    resolver.incident(incident('i2', 1, { service: undefined }));
    const findings = new Findings();
    resolver.report(findings);
    expect(findings.sorted()).toEqual([
      {
        kind: 'unknown-service',
        severity: 'warning',
        subject: 'search',
        service: 'search',
        count: 3,
        message:
          '3 events (2 deployments, 1 incidents) name service "search", which the service catalog does not list. ' +
          'Add it to the catalog, or add this name to a service as a repository, environment, pipeline or ' +
          'incident service, so it gets a team.',
      },
    ]);
  });

  it('without a catalog nothing is unknown', () => {
    const resolver = new ServiceResolver(serviceDirectory());
    const d = deploy('d1', 'a', 1, { service: 'anything' });
    expect(resolver.deployment(d)).toBe(d);
    const findings = new Findings();
    resolver.report(findings);
    expect(findings.sorted()).toEqual([]);
  });
});

describe('catalog in attribute()', () => {
  it('maps deployments to catalog services and teams; only production deployments count as unknown', () => {
    const result = attribute(
      events({
        catalog,
        deployments: [
          deploy('d1', 'a', 1, { service: 'checkout-svc', repo: 'acme/checkout' }),
          deploy('d2', 'a', 2, { service: 'legacy', repo: 'acme/legacy' }),
          deploy('s1', 'a', 2, { service: 'legacy', repo: 'acme/legacy', environment: 'staging' }),
        ],
      }),
      {},
      NOW
    );
    expect(result.deployments.map((d) => [d.deployment.service, d.team])).toEqual([
      ['checkout', 'payments'],
      ['legacy', ''],
    ]);
    expect(result.teams).toEqual({ checkout: 'payments' });
    const unknown = result.dataQuality.filter((f) => f.kind === 'unknown-service');
    expect(unknown.map((f) => [f.subject, f.count])).toEqual([['legacy', 1]]);
  });
});
