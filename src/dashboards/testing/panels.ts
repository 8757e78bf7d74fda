/** Walks a dashboard's panels (rows included) and their queries. */
import { DashboardJson } from '../index';

type PanelOrRow = NonNullable<DashboardJson['panels']>[number];
export type PanelJson = Exclude<PanelOrRow, { collapsed?: unknown; panels: unknown }> & {
  targets?: Array<Record<string, unknown> & { refId?: string }>;
  timeFrom?: string;
};

/** Every panel, the ones inside collapsed rows too; rows themselves are left out. */
export function panelsOf(dashboard: DashboardJson): PanelJson[] {
  const out: PanelJson[] = [];
  for (const panel of dashboard.panels ?? []) {
    if (panel.type === 'row') {
      const inner = (panel as { panels?: PanelJson[] }).panels ?? [];
      out.push(...inner);
    } else {
      out.push(panel as PanelJson);
    }
  }
  return out;
}

/** The data source of the panels on the optional Prometheus-compatible source a user picks (debug dashboard). */
export const METRICS_SOURCE = { type: 'prometheus', uid: '${metrics}' };

/** Whether a panel reads the optional metrics source rather than this plugin's data source. */
export function readsMetrics(panel: PanelJson): boolean {
  const ds = (panel.datasource ?? {}) as { type?: string; uid?: string };
  return ds.type === METRICS_SOURCE.type && ds.uid === METRICS_SOURCE.uid;
}

/** Every panel (rows included) that reads this plugin's data source: all but the optional metrics ones. */
export function pluginPanelsOf(dashboard: DashboardJson): PanelJson[] {
  return panelsOf(dashboard).filter((p) => !readsMetrics(p));
}

/** Every grid item (rows too), for layout checks. */
export function gridItemsOf(dashboard: DashboardJson) {
  return (dashboard.panels ?? []).map((p) => ({ id: p.id, title: p.title, type: p.type, gridPos: p.gridPos }));
}
