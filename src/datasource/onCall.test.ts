// The on-call query: who is on call now per catalog service, filtered like other queries, failures as notices.
import { DataFrame, DataQueryResponse } from '@grafana/data';
import { firstValueFrom } from 'rxjs';
import { DataSource } from './DataSource';
import { fakeTemplateSrv, instanceSettings, queryRequest } from './testing';
import { emptyEvents } from '../engine';
import { DoraQuery } from '../query/model';
import { DoraJsonData } from '../settings/model';
import { EventSource, OnCallResult } from '../sources/types';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => {
    throw new Error('tests pass a template service explicitly');
  },
  getBackendSrv: () => {
    throw new Error('tests never reach the network');
  },
}));

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 3, 12); // a Wednesday
const onCallQuery: DoraQuery = { refId: 'O', kind: 'onCall' };

function dataSource(jsonData: DoraJsonData, sources?: EventSource[]) {
  return new DataSource(instanceSettings(jsonData), {
    http: { request: () => Promise.reject(new Error('no HTTP in this test')) },
    now: () => NOW,
    templateSrv: fakeTemplateSrv(),
    sources,
  });
}

function run(ds: DataSource, targets: DoraQuery[]): Promise<DataQueryResponse> {
  return firstValueFrom(ds.query(queryRequest(targets, NOW - 7 * DAY, NOW)));
}

function column(frame: DataFrame, name: string): unknown[] {
  const field = frame.fields.find((f) => f.name === name);
  if (!field) {
    throw new Error(`no field ${name} in ${frame.fields.map((f) => f.name).join(', ')}`);
  }
  return Array.from(field.values);
}

function onCallSource(name: string, result: () => Promise<OnCallResult>): EventSource {
  return {
    name,
    fetchEvents: () => Promise.resolve({ events: emptyEvents(), notices: [] }),
    onCall: result,
  };
}

describe('on-call query', () => {
  it('lists who each demo service pages now, first level first, under the catalog service and team', async () => {
    const response = await run(dataSource({ demoSeed: 42 }), [onCallQuery]);
    expect(response.errors).toBeUndefined();
    const frame = response.data[0] as DataFrame;
    const services = column(frame, 'Service') as string[];
    const levels = column(frame, 'Level') as number[];
    expect(services.length).toBeGreaterThan(4);
    // Every service has a primary and a secondary, named as the catalog names it (not "Checkout API").
    expect(services).not.toContain('Checkout API');
    for (const service of new Set(services)) {
      const own = levels.filter((_, i) => services[i] === service);
      expect(own).toEqual([1, 2]);
    }
    expect((column(frame, 'Team') as string[]).every((t) => t !== '')).toBe(true);
    const until = column(frame, 'Until') as number[];
    expect(until.every((t) => t > NOW && t <= NOW + 7 * DAY)).toBe(true);
  });

  it('narrows to the teams and services of the filters', async () => {
    const all = (await run(dataSource({ demoSeed: 42 }), [onCallQuery])).data[0] as DataFrame;
    const team = (column(all, 'Team') as string[])[0];
    const response = await run(dataSource({ demoSeed: 42 }), [{ ...onCallQuery, filters: { teams: [team] } }]);
    const frame = response.data[0] as DataFrame;
    expect(new Set(column(frame, 'Team'))).toEqual(new Set([team]));
    expect(frame.length).toBeLessThan(all.length);
  });

  it('keeps the owners of the sources that answer when one fails, with a notice naming the failed one', async () => {
    const good = onCallSource('pagerduty', () =>
      Promise.resolve({
        owners: [{ service: 'checkout', level: 1, user: 'Ana Lopez', source: 'pagerduty', end: NOW + DAY }],
        notices: [],
      })
    );
    const bad = onCallSource('other', () => Promise.reject(new Error('PagerDuty answered 503')));
    const response = await run(dataSource({}, [good, bad]), [onCallQuery]);
    expect(response.errors).toBeUndefined();
    const frame = response.data[0] as DataFrame;
    expect(column(frame, 'On call')).toEqual(['Ana Lopez']);
    expect(frame.meta?.notices).toContainEqual(
      expect.objectContaining({ severity: 'warning', text: expect.stringContaining('On call from other') })
    );
  });

  it('says how to get on-call data when no source knows schedules', async () => {
    const events: EventSource = {
      name: 'github',
      fetchEvents: () => Promise.resolve({ events: emptyEvents(), notices: [] }),
    };
    const response = await run(dataSource({}, [events]), [onCallQuery]);
    const frame = response.data[0] as DataFrame;
    expect(frame.length).toBe(0);
    expect(frame.meta?.notices).toContainEqual(
      expect.objectContaining({ text: expect.stringContaining('no configured source knows on-call schedules') })
    );
  });
});
