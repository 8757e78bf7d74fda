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

/** Every grid item (rows too), for layout checks. */
export function gridItemsOf(dashboard: DashboardJson) {
  return (dashboard.panels ?? []).map((p) => ({ id: p.id, title: p.title, type: p.type, gridPos: p.gridPos }));
}
