import { ScopedVars } from '@grafana/data';
import { interpolateQuery } from './interpolate';
import { fakeTemplateSrv as templateSrv } from './testing';
import { DoraQuery } from '../query/model';

const base: DoraQuery = { refId: 'A', kind: 'metric', metric: 'leadTime', groupBy: 'none' };

describe('interpolateQuery', () => {
  it('interpolates string fields, leaving refId alone', () => {
    const srv = templateSrv({ metric: { value: 'changeFailRate' }, by: { value: 'team' }, A: { value: 'oops' } });
    const q = interpolateQuery(
      { ...base, metric: '$metric' as 'leadTime', groupBy: '${by}' as 'team', refId: 'A' },
      {},
      srv
    );
    expect(q).toMatchObject({ refId: 'A', metric: 'changeFailRate', groupBy: 'team' });
  });

  it('expands a multi-value variable in a filter into every selected value', () => {
    const srv = templateSrv({ service: { value: ['checkout', 'search'] } });
    const q = interpolateQuery({ ...base, filters: { services: ['$service', 'billing', 'search'] } }, {}, srv);
    expect(q.filters).toEqual({ services: ['checkout', 'search', 'billing'] });
  });

  it('drops the filter when the variable is All, whether or not it has a custom all value', () => {
    const all = templateSrv({
      service: { value: ['$__all'], options: ['checkout', 'search'] },
      team: { value: '$__all', allValue: '.*' },
    });
    const q = interpolateQuery(
      { ...base, filters: { services: ['$service'], teams: ['${team}'], environments: ['production'] } },
      {},
      all
    );
    expect(q.filters).toEqual({ environments: ['production'] });
  });

  it("treats the literal values '$__all', 'All' and '*' as no filter", () => {
    const srv = templateSrv({});
    for (const value of ['$__all', 'All', '*']) {
      expect(interpolateQuery({ ...base, filters: { services: [value] } }, {}, srv).filters).toEqual({});
    }
  });

  it('uses a repeated panel scoped value over the dashboard selection', () => {
    const srv = templateSrv({ service: { value: '$__all', options: ['checkout', 'search'] } });
    const scoped: ScopedVars = { service: { text: 'search', value: 'search' } };
    const q = interpolateQuery({ ...base, filters: { services: ['$service'] } }, scoped, srv);
    expect(q.filters).toEqual({ services: ['search'] });
  });

  it('drops empty values and leaves unknown variables as typed (validation or the engine reports them)', () => {
    const srv = templateSrv({ empty: { value: '' } });
    const q = interpolateQuery({ ...base, filters: { services: ['$empty'], teams: ['$missing'] } }, {}, srv);
    expect(q.filters).toEqual({ teams: ['$missing'] });
  });
});
