/** Test helper: renders the ConfigEditor with state, like Grafana's settings page, and records every change. */
import { DoraJsonData } from '../../settings/model';
import { DoraSettings, settingsWith } from './settings';
import { renderSection } from './sectionHarness';
import { ConfigEditor } from '../ConfigEditor';

export { settingsWith };
export type { DoraSettings };

export function renderConfigEditor(initial: DoraJsonData = {}) {
  const view = renderSection(ConfigEditor, initial);
  return { ...view, latest: () => view.latest()?.jsonData };
}
