/**
 * An annotation as Grafana's HTTP API returns it from GET /api/annotations (the documented "Find annotations"
 * response: https://grafana.com/docs/grafana/latest/developer-resources/api-reference/http-api/api-legacy/annotations/).
 */
export interface GrafanaAnnotation {
  id: number;
  alertId?: number;
  dashboardId?: number;
  dashboardUID?: string | null;
  panelId?: number;
  userId?: number;
  newState?: string;
  prevState?: string;
  created?: number;
  updated?: number;
  /** Epoch ms. */
  time: number;
  /** Epoch ms; equal to time for a point annotation. */
  timeEnd?: number;
  text?: string;
  tags?: string[] | null;
  login?: string;
  email?: string;
  avatarUrl?: string;
  data?: unknown;
}
