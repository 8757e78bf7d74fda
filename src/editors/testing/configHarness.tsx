/**
 * Test helper: renders the ConfigEditor, or one of its sections, with state, like Grafana's settings page, and
 * records every change.
 */
import React, { ComponentType, useState } from 'react';
import { render } from '@testing-library/react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { DoraSettings, settingsWith } from './settings';
import { ConfigEditor } from '../ConfigEditor';

export { settingsWith };
export type { DoraSettings };

type SettingsEditor = ComponentType<DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>>;

function renderStateful(Editor: SettingsEditor, initial: DoraSettings) {
  const changes: DoraSettings[] = [];
  function Stateful() {
    const [options, setOptions] = useState(initial);
    return (
      <Editor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  return { view: render(<Stateful />), changes };
}

export function renderConfigEditor(initial: DoraJsonData = {}) {
  const { view, changes } = renderStateful(ConfigEditor, settingsWith(initial));
  return { ...view, changes, latest: () => changes[changes.length - 1]?.jsonData };
}

/** One section of the config editor; `latest()` is the whole settings object of the last change. */
export function renderSection(
  Section: SettingsEditor,
  jsonData: DoraJsonData = {},
  secureJsonFields: Record<string, boolean> = {}
) {
  const { changes } = renderStateful(Section, { ...settingsWith(jsonData), secureJsonFields });
  return { changes, latest: () => changes[changes.length - 1] };
}
