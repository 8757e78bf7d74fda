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

  it('reads several owning teams (teams: a list), with or without team', () => {
    const result = parseCatalogYaml(
      'services:\n  checkout:\n    teams: [payments, platform]\n  cart:\n    team: shopping\n    teams: [shopping, growth]\n'
    );
    expect(result.errors).toEqual([]);
    expect(result.catalog?.services).toEqual([
      { name: 'checkout', teams: ['payments', 'platform'] },
      { name: 'cart', team: 'shopping', teams: ['growth'] },
    ]);
    expect(parseCatalogYaml('services:\n  checkout:\n    teams: { a: b }\n').errors).toEqual([
      { line: 3, message: '"teams" must be a list of names, e.g. "[a, b]".' },
    ]);
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

  it('reads a runbook URL and an availability objective per service (window 30 days unless given)', () => {
    const result = parseCatalogYaml(
      [
        'services:',
        '  - name: checkout',
        '    runbook: https://wiki.example.com/runbooks/checkout',
        '    objective: { availability: 99.9%, window: 28d }',
        '  - name: search',
        '    objective:',
        '      availability: 99.5',
      ].join('\n')
    );
    expect(result.errors).toEqual([]);
    expect(result.catalog?.services).toEqual([
      {
        name: 'checkout',
        runbook: 'https://wiki.example.com/runbooks/checkout',
        objective: { target: 0.999, windowDays: 28 },
      },
      { name: 'search', objective: { target: 0.995, windowDays: 30 } },
    ]);
  });

  it.each([
    [
      '    runbook: wiki/checkout',
      3,
      '"runbook" of service "checkout" is "wiki/checkout", not a web address; write the full URL',
    ],
    [
      '    objective: 99.9%',
      3,
      '"objective" of service "checkout" must be a mapping, e.g. "objective: { availability: 99.9%, window: 30d }"',
    ],
    [
      '    objective: { availability: 100% }',
      3,
      '"availability" of service "checkout" is "100%"; use a percentage above 0 and below 100',
    ],
    ['    objective: { availability: high }', 3, '"availability" of service "checkout" is "high"; use a percentage'],
    ['    objective: { window: 30d }', 3, 'The objective of service "checkout" has no availability; add it'],
    [
      '    objective: { availability: 99.9, window: 1y }',
      3,
      '"window" of the objective of service "checkout" is "1y"; use whole days from 1d to 366d',
    ],
    [
      '    objective: { availability: 99.9, budget: 43m }',
      3,
      'Unknown objective key "budget" in service "checkout"; expected availability, window',
    ],
  ])('reports %s with its line, value and fix, and leaves the field out', (line, lineNumber, message) => {
    const result = parseCatalogYaml(['services:', '  - name: checkout', line].join('\n'));
    expect(result.errors).toEqual([{ line: lineNumber, message: expect.stringContaining(message) }]);
    const service = result.catalog?.services[0];
    expect(service?.runbook).toBeUndefined();
    if (!line.includes('budget')) {
      expect(service?.objective).toBeUndefined();
    }
  });
});
