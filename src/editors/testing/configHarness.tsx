/** Test helper: renders the ConfigEditor with state, like Grafana's settings page, and records every change. */
import React, { useState } from 'react';
import { render } from '@testing-library/react';
import { DataSourceSettings } from '@grafana/data';
import { DoraJsonData, DoraSecureJsonData } from '../../types/config';
import { ConfigEditor } from '../ConfigEditor';

export type DoraSettings = DataSourceSettings<DoraJsonData, DoraSecureJsonData>;

export function settingsWith(jsonData: DoraJsonData = {}): DoraSettings {
  return {
    id: 1,
    uid: 'dora-test',
    orgId: 1,
    name: 'DORA Metrics',
    type: 'opendora-dora-datasource',
    typeName: 'DORA Metrics',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- required by the type
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    withCredentials: false,
    readOnly: false,
    jsonData,
    secureJsonFields: {},
    secureJsonData: {},
  };
}

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
