import { DEFAULT_OPTIONS, HOUR_MS } from '../engine';
import { DEFAULT_LOOKBACK_DAYS, DoraJsonData } from './model';
import { configIssues } from './problems';
import { demoMode, enabledProviders, readSettings } from './reader';

describe('readSettings', () => {
  it('reads patterns, window, rework, benchmark year and look-back', () => {
    const settings = readSettings({
      productionEnvironmentPattern: '^live$',
      incidentLinkWindowHours: 6,
      rollbacksAreRework: false,
      benchmarkYear: 2021,
      lookbackDays: 90,
      demoSeed: 7,
    });
    expect(settings.options).toEqual({
      ...DEFAULT_OPTIONS,
      productionEnvironmentPattern: '^live$',
      incidentLinkWindowMs: 6 * HOUR_MS,
      rollbacksAreRework: false,
      benchmarkYear: 2021,
    });
    expect(settings.lookbackDays).toBe(90);
    expect(settings.demoSeed).toBe(7);
    expect(settings.issues).toEqual([]);
  });

  it('uses the defaults when nothing is set (null as provisioning files write it means unset)', () => {
    const settings = readSettings({ hotfixPattern: '', lookbackDays: null as unknown as number });
    expect(settings.options).toEqual(DEFAULT_OPTIONS);
    expect(settings.lookbackDays).toBe(DEFAULT_LOOKBACK_DAYS);
    expect(settings.demoSeed).toBeUndefined();
    expect(settings.issues).toEqual([]);
  });

  it('accepts a benchmark year written as text by a provisioning file', () => {
    expect(readSettings({ benchmarkYear: '2022' as unknown as 2022 }).options.benchmarkYear).toBe(2022);
  });

  it('replaces every value the config editor flags by its default, and names setting, value and fix', () => {
    const jsonData: DoraJsonData = {
      demoSeed: 1.5,
      hotfixPattern: '(hotfix',
      incidentLinkWindowHours: -2,
      benchmarkYear: 2019 as unknown as 2023,
      lookbackDays: -1,
      rollbacksAreRework: 'yes' as unknown as boolean,
    };
    const settings = readSettings(jsonData);
    expect(settings.options).toEqual(DEFAULT_OPTIONS);
    expect(settings.lookbackDays).toBe(DEFAULT_LOOKBACK_DAYS);
    expect(settings.demoSeed).toBeUndefined();
    expect(settings.issues).toEqual(configIssues(jsonData));
    expect(settings.issues.map((i) => i.message)).toEqual([
      'Demo seed 1.5 must be a whole number; clear it to use the default seed.',
      'Incident link window (hours) -2 must be a number greater than 0; clear it to use the default.',
      expect.stringMatching(/^Hotfix pattern "\(hotfix" is not a valid regular expression \(.+\)\. Fix the pattern/),
      'Rollbacks are rework "yes" must be true or false.',
      'Benchmark year 2019 has no DORA table; choose one of 2021, 2022, 2023, 2024.',
      'Look-back (days) -1 must be a number 0 or more; clear it to use the default.',
    ]);
  });

  it('keeps the catalog entries without problems and reports the others with their line', () => {
    const settings = readSettings({
      catalogYaml: 'services:\n  - name: checkout\n    team: payments\n  - nmae: search\n',
    });
    expect(settings.catalog).toEqual({ services: [{ name: 'checkout', team: 'payments' }] });
    expect(settings.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^Service catalog, line 4: Unknown service key "nmae"/),
      'Service catalog, line 4: A service has no name; add "name: <service>".',
    ]);
  });
});

describe('demo mode', () => {
  it('serves demo data while no provider is enabled, whatever demoEnabled says', () => {
    expect(demoMode({})).toBe('unconfigured');
    expect(demoMode({ demoEnabled: false })).toBe('unconfigured');
    expect(demoMode({ demoEnabled: false, github: { enabled: false } })).toBe('unconfigured');
  });

  it('serves demo data next to an enabled provider only when demoEnabled', () => {
    const github = { enabled: true, repositories: 'acme/shop' };
    expect(enabledProviders({ github })).toEqual(['github']);
    expect(demoMode({ github })).toBeNull();
    expect(demoMode({ github, demoEnabled: true })).toBe('enabled');
  });
});
