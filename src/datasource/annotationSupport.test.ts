/**
 * Annotations through the real path: annotationSupport prepares the query, DataSource.query() runs it on the demo
 * source (fixed clock and seed), processEvents turns the frames into events. Each event is checked against the
 * events tables of the same data source (deployments, changes, incidents), which explain the panels' numbers.
 */
import { AnnotationEvent, AnnotationQuery, DataFrame, Field } from '@grafana/data';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { DataSource } from './DataSource';
import { fakeTemplateSrv, instanceSettings, queryRequest } from './testing';
import { DoraQuery, EventsQuery } from '../query/model';
import { annotationSupport } from './annotationSupport';
import { MAX_CHANGES } from '../frames/annotations/deploymentAnnotations';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => {
    throw new Error('tests pass a template service explicitly');
  },
  getBackendSrv: () => {
    throw new Error('the demo source never reaches the network');
  },
}));

// The demo generator and the engine are CPU-bound; on a shared machine a suite can take a while.
jest.setTimeout(120000);

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const FROM = NOW - 30 * DAY;

const ds = new DataSource(instanceSettings({ demoSeed: 42 }), {
  now: () => NOW,
  http: { request: () => Promise.reject(new Error('no HTTP')) },
  templateSrv: fakeTemplateSrv({ team: { value: 'storefront' } }),
});

async function annotate(target: EventsQuery, name = 'Deployments'): Promise<AnnotationEvent[]> {
  const annotation = annotationSupport.prepareAnnotation!({ name, enable: true, iconColor: 'green', target });
  const query = annotationSupport.prepareQuery!(annotation)!;
  const response = await firstValueFrom(ds.query(queryRequest([{ ...query, refId: 'Anno' }], FROM, NOW)));
  expect(response.errors ?? []).toEqual([]);
  return (await lastValueFrom(annotationSupport.processEvents!(annotation, response.data)))!;
}

async function table(query: DoraQuery): Promise<Array<Record<string, unknown>>> {
  const response = await firstValueFrom(ds.query(queryRequest([query], FROM, NOW)));
  const frame: DataFrame = response.data[0];
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < frame.length; i++) {
    const row: Record<string, unknown> = {};
    frame.fields.forEach((f: Field) => (row[f.name] = f.values[i]));
    rows.push(row);
  }
  return rows;
}

const list = (text: unknown) => (String(text ?? '') === '' ? [] : String(text).split(', '));

describe('deployment annotations on the demo data', () => {
  it('one point per deployment of the range and filters, coloured and tagged by outcome', async () => {
    const target: EventsQuery = { refId: 'A', kind: 'events', entity: 'deployments', filters: { teams: ['$team'] } };
    const events = await annotate(target);
    const rows = await table({ ...target, refId: 'T' });
    expect(rows.length).toBeGreaterThan(10);
    expect(events.map((e) => e.id).sort()).toEqual(rows.map((r) => String(r.Deployment)).sort());
    const byId = new Map(events.map((e) => [e.id, e]));
    const outcomes = new Set<string>();
    for (const row of rows) {
      const event = byId.get(String(row.Deployment))!;
      const outcome = row['Rollback of'] ? 'rollback' : row.Failed ? 'failed' : 'success';
      outcomes.add(outcome);
      expect([event.id, event.time, event.timeEnd, event.isRegion]).toEqual([
        event.id,
        row.Finished,
        row.Finished,
        false,
      ]);
      expect([event.id, event.color]).toEqual([
        event.id,
        { success: 'green', failed: 'red', rollback: 'orange' }[outcome],
      ]);
      expect(event.tags).toEqual([row.Service, row.Environment, outcome, 'storefront']);
      expect(event.title).toContain(String(row.Service));
      for (const incident of list(row.Incidents)) {
        expect(event.text).toContain(incident);
      }
    }
    // The demo data has all three outcomes in a month of one team; otherwise this test proves less than it says.
    expect(Array.from(outcomes).sort()).toEqual(['failed', 'rollback', 'success']);
  });

  it("lists each deployment's changes by short SHA, capped, and says when changes are unknown", async () => {
    const events = await annotate({ refId: 'A', kind: 'events', entity: 'deployments' });
    const changes = await table({ refId: 'C', kind: 'events', entity: 'changes' });
    const deployments = await table({ refId: 'T', kind: 'events', entity: 'deployments' });
    const shasOf = new Map<string, string[]>();
    for (const c of changes) {
      const id = String(c.Deployment);
      shasOf.set(id, [...(shasOf.get(id) ?? []), String(c.SHA)]);
    }
    let capped = 0;
    for (const row of deployments) {
      const event = events.find((e) => e.id === row.Deployment)!;
      if (row.Changes === null) {
        expect(event.text).toContain('Changes unknown');
        continue;
      }
      const shas = shasOf.get(String(row.Deployment)) ?? [];
      expect([event.id, shas.length]).toEqual([event.id, row.Changes]);
      const listed = shas.filter((sha) => event.text!.indexOf(`• ${sha.slice(0, 7)}`) >= 0).length;
      expect([event.id, listed]).toEqual([event.id, Math.min(shas.length, MAX_CHANGES)]);
      if (shas.length > MAX_CHANGES) {
        capped++;
        expect(event.text).toContain(`… and ${shas.length - MAX_CHANGES} more`);
      }
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('keeps only deployments of the chosen outcome', async () => {
    const events = await annotate({ refId: 'A', kind: 'events', entity: 'deployments', outcome: 'failed' });
    const rows = await table({ refId: 'T', kind: 'events', entity: 'deployments' });
    const failed = rows.filter((r) => r.Failed && !r['Rollback of']);
    expect(events.length).toBe(failed.length);
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.color))).toEqual(new Set(['red']));
    expect(events.every((e) => e.tags!.indexOf('failed') >= 0 && /^Failed deployment of /.test(e.title!))).toBe(true);
  });
});

describe('incident annotations on the demo data', () => {
  it('one region per incident overlapping the range, from impact start to resolution', async () => {
    const events = await annotate({ refId: 'A', kind: 'events', entity: 'incidents' }, 'Incidents');
    // The table lists incidents that started in the range; regions also include those that started before.
    const rows = await table({ refId: 'T', kind: 'events', entity: 'incidents' });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const event = events.find((e) => e.id === row.Incident)!;
      const start = (row.Started as number | null) ?? (row.Created as number);
      const end = (row.Resolved as number | null) ?? NOW;
      expect([event.id, event.time, event.timeEnd, event.isRegion]).toEqual([event.id, start, end, end !== start]);
      expect(event.color).toBe('purple');
      const service = String(row.Service);
      expect(event.tags!.slice(0, service ? 2 : 1)).toEqual(service ? ['incident', service] : ['incident']);
      expect(event.title).toMatch(service ? `Incident in ${service}` : 'Incident (no service)');
      expect(event.text).toContain(
        row['Linked deployment'] ? `Linked to deployment ${row['Linked deployment']}` : 'Not linked'
      );
    }
    for (const event of events) {
      expect(event.time!).toBeLessThan(NOW);
      expect(event.timeEnd!).toBeGreaterThanOrEqual(FROM);
    }
  });
});

describe('annotationSupport', () => {
  it('fills in a deployments target for a new annotation, and skips targets that are not events', () => {
    const fresh = annotationSupport.prepareAnnotation!({
      name: 'x',
      enable: true,
      iconColor: 'red',
    } as AnnotationQuery<DoraQuery>);
    expect(fresh.target).toEqual({ refId: 'Anno', kind: 'events', entity: 'deployments' });
    expect(annotationSupport.prepareQuery!(fresh)).toEqual({ ...fresh.target, format: 'annotations' });
    const metric: AnnotationQuery<DoraQuery> = {
      name: 'x',
      enable: true,
      iconColor: 'red',
      target: { refId: 'A', kind: 'metric', metric: 'leadTime' },
    };
    expect(annotationSupport.prepareQuery!(metric)).toBeUndefined();
  });

  it('reports a bad target like any query: the field, the value and the fix', async () => {
    const annotation = annotationSupport.prepareAnnotation!({
      name: 'x',
      enable: true,
      iconColor: 'red',
      target: { refId: 'A', kind: 'events', entity: 'changes' },
    });
    const query = annotationSupport.prepareQuery!(annotation)!;
    const response = await firstValueFrom(ds.query(queryRequest([query], FROM, NOW)));
    expect(response.errors?.[0].message).toContain('format "annotations" shows deployments or incidents');
  });
});
