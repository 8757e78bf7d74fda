/** Test helper: plugin.json's proxy routes as Grafana's proxy (and the backend's bridge) read them. */
import plugin from '../../plugin.json';

export interface PluginRoute {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

export const PLUGIN_ROUTES: PluginRoute[] = (plugin as { routes?: PluginRoute[] }).routes ?? [];

/** The secure keys a route's url and headers name ({{ .SecureJsonData.KEY }}). */
export function secureKeysOf(route: PluginRoute): string[] {
  return Array.from(
    [route.url, ...(route.headers ?? []).map((h) => h.content)].join(' ').matchAll(/\.SecureJsonData\.(\w+)/g),
    (m) => m[1]
  );
}
