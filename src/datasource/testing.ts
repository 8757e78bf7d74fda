/** Test helpers for the data source: instance settings, query requests and a template service. */
import { DataQueryRequest, DataSourceInstanceSettings, dateTime, ScopedVars } from '@grafana/data';
import { TemplateSrvLike } from './interpolate';
import { DoraJsonData } from '../settings/model';
import { DoraQuery } from '../query/model';

export function instanceSettings(
  jsonData: DoraJsonData = {},
  extra: Partial<DataSourceInstanceSettings<DoraJsonData>> = {}
): DataSourceInstanceSettings<DoraJsonData> {
  return {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still required by the type
    id: 1,
    uid: 'dora-test',
    type: 'opendora-dora-datasource',
    name: 'DORA',
    url: '/api/datasources/proxy/uid/dora-test',
    access: 'proxy',
    readOnly: false,
    jsonData,
    meta: {} as DataSourceInstanceSettings['meta'],
    ...extra,
  };
}

export function queryRequest(
  targets: DoraQuery[],
  from: number,
  to: number,
  extra: Partial<DataQueryRequest<DoraQuery>> = {}
): DataQueryRequest<DoraQuery> {
  return {
    requestId: 'test',
    interval: '1d',
    intervalMs: 24 * 3600 * 1000,
    range: { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } },
    scopedVars: {},
    targets,
    timezone: 'utc',
    app: 'dashboard',
    startTime: from,
    ...extra,
  };
}

/**
 * Grafana's replace semantics for what the plugin uses: $var, ${var}, [[var]]; scoped vars win; multi-value
 * variables reach the format function as arrays; All without a custom all value expands to every option,
 * with one (allValue) it is returned as is.
 */
export function fakeTemplateSrv(
  variables: Record<string, { value: string | string[]; options?: string[]; allValue?: string }> = {}
): TemplateSrvLike {
  const pattern = /\$(\w+)|\$\{(\w+)(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]/g;
  return {
    replace(target?: string, scopedVars?: ScopedVars, format?: string | Function) {
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
