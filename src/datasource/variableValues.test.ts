import { attributed, change, deployment, incident, T0 } from '../engine/metrics/testing';
import { variableValues } from './variableValues';

const data = attributed({
  deployments: [
    deployment({ finishedAt: T0, service: 'checkout', team: 'storefront', environment: 'prod-eu', repo: 'acme/shop' }),
    deployment({ finishedAt: T0, service: 'ledger', team: 'finance', repo: 'acme/ledger' }),
  ],
  incidents: [incident({ createdAt: T0, service: 'auth', team: 'platform' })],
});
const catalog = {
  services: [
    { name: 'search', team: 'data', environments: ['prod-us'], repositories: [{ repo: 'acme/search' }] },
    { name: 'checkout', team: 'storefront', repositories: [{ repo: 'acme/checkout-ui' }] },
    { name: 'lonely' },
  ],
};

describe('variableValues', () => {
  it('lists the values of the events and of the catalog, once each, sorted', () => {
    expect(variableValues(data, catalog, 'services')).toEqual(['auth', 'checkout', 'ledger', 'lonely', 'search']);
    expect(variableValues(data, catalog, 'teams')).toEqual(['data', 'finance', 'platform', 'storefront']);
    expect(variableValues(data, catalog, 'environments')).toEqual(['prod-eu', 'prod-us', 'production']);
    expect(variableValues(data, catalog, 'repositories')).toEqual([
      'acme/checkout-ui',
      'acme/ledger',
      'acme/search',
      'acme/shop',
    ]);
  });

  it('narrows events and catalog by the same filters', () => {
    expect(variableValues(data, catalog, 'services', { teams: ['storefront', 'data'] })).toEqual([
      'checkout',
      'search',
    ]);
    expect(variableValues(data, catalog, 'repositories', { teams: ['storefront'] })).toEqual([
      'acme/checkout-ui',
      'acme/shop',
    ]);
    expect(variableValues(data, catalog, 'services', { teams: ['(unknown)'] })).toEqual(['lonely']);
    expect(variableValues(data, catalog, 'services', { environments: ['prod-us'] })).toEqual(['search']);
  });

  it("lists incidents' severities, and changes' pull request labels with incidents' labels, narrowed by the filters", () => {
    const labelled = (labels: string[], service: string) => {
      const c = change({ deployedAt: T0, leadTimeMs: 1000, service });
      c.change.pullRequest = { number: 1, labels };
      return c;
    };
    const d = attributed({
      incidents: [
        incident({ createdAt: T0, service: 'auth', severity: 'sev2' }),
        incident({ createdAt: T0, service: 'checkout', severity: 'sev1' }),
        incident({ createdAt: T0, service: 'checkout', labels: ['urgency:high', 'security'] }),
        incident({ createdAt: T0, service: 'ledger', labels: ['team:finance'] }),
      ],
      changes: [labelled(['security', 'deps'], 'checkout'), labelled(['ui'], 'search')],
    });
    expect(variableValues(d, catalog, 'severities')).toEqual(['sev1', 'sev2']);
    expect(variableValues(d, catalog, 'severities', { services: ['checkout'] })).toEqual(['sev1']);
    // A name shared by a pull request and an incident (security) is listed once.
    expect(variableValues(d, catalog, 'labels')).toEqual(['deps', 'security', 'team:finance', 'ui', 'urgency:high']);
    expect(variableValues(d, catalog, 'labels', { services: ['search'] })).toEqual(['ui']);
    expect(variableValues(d, catalog, 'labels', { services: ['ledger'] })).toEqual(['team:finance']);
  });

  it('lists every owner of a service several teams own, and keeps it for a filter on any owner', () => {
    const shared = { services: [{ name: 'checkout', team: 'storefront', teams: ['payments'] }, { name: 'lonely' }] };
    expect(variableValues(attributed({}), shared, 'teams')).toEqual(['payments', 'storefront']);
    expect(variableValues(attributed({}), shared, 'services', { teams: ['payments'] })).toEqual(['checkout']);
  });

  it('lists the deployments of the range newest first for a deployments variable, narrowed by the filters', () => {
    const d = attributed({
      deployments: [
        deployment({ id: 'old', finishedAt: T0, service: 'checkout' }),
        deployment({ id: 'new', finishedAt: T0 + 1000, service: 'checkout' }),
        deployment({ id: 'other', finishedAt: T0 + 500, service: 'ledger' }),
        deployment({ id: 'later', finishedAt: T0 + 5000, service: 'checkout' }),
      ],
    });
    const range = { from: T0, to: T0 + 2000 };
    expect(variableValues(d, catalog, 'deployments', {}, range)).toEqual(['new', 'other', 'old']);
    expect(variableValues(d, catalog, 'deployments', { services: ['checkout'] }, range)).toEqual(['new', 'old']);
  });

  it('works without a catalog', () => {
    expect(variableValues(data, undefined, 'teams')).toEqual(['finance', 'platform', 'storefront']);
  });
});
