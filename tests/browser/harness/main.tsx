/**
 * The browser harness page: the plugin's editors inside Grafana's theme, each next to the JSON it produces, so a
 * browser test can interact with the real components and read what they changed. The query, variable and
 * annotation editors talk to a real DataSource serving the built-in demo data (no network), so their option lists
 * are what a user would see; the dashboard variables $team and $service are offered too. Grafana's data source
 * service is a fake with one PostgreSQL data source, "Warehouse", answering the bridge's warehouse tables as
 * DataFrames (src/sources/datasource/testing), so the data source bridge's picker lists it and loads its columns.
 */
import React, { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, dateTime, TimeRange } from '@grafana/data';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { setDataSourceSrv } from '@grafana/runtime';
import { AnnotationsEditor } from '../../../src/editors/AnnotationsEditor';
import { ConfigEditor } from '../../../src/editors/ConfigEditor';
import { QueryEditor } from '../../../src/editors/QueryEditor';
import { QueryHelp } from '../../../src/editors/QueryHelp';
import { VariableQueryEditor } from '../../../src/editors/VariableQueryEditor';
import { DataSource } from '../../../src/datasource/DataSource';
import { settingsWith } from '../../../src/editors/testing/settings';
import { DEFAULT_QUERY, DoraQuery } from '../../../src/query/model';
import { DoraVariableQuery } from '../../../src/query/variableQuery';
import { fakeDataSourceSrv } from '../../../src/sources/datasource/testing/dataSourceSrv';
import { ANSWERS } from '../../../src/sources/datasource/testing/mappings';

setDataSourceSrv(
  fakeDataSourceSrv(ANSWERS, [{ uid: 'warehouse', type: 'grafana-postgresql-datasource', name: 'Warehouse' }])
);

const theme = createTheme({
  colors: { mode: new URLSearchParams(window.location.search).get('theme') === 'light' ? 'light' : 'dark' },
});

const INITIAL_SETTINGS = {
  ...settingsWith({
    demoEnabled: true,
    catalogYaml: 'services:\n  - name: checkout\n    team: storefront\n    repositories: [acme/checkout]\n',
  }),
  uid: 'dora-harness',
};

/** A dashboard's variables as Grafana's template service would show them (both at All). */
const templateSrv = {
  replace: (target?: string) => target ?? '',
  getVariables: () => [
    { name: 'team', current: { value: ['$__all'] } },
    { name: 'service', current: { value: ['$__all'] } },
  ],
};

const datasource = new DataSource(
  {
    id: 1,
    uid: 'dora-harness',
    type: 'opendora-dora-datasource',
    name: 'DORA Metrics',
    url: '',
    access: 'proxy',
    readOnly: false,
    jsonData: { demoEnabled: true },
    meta: {} as never,
  },
  { templateSrv, http: { request: () => Promise.reject(new Error('the harness makes no HTTP requests')) } }
);

function lastDays(days: number): TimeRange {
  const to = dateTime();
  const from = dateTime(to.valueOf() - days * 24 * 3600 * 1000);
  return { from, to, raw: { from: `now-${days}d`, to: 'now' } };
}

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
  const [variable, setVariable] = useState<DoraVariableQuery>({ refId: 'service', values: 'services' });
  const [annotation, setAnnotation] = useState<DoraQuery>({ refId: 'Anno', kind: 'events', entity: 'deployments' });
  const range = useMemo(() => lastDays(30), []);
  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <main style={{ padding: theme.spacing(3), maxWidth: 1400 }}>
        <Panel title="Query editor" testId="query-editor" json={{ query, runs }}>
          <QueryEditor
            datasource={datasource}
            query={query}
            range={range}
            onChange={setQuery}
            onRunQuery={() => setRuns((n) => n + 1)}
          />
        </Panel>
        <Panel title="Query help" testId="query-help" json={{ query }}>
          <QueryHelp datasource={datasource} query={query} onClickExample={setQuery} />
        </Panel>
        <Panel title="Variable editor" testId="variable-editor" json={variable}>
          <VariableQueryEditor
            datasource={datasource}
            query={variable}
            range={range}
            onChange={setVariable}
            onRunQuery={() => {}}
          />
        </Panel>
        <Panel title="Annotation editor" testId="annotations-editor" json={annotation}>
          <AnnotationsEditor
            datasource={datasource}
            query={annotation}
            range={range}
            onChange={setAnnotation}
            onRunQuery={() => {}}
          />
        </Panel>
        <Panel
          title="Data source settings"
          testId="config-editor"
          // jsonData as Grafana stores it, plus the names (never the values) of the secure keys the editor set.
          json={{ ...settings.jsonData, _secureJsonKeys: Object.keys(settings.secureJsonData ?? {}) }}
        >
          <ConfigEditor options={settings} onOptionsChange={setSettings} />
        </Panel>
      </main>
    </ThemeContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
