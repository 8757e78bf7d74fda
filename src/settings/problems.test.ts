import {
  catalogAmbiguities,
  configIssues,
  patternError,
  positiveNumberError,
  benchmarkYearError,
  catalogErrors,
  demoSeedError,
} from './problems';

describe('config validation', () => {
  it('accepts empty and valid patterns, names field and value of an invalid one', () => {
    expect(patternError('Hotfix pattern', undefined)).toBeUndefined();
    expect(patternError('Hotfix pattern', '')).toBeUndefined();
    expect(patternError('Hotfix pattern', '^hot-?fix')).toBeUndefined();
    const message = patternError('Hotfix pattern', '(unclosed');
    expect(message).toMatch(/^Hotfix pattern "\(unclosed" is not a valid regular expression \(.+\)\. Fix the pattern/);
  });

  it('checks positive, whole and bounded numbers', () => {
    expect(positiveNumberError('X', undefined)).toBeUndefined();
    expect(positiveNumberError('X', 3)).toBeUndefined();
    expect(positiveNumberError('X', -1)).toBe('X -1 must be a number greater than 0; clear it to use the default.');
    expect(positiveNumberError('X', NaN)).toMatch(/X NaN must be a number greater than 0/);
    expect(positiveNumberError('X', 0)).toBe('X 0 must be a number greater than 0; clear it to use the default.');
    expect(positiveNumberError('X', 0, { zeroAllowed: true })).toBeUndefined();
    expect(positiveNumberError('X', -0.5, { zeroAllowed: true })).toBe(
      'X -0.5 must be a number 0 or more; clear it to use the default.'
    );
    expect(positiveNumberError('X', 400, { max: 365 })).toBe('X 400 is more than 365; use at most 365.');
  });

  it('accepts a whole demo seed only (the demo data is generated from one)', () => {
    expect(demoSeedError(undefined)).toBeUndefined();
    expect(demoSeedError(7)).toBeUndefined();
    expect(demoSeedError(1.5)).toBe('Demo seed 1.5 must be a whole number; clear it to use the default seed.');
    expect(demoSeedError(NaN)).toBe('Demo seed NaN must be a whole number; clear it to use the default seed.');
  });

  it('knows the benchmark years with a table', () => {
    expect(benchmarkYearError(2023)).toBeUndefined();
    expect(benchmarkYearError(undefined)).toBeUndefined();
    expect(benchmarkYearError(2019)).toBe(
      'Benchmark year 2019 has no DORA table; choose one of 2021, 2022, 2023, 2024.'
    );
  });

  it('prefixes catalog problems with their line', () => {
    expect(catalogErrors('services:\n  - team: payments\n')).toEqual([
      expect.stringMatching(/^Line 2: A service has no name/),
    ]);
    expect(catalogErrors('')).toEqual([]);
  });

  it('collects every issue in section order', () => {
    const issues = configIssues({
      productionEnvironmentPattern: '(',
      incidentLinkWindowHours: -2,
      catalogYaml: 'teams: []\n',
      lookbackDays: 4000,
    });
    expect(issues.map((i) => i.field)).toEqual([
      'productionEnvironmentPattern',
      'incidentLinkWindowHours',
      'catalogYaml',
      'catalogYaml',
      'lookbackDays',
    ]);
    expect(configIssues({})).toEqual([]);
  });

  it('warns about names that more than one service lists (the catalog then resolves them to none)', () => {
    const catalog = {
      services: [
        {
          name: 'checkout',
          environments: ['production'],
          incidentServices: ['Shop'],
          repositories: [{ repo: 'acme/mono', paths: ['a'] }],
        },
        {
          name: 'search',
          environments: ['production'],
          incidentServices: ['Search'],
          repositories: [{ repo: 'acme/mono', paths: ['b'] }],
        },
        { name: 'billing', environments: ['billing-prod'], incidentServices: ['Shop'] },
      ],
    };
    expect(catalogAmbiguities(catalog)).toEqual([
      'Incident service "Shop" is listed by checkout, billing: its incidents get no service and are never linked to a deployment.',
      expect.stringMatching(/^Environment "production" is listed by checkout, search: it names neither/),
      expect.stringMatching(
        /^Repository "acme\/mono" is listed by checkout, search: its deployments find their service only/
      ),
    ]);
    expect(
      catalogAmbiguities({
        services: [
          { name: 'a', environments: ['prod-a'] },
          { name: 'b', environments: ['prod-b'] },
        ],
      })
    ).toEqual([]);
    expect(catalogAmbiguities(undefined)).toEqual([]);
  });
});
