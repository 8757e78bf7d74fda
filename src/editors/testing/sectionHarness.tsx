/** Test helper: renders one config section with state, like Grafana's settings page, and records every change. */
import React, { useState } from 'react';
import { render } from '@testing-library/react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { DoraSettings, settingsWith } from './settings';

export type SectionComponent = (
  props: DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>
) => React.ReactElement | null;

export function renderSection(
  Section: SectionComponent,
  jsonData: DoraJsonData = {},
  secureJsonFields: Record<string, boolean> = {}
) {
  const changes: DoraSettings[] = [];
  function Stateful() {
    const [options, setOptions] = useState<DoraSettings>({ ...settingsWith(jsonData), secureJsonFields });
    return (
      <Section
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  const view = render(<Stateful />);
  return { ...view, changes, latest: () => changes[changes.length - 1] };
}
