import { instanceSettings } from '../datasource/testing';
import { DAY_MS } from '../engine';
import { HttpClient } from './http';
import { createSources, createSourceSetup } from './registry';

const http: HttpClient = { request: () => Promise.reject(new Error('no HTTP in this test')) };

describe('createSources', () => {
  it('serves the demo source when no provider is enabled, and says why', () => {
    const setup = createSourceSetup(instanceSettings({}), http);
    expect(setup.sources.map((s) => s.name)).toEqual(['demo']);
    expect(setup.demo).toBe('unconfigured');
    expect(createSources(instanceSettings({ github: { enabled: false } }), http).map((s) => s.name)).toEqual(['demo']);
  });

  it('serves GitHub alone when it is enabled, and demo next to it only when demoEnabled', () => {
    const github = { enabled: true, repositories: 'acme/checkout' };
    const only = createSourceSetup(instanceSettings({ github }), http);
    expect(only.sources.map((s) => s.name)).toEqual(['github']);
    expect(only.demo).toBeNull();
    const both = createSourceSetup(instanceSettings({ github, demoEnabled: true }), http);
    expect(both.sources.map((s) => s.name)).toEqual(['github', 'demo']);
    expect(both.demo).toBe('enabled');
  });

  it('reports a provider that cannot start, without falling back to demo data', () => {
    const setup = createSourceSetup(instanceSettings({}), http, {
      providers: [
        {
          name: 'gitlab',
          enabled: () => true,
          create: () => {
            throw new Error('group path is empty');
          },
        },
      ],
    });
    expect(setup.sources).toEqual([]);
    expect(setup.demo).toBeNull();
    expect(setup.notices).toEqual([
      {
        severity: 'error',
        text: 'Source gitlab could not start: group path is empty. Check its section in the data source settings.',
      },
    ]);
  });

  it('passes the demo seed and clock, so the same settings give the same events', async () => {
    const now = () => Date.UTC(2026, 5, 1);
    const a = createSources(instanceSettings({ demoSeed: 7 }), http, { now })[0];
    const b = createSources(instanceSettings({ demoSeed: 7 }), http, { now })[0];
    const c = createSources(instanceSettings({ demoSeed: 8 }), http, { now })[0];
    const range = { from: now() - 30 * DAY_MS, to: now() };
    const ids = async (s: typeof a) => (await s.fetchEvents(range)).events.deployments.map((d) => d.id);
    expect(await ids(a)).toEqual(await ids(b));
    expect(await ids(a)).not.toEqual(await ids(c));
  });

  it('parses the catalog and reports its problems as warnings with line numbers', () => {
    const setup = createSourceSetup(
      instanceSettings({ catalogYaml: 'services:\n  - name: checkout\n    team: payments\n  - nmae: search\n' }),
      http
    );
    expect(setup.catalog).toEqual({ services: [{ name: 'checkout', team: 'payments' }] });
    expect(setup.notices.map((n) => n.text)).toEqual([
      'Data source settings: Service catalog, line 4: Unknown service key "nmae"; expected one of name, team, teams, repositories, pipelines, environments, incidentServices, runbook, objective.',
      'Data source settings: Service catalog, line 4: A service has no name; add "name: <service>".',
    ]);
  });
});
