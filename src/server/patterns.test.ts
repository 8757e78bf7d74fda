/** @jest-environment node */
import { Change, emptyEvents } from '../engine';
import { eventTextChecker, eventTextProblem, serverPatternProblem, settingsPatternProblems } from './patterns';

describe('patterns the server would read differently', () => {
  it('lets ordinary patterns, the defaults among them, through', () => {
    for (const p of [
      '^(prod|production)$',
      '(^|[^a-z])hot-?fix',
      '^revert\\b',
      'release|deploy',
      '[A-Za-z0-9_-]+',
      'ä|ö|ü',
    ]) {
      expect(serverPatternProblem('hotfixPattern', p)).toBeUndefined();
    }
  });

  it('refuses Unicode properties, look-alike letters (written or escaped) and class ranges over them', () => {
    expect(serverPatternProblem('hotfixPattern', '\\p{L}+fix')).toMatch(
      /^Setting hotfixPattern "\\p\{L\}\+fix" uses a Unicode property/
    );
    expect(serverPatternProblem('productionEnvironmentPattern', '\u212Aube')).toBe(
      'Setting productionEnvironmentPattern "\u212Aube" contains "\u212A" (U+212A), so it would match differently on ' +
        'the Grafana server than in browsers. Remove that character, or run queries in the browser (data source ' +
        'settings, "Run queries in").'
    );
    expect(serverPatternProblem('revertPattern', 'revert\\u017f')).toMatch(/contains "\u017F" \(U\+017F\)/);
    expect(serverPatternProblem('revertPattern', '[À-ɏ]+')).toMatch(/has the class range À-ɏ that includes look-alike/);
    expect(serverPatternProblem('revertPattern', '[\\u0100-\\u0200]')).toMatch(/class range \\u0100-\\u0200/);
  });

  it('checks every text setting, naming its path', () => {
    expect(settingsPatternProblems({ github: { repositories: 'acme/x env=^prod\u212A$' }, lookbackDays: 30 })).toEqual([
      expect.stringMatching(/^Setting github\.repositories "acme\/x env=\^prod\u212A\$" contains "\u212A"/),
    ]);
  });

  it('finds look-alike letters in the texts patterns read', () => {
    const events = emptyEvents();
    expect(eventTextProblem(events)).toBeUndefined();
    events.deployments.push({
      id: 'd1',
      service: 'checkout',
      environment: 'production',
      repo: 'acme/checkout',
      sha: 'a',
      finishedAt: 0,
      status: 'success',
      source: 'json',
      title: 'Hotfix for \u212Aelvin',
    });
    expect(eventTextProblem(events)).toMatch(
      /^Deployment d1 \(checkout\) has the character "\u212A" \(U\+212A\) in "Hotfix for \u212Aelvin", which the data source's case-insensitive patterns read; so it would match differently .* Replace it at the source/
    );
  });
  it.each<[string, Partial<Change>]>([
    ['its message', { message: 'Revert \u212Aelvin units' }],
    ['its pull request title', { pullRequest: { number: 1, title: 'Fix \u017Fize' } }],
    ['its pull request branch', { pullRequest: { number: 1, branch: 'hotfix/\u2126hm' } }],
    ['a pull request label', { pullRequest: { number: 1, title: 'ok', labels: ['bug', 'hot\u212Bfix'] } }],
  ])('finds a look-alike letter in a change: %s', (_where, fields) => {
    const events = emptyEvents();
    const clean: Change = {
      sha: 'c0',
      repo: 'acme/checkout',
      committedAt: 0,
      message: 'Kelvin, ordinary',
    };
    events.changes.push(clean);
    const check = eventTextChecker();
    expect(check(events)).toBeUndefined();
    // checked once: the clean change is skipped next time, a new one is still read
    events.changes.push({ sha: 'c1', repo: 'acme/checkout', committedAt: 1, ...fields } as Change);
    expect(check(events)).toMatch(/^Change c1 of acme\/checkout has the character /);
    expect(eventTextProblem(events)).toMatch(/^Change c1 of acme\/checkout has the character /);
  });

  it('reads again only the events after the part of each list found clean before', () => {
    const change = (sha: string, message: string): Change => ({
      sha,
      repo: 'acme/checkout',
      committedAt: 0,
      message,
    });
    const [a, b, c] = [change('a', 'one'), change('b', 'two'), change('c', 'three')];
    const check = eventTextChecker();
    expect(check({ ...emptyEvents(), changes: [a, b] })).toBeUndefined();
    // The same objects in new lists (the next evaluation): not read again, so a text changed in place goes unseen,
    // as events are never changed in place.
    b.message = 'Revert \u212Aelvin';
    expect(check({ ...emptyEvents(), changes: [a, b] })).toBeUndefined();
    // An event put before them: the list differs from its start, so every event is read again.
    expect(check({ ...emptyEvents(), changes: [c, a, b] })).toMatch(/^Change b of acme\/checkout/);
    // Another instance's checker has seen nothing.
    expect(eventTextChecker()({ ...emptyEvents(), changes: [a, b] })).toMatch(/^Change b of acme\/checkout/);
  });
});
