/** Test helper: renders the ConfigEditor with state, like Grafana's settings page, and records every change. */
import React, { useState } from 'react';
import { render } from '@testing-library/react';
import { DoraJsonData } from '../../settings/model';
import { DoraSettings, settingsWith } from './settings';
import { ConfigEditor } from '../ConfigEditor';

export { settingsWith };
export type { DoraSettings };

export function renderConfigEditor(initial: DoraJsonData = {}) {
  const changes: DoraSettings[] = [];
  function Stateful() {
    const [options, setOptions] = useState(settingsWith(initial));
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  const view = render(<Stateful />);
  return { ...view, changes, latest: () => changes[changes.length - 1]?.jsonData };
}
