import { DEFAULT_OPTIONS } from '../options';
import { compileOptions } from './compiledOptions';
import { EngineInputError } from './inputError';

describe('compileOptions', () => {
  it('compiles the defaults, case-insensitive, with no pipeline restriction', () => {
    const o = compileOptions();
    expect(o.production.test('Production')).toBe(true);
    expect(o.production.test('PROD')).toBe(true);
    expect(o.production.test('production-eu')).toBe(false);
    expect(o.production.test('staging')).toBe(false);
    expect(o.pipeline).toBeNull();
    expect(o.hotfix.test('HOTFIX: payment timeout')).toBe(true);
    expect(o.hotfix.test('hot-fix/123')).toBe(true);
    expect(o.hotfix.test('photofix')).toBe(false);
    expect(o.revert.test('Revert "Add login"')).toBe(true);
    expect(o.revert.test('Prevent reverts')).toBe(false);
    expect(o.incidentLinkWindowMs).toBe(DEFAULT_OPTIONS.incidentLinkWindowMs);
    expect(o.leadTimeStart).toBe('commit');
    expect(o.rollbacksAreRework).toBe(true);
  });

  it('takes given options over the defaults and ignores undefined ones', () => {
    const o = compileOptions({ pipelinePattern: 'deploy', leadTimeStart: 'prMerged', hotfixPattern: undefined });
    expect(o.pipeline?.test('Deploy to prod')).toBe(true);
    expect(o.leadTimeStart).toBe('prMerged');
    expect(o.hotfix.source).toBe(DEFAULT_OPTIONS.hotfixPattern);
  });

  it('names the field, the value and the fix for an invalid pattern', () => {
    expect(() => compileOptions({ productionEnvironmentPattern: '(prod' })).toThrow(EngineInputError);
    try {
      compileOptions({ productionEnvironmentPattern: '(prod' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('productionEnvironmentPattern');
      expect(message).toContain('"(prod"');
      expect(message).toContain('not a valid regular expression');
      expect((e as EngineInputError).field).toBe('productionEnvironmentPattern');
    }
  });

  it.each([
    [{ incidentLinkWindowMs: -1 }, 'incidentLinkWindowMs'],
    [{ incidentLinkWindowMs: NaN }, 'incidentLinkWindowMs'],
    [{ leadTimeStart: 'firstCommit' as never }, 'leadTimeStart'],
    [{ rollbacksAreRework: 'yes' as never }, 'rollbacksAreRework'],
    [{ hotfixPattern: 42 as never }, 'hotfixPattern'],
    [{ revertPattern: '[' }, 'revertPattern'],
  ])('rejects %j naming %s', (options, field) => {
    expect(() => compileOptions(options)).toThrow(new RegExp(`^Invalid ${field}: .+\\. .+`));
  });
});
