import { DEFAULT_TAG_PATTERN, isProductionTag } from './releaseTags';
import { regexProblem } from '../engine';

describe('isProductionTag', () => {
  it.each([
    ['v1.2.0', true],
    ['1.2.0', true],
    ['v0.29.0', true],
    ['v1.2.0+build.5', true],
    ['release-2026-01-05', true],
    ['v1.2', true],
    ['v1.2.0-rc.1', false],
    ['v0.29.0-rc.0', false],
    ['2.0.0-beta.2', false],
    ['v3.1.0-alpha', false],
    ['V3.1.0-RC1', false],
  ])('%s is a production release by default: %s', (tag, expected) => {
    expect(isProductionTag(tag, undefined)).toBe(expected);
    expect(isProductionTag(tag, '')).toBe(expected);
  });

  it('a pattern of the project replaces the default', () => {
    expect(isProductionTag('v1.2.0-rc.1', '.*')).toBe(true);
    expect(isProductionTag('v1.2.0', '^deploy-')).toBe(false);
  });

  it('the default compiles as the engine compiles patterns (it runs in the server too)', () => {
    expect(regexProblem(DEFAULT_TAG_PATTERN)).toBeUndefined();
  });
});
