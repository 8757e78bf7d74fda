/**
 * The shipped dashboards (plugin.json "includes"), typed against @grafana/schema. JSON imports type every string
 * as `string`, so the check is against the schema with its literal unions and enums widened: required fields,
 * nesting and value kinds are checked at compile time; the tests check the values.
 */
import { Dashboard } from '@grafana/schema';
import dataQuality from './data-quality.json';
import executive from './executive.json';
import incidents from './incidents.json';
import onCall from './on-call.json';
import overview from './overview.json';
import teamService from './team-service.json';

/** T with every string, number and boolean literal (and enum) widened to its primitive type. */
export type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends Array<infer U>
        ? Array<Widened<U>>
        : T extends object
          ? { [K in keyof T]: Widened<T[K]> }
          : T;

export type DashboardJson = Widened<Dashboard>;

export interface ShippedDashboard {
  /** Path relative to src/, as plugin.json "includes" names it. */
  path: string;
  json: DashboardJson;
}

export const DASHBOARDS: ShippedDashboard[] = [
  { path: 'dashboards/overview.json', json: overview },
  { path: 'dashboards/team-service.json', json: teamService },
  { path: 'dashboards/incidents.json', json: incidents },
  { path: 'dashboards/data-quality.json', json: dataQuality },
  { path: 'dashboards/on-call.json', json: onCall },
  { path: 'dashboards/executive.json', json: executive },
];
