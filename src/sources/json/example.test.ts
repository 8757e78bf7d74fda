/** @jest-environment node */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parentsOf } from '../../engine';
import { parseEventsJson } from './parse';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'events.sample.json');

describe('examples/events.sample.json', () => {
  const parsed = parseEventsJson(readFileSync(SAMPLE, 'utf8'));

  it('is a valid events file', () => {
    expect(parsed.errors).toEqual([]);
  });

  it('has the three services of its catalog, with their deployments, changes and incidents', () => {
    const { events } = parsed;
    expect(events.catalog?.services.map((s) => s.name)).toEqual(['checkout', 'search', 'billing']);
    expect(new Set(events.deployments.map((d) => d.service))).toEqual(new Set(['checkout', 'search', 'billing']));
    expect(events.changes).toHaveLength(14);
    expect(events.incidents.map((i) => i.id)).toEqual(['INC-1', 'INC-2', 'INC-3']);
    // The offset instant is read as UTC: 12:40 at +01:00 is 11:40Z.
    expect(events.incidents[0].createdAt).toBe(Date.UTC(2024, 2, 6, 11, 40));
  });

  it('has a commit graph without dangling parents', () => {
    const shas = new Set(parsed.events.changes.map((c) => c.sha));
    expect(parsed.events.changes.filter((c) => parentsOf(c).some((p) => !shas.has(p)))).toEqual([]);
  });
});
