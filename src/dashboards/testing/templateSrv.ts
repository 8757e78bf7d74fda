/**
 * A stand-in for Grafana's TemplateSrv over a dashboard's variables, as a dashboard would load: every variable at
 * its saved current value (or one chosen by the test). A variable at All expands to every option, as Grafana's
 * does for custom variables without an All value.
 */
import { ScopedVars } from '@grafana/data';
import { TemplateSrvLike } from '../../datasource/interpolate';
import { DashboardJson } from '../index';

const ALL = '$__all';
const REFERENCE = /\$(\w+)|\$\{(\w+)(?::(\w+))?\}|\[\[(\w+)(?::(\w+))?\]\]/g;

interface Variable {
  name: string;
  current: string[];
  options: string[];
}

export function dashboardTemplateSrv(dashboard: DashboardJson, chosen: Record<string, string[]> = {}): TemplateSrvLike {
  const variables: Variable[] = (dashboard.templating?.list ?? []).map((v) => {
    const options = (v.options ?? []).map((o) => String(o.value)).filter((value) => value !== ALL);
    const saved = v.current?.value;
    const current =
      chosen[v.name] ?? (Array.isArray(saved) ? saved.map(String) : saved === undefined ? [] : [String(saved)]);
    return { name: v.name, current, options };
  });
  const byName = new Map(variables.map((v) => [v.name, v]));
  return {
    getVariables: () => variables.map((v) => ({ name: v.name, current: { value: v.current } })),
    replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
      return (target ?? '').replace(REFERENCE, (match, a, b, fmtB, c, fmtC) => {
        const name: string = a ?? b ?? c;
        const scoped = scopedVars?.[name];
        const variable = byName.get(name);
        if (!scoped && !variable) {
          return match;
        }
        const raw: string[] = scoped ? [String(scoped.value)] : variable!.current;
        const values = raw.indexOf(ALL) >= 0 && variable ? variable.options : raw;
        if (typeof format === 'function') {
          return format(values.length === 1 ? values[0] : values);
        }
        const fmt = format ?? fmtB ?? fmtC;
        if (values.length === 1) {
          return values[0];
        }
        return fmt === 'csv' ? values.join(',') : `{${values.join(',')}}`;
      });
    },
  };
}
