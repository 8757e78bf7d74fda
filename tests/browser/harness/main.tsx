/**
 * The browser harness page: the plugin's ConfigEditor and QueryEditor inside Grafana's theme, each next to the
 * JSON it produces, so a browser test can interact with the real components and read what they changed.
 */
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, DataSourceSettings } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { ConfigEditor } from '../../../src/editors/ConfigEditor';
import { QueryEditor } from '../../../src/editors/QueryEditor';
import type { DataSource } from '../../../src/datasource';
import { DoraJsonData, DoraSecureJsonData } from '../../../src/types/config';
import { DEFAULT_QUERY, DoraQuery } from '../../../src/types/query';

const theme = createTheme({
  colors: { mode: new URLSearchParams(window.location.search).get('theme') === 'light' ? 'light' : 'dark' },
});

const INITIAL_SETTINGS: DataSourceSettings<DoraJsonData, DoraSecureJsonData> = {
  id: 1,
  uid: 'dora-harness',
  orgId: 1,
  name: 'DORA Metrics',
  type: 'opendora-dora-datasource',
  typeName: 'DORA Metrics',
  typeLogoUrl: '',
  access: 'proxy',
  url: '',
  user: '',
  database: '',
  basicAuth: false,
  basicAuthUser: '',
  isDefault: false,
  withCredentials: false,
  readOnly: false,
  jsonData: {
    demoEnabled: true,
    catalogYaml: 'services:\n  - name: checkout\n    team: storefront\n    repositories: [acme/checkout]\n',
  },
  secureJsonFields: {},
  secureJsonData: {},
};

function Panel({
  title,
  testId,
  children,
  json,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
  json: unknown;
}) {
  return (
    <section
      data-testid={testId}
      style={{
        background: theme.colors.background.primary,
        border: `1px solid ${theme.colors.border.weak}`,
        borderRadius: theme.shape.radius.default,
        padding: theme.spacing(2),
        marginBottom: theme.spacing(3),
      }}
    >
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <div style={{ display: 'flex', gap: theme.spacing(3), alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>{children}</div>
        <pre
          data-testid={`${testId}-json`}
          style={{ flex: '0 0 320px', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {JSON.stringify(json, null, 2)}
        </pre>
      </div>
    </section>
  );
}

function Harness() {
  const [settings, setSettings] = useState(INITIAL_SETTINGS);
  const [query, setQuery] = useState<DoraQuery>({ refId: 'A', ...DEFAULT_QUERY } as DoraQuery);
  const [runs, setRuns] = useState(0);
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <main style={{ padding: theme.spacing(3), maxWidth: 1400 }}>
        <Panel title="Query editor" testId="query-editor" json={{ query, runs }}>
          <QueryEditor
            datasource={{} as DataSource}
            query={query}
            onChange={setQuery}
            onRunQuery={() => setRuns((n) => n + 1)}
          />
        </Panel>
        <Panel title="Data source settings" testId="config-editor" json={settings.jsonData}>
          <ConfigEditor options={settings} onOptionsChange={setSettings} />
        </Panel>
      </main>
    </ThemeContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
