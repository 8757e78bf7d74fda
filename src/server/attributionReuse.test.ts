/** @jest-environment node */
/**
 * Attribution reuse across alert evaluations: the previous result only when it is provably the same, and the
 * engine fact it rests on (with no future-timestamp finding, a later "now" attributes the same events alike).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { attribute, DAY_MS, DEFAULT_OPTIONS, DoraEvents, MINUTE_MS } from '../engine';
import { generateDemoData } from '../sources/demo';
import { parseEventsJson } from '../sources/json/parse';
import { reusingAttribute } from './attributionReuse';

const ROOT = join(__dirname, '..', '..');
const sample = parseEventsJson(readFileSync(join(ROOT, 'examples', 'events.sample.json'), 'utf8')).events;
const NOW = Date.UTC(2024, 3, 1);

/** The same event objects in new arrays, as a source hands them over for a range a minute later. */
function copied(events: DoraEvents): DoraEvents {
  return {
    deployments: events.deployments.slice(),
    changes: events.changes.slice(),
    incidents: events.incidents.slice(),
    pipelineRuns: events.pipelineRuns.slice(),
    catalog: events.catalog ? { services: events.catalog.services.slice() } : undefined,
  };
}

function counting() {
  const calls: number[] = [];
  const fn = reusingAttribute((events, options, now) => {
    calls.push(now ?? 0);
    return attribute(events, options, now);
  });
  return { fn, calls };
}

describe('reusingAttribute', () => {
  it('gives the previous result back for the same events in new arrays and a later now', () => {
    const { fn, calls } = counting();
    const first = fn(sample, DEFAULT_OPTIONS, NOW);
    expect(fn(copied(sample), { ...DEFAULT_OPTIONS }, NOW + MINUTE_MS)).toBe(first);
    expect(fn(copied(sample), DEFAULT_OPTIONS, NOW + DAY_MS)).toBe(first);
    expect(calls).toEqual([NOW]);
  });

  it.each<[string, (e: DoraEvents) => DoraEvents, number, Partial<typeof DEFAULT_OPTIONS>]>([
    ['an event left out', (e) => ({ ...copied(e), deployments: e.deployments.slice(1) }), NOW + MINUTE_MS, {}],
    [
      'an event changed',
      (e) => ({ ...copied(e), changes: [{ ...e.changes[0] }, ...e.changes.slice(1)] }),
      NOW + MINUTE_MS,
      {},
    ],
    ['an earlier now', copied, NOW - MINUTE_MS, {}],
    ['other options', copied, NOW + MINUTE_MS, { leadTimeStart: 'prOpened' }],
  ])('attributes again when %s', (_name, change, now, options) => {
    const { fn, calls } = counting();
    const first = fn(sample, DEFAULT_OPTIONS, NOW);
    const again = fn(change(sample), { ...DEFAULT_OPTIONS, ...options }, now);
    expect(again).not.toBe(first);
    expect(again).toEqual(attribute(change(sample), { ...DEFAULT_OPTIONS, ...options }, now));
    expect(calls).toHaveLength(2);
  });

  it('attributes again after a result with a timestamp in the future', () => {
    const { fn, calls } = counting();
    const early = Date.UTC(2024, 1, 1); // the sample runs to March 2024: later events are "in the future"
    const first = fn(sample, DEFAULT_OPTIONS, early);
    expect(first.dataQuality.some((f) => f.kind === 'future-timestamp')).toBe(true);
    const later = fn(copied(sample), DEFAULT_OPTIONS, NOW);
    expect(later).toEqual(attribute(sample, DEFAULT_OPTIONS, NOW));
    expect(calls).toEqual([early, NOW]);
  });
});

describe('what the reuse rests on', () => {
  const demoNow = Date.UTC(2026, 5, 1);
  const demo = generateDemoData(1, demoNow).events;
  it.each<[string, DoraEvents, number]>([
    ['the sample file', sample, NOW],
    // generated for a day, the demo runs a few hours past its "now" (the demo source clips them): a day later
    ['the demo data', demo, demoNow + DAY_MS],
  ])('%s: without future timestamps, a later now attributes alike', (_name, events, now) => {
    const first = attribute(events, DEFAULT_OPTIONS, now);
    expect(first.dataQuality.filter((f) => f.kind === 'future-timestamp')).toEqual([]);
    for (const later of [now + MINUTE_MS, now + DAY_MS, now + 400 * DAY_MS]) {
      expect(attribute(events, DEFAULT_OPTIONS, later)).toEqual(first);
    }
  });
});
