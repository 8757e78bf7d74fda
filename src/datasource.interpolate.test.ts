import { ScopedVars } from '@grafana/data';
import { interpolateQuery, TemplateSrvLike } from './datasource.interpolate';
import { DoraQuery } from './types/query';

/**
 * A template service with Grafana's replace semantics for what the plugin uses: $var, ${var}, [[var]];
 * scoped vars win; multi-value variables go through the format function as arrays; All without a custom
 * all value expands to every option, with one (allValue) it is returned as is.
 */
function templateSrv(
  variables: Record<string, { value: string | string[]; options?: string[]; allValue?: string }>
): TemplateSrvLike {
  const pattern = /\$(\w+)|\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]/g;
  return {
    replace(target, scopedVars?: ScopedVars, format?: string | Function) {
      return (target ?? '').replace(pattern, (match, a, b, c) => {
        const name = a ?? b ?? c;
        const scoped = scopedVars?.[name];
        const variable = variables[name];
        let value: unknown = scoped ? scoped.value : variable?.value;
        if (value === undefined) {
          return match;
        }
        if (!scoped && variable && (value === '$__all' || (Array.isArray(value) && value[0] === '$__all'))) {
          if (variable.allValue) {
            return variable.allValue;
          }
          value = variable.options ?? [];
        }
        if (typeof format === 'function') {
          return format(value);
        }
        return Array.isArray(value) ? `{${value.join(',')}}` : String(value);
      });
    },
    getVariables() {
      return Object.entries(variables).map(([name, v]) => ({ name, current: { value: v.value } }));
    },
  };
}

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
