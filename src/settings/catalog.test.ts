import { parseCatalogYaml } from './catalog';

describe('parseCatalogYaml', () => {
  it('reads services with repositories, monorepo paths and name lists', () => {
    const result = parseCatalogYaml(
      [
        'services:',
        '  - name: checkout',
        '    team: payments',
        '    repositories:',
        '      - acme/checkout',
        '      - repo: acme/monorepo',
        '        paths: [services/checkout]',
        '    pipelines: [deploy-checkout]',
        '    environments: production',
        '    incidentServices: [Checkout API]',
        '  - name: search',
      ].join('\n')
    );
    expect(result.errors).toEqual([]);
    expect(result.catalog).toEqual({
      services: [
        {
          name: 'checkout',
          team: 'payments',
          repositories: [{ repo: 'acme/checkout' }, { repo: 'acme/monorepo', paths: ['services/checkout'] }],
          pipelines: ['deploy-checkout'],
          environments: ['production'],
          incidentServices: ['Checkout API'],
        },
        { name: 'search' },
      ],
    });
  });

  it('accepts a map keyed by service name', () => {
    const result = parseCatalogYaml('services:\n  checkout:\n    team: payments\n  search:\n');
    expect(result.errors).toEqual([]);
    expect(result.catalog?.services).toEqual([{ name: 'checkout', team: 'payments' }, { name: 'search' }]);
  });

  it('treats empty text as no catalog, without errors', () => {
    expect(parseCatalogYaml('')).toEqual({ errors: [] });
    expect(parseCatalogYaml(undefined)).toEqual({ errors: [] });
    expect(parseCatalogYaml('  \n')).toEqual({ errors: [] });
  });

  it('reports invalid YAML with its line instead of throwing', () => {
    const result = parseCatalogYaml('services:\n  - name: checkout\n   team: [unclosed\n');
    expect(result.catalog).toBeUndefined();
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0].message).toMatch(/^Catalog YAML is not valid: /);
    expect(result.errors[0].line).toBeGreaterThanOrEqual(2);
  });

  it('names the line, the key and the fix for shape errors, and keeps the valid services', () => {
    const result = parseCatalogYaml(
      [
        'services:',
        '  - name: checkout',
        '    teem: payments',
        '  - team: orphans',
        '  - name: search',
        '    repositories: acme/search',
      ].join('\n')
    );
    expect(result.catalog?.services.map((s) => s.name)).toEqual(['checkout', 'search']);
    expect(result.errors).toEqual([
      { line: 3, message: expect.stringContaining('Unknown service key "teem"') },
      { line: 4, message: 'A service has no name; add "name: <service>".' },
      { line: 6, message: '"repositories" must be a list, e.g. "[acme/checkout]".' },
    ]);
  });

  it('rejects a document that is not a mapping, and a missing services key', () => {
    expect(parseCatalogYaml('- checkout').errors[0].message).toContain('must be a mapping with a "services" key');
    const noServices = parseCatalogYaml('teams:\n  - payments\n');
    expect(noServices.catalog).toBeUndefined();
    expect(noServices.errors.map((e) => e.message)).toEqual([
      'Unknown top-level key "teams" in the catalog; only "services" is read.',
      'The catalog has no "services" key; add "services:" with one entry per service.',
    ]);
  });

  it('reports duplicate service names', () => {
    const result = parseCatalogYaml('services:\n  - name: a\n  - name: a\n');
    expect(result.errors).toEqual([{ message: 'Service "a" appears twice in the catalog; keep one entry.' }]);
  });
});
