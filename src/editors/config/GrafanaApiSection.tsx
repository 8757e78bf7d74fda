import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import {
  DEFAULT_GRAFANA_URL,
  GRAFANA_TOKEN_KEY,
  grafanaApiUrl,
  validateGrafanaApiSettings,
} from '../../settings/grafanaApi';
import { runsOnServer, secureKeyFor } from '../../settings/serverMode';
import { errorOf } from './sectionProps';
import { TextSetting } from './TextSetting';
import { TokenField } from './TokenField';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/** Whether a source that reads Grafana's own API is enabled (Grafana annotations, the data source bridge). */
export function needsGrafanaApi(jsonData: DoraJsonData): boolean {
  return jsonData.annotations?.enabled === true || jsonData.datasourceBridge?.enabled === true;
}

/** The jsonData patch that stores the Grafana URL the routes read, when a source that needs it is enabled. */
export function withGrafanaApiUrl(jsonData: DoraJsonData): Partial<DoraJsonData> {
  return { grafanaApi: { ...jsonData.grafanaApi, url: grafanaApiUrl(jsonData.grafanaApi?.url) } };
}

/**
 * How the backend reaches Grafana's own API for Grafana annotations and the data source bridge: the URL the Grafana
 * server reaches itself at and a service account token (Viewer). Dashboards in browser mode use the viewer's own
 * session; alert rules and server mode need the token. Shown only while one of those sources is enabled.
 */
export function GrafanaApiSection(props: Props) {
  const { options, onOptionsChange } = props;
  const jsonData = options.jsonData ?? {};
  if (!needsGrafanaApi(jsonData)) {
    return null;
  }
  const problems = validateGrafanaApiSettings(jsonData.grafanaApi);
  const server = runsOnServer(jsonData);
  const tokenSaved = Boolean(
    options.secureJsonFields?.[secureKeyFor(jsonData, GRAFANA_TOKEN_KEY)] ||
    (options.secureJsonData as Record<string, string> | undefined)?.[secureKeyFor(jsonData, GRAFANA_TOKEN_KEY)]
  );
  return (
    <ConfigSection
      title="Grafana API on the server"
      description="Grafana annotations and the data source bridge read Grafana's own API. In the browser they use the viewer's session; alert rules (and every query in server mode) run on the Grafana server, which needs the URL it reaches itself at and a service account token."
    >
      <TextSetting
        id="dora-grafana-api-url"
        label="Grafana URL"
        description="Grafana's address as seen from the Grafana server itself, usually http://localhost:3000 (with the sub-path when Grafana is served from one)"
        value={jsonData.grafanaApi?.url}
        placeholder={DEFAULT_GRAFANA_URL}
        error={errorOf(problems, 'url')}
        width={60}
        onChange={(url) => onOptionsChange({ ...options, jsonData: { ...jsonData, grafanaApi: { url } } })}
        onBlur={(text) =>
          onOptionsChange({ ...options, jsonData: { ...jsonData, grafanaApi: { url: grafanaApiUrl(text) } } })
        }
      />
      <TokenField
        {...props}
        tokenKey={GRAFANA_TOKEN_KEY}
        id="dora-grafana-api-token"
        label="Service account token"
        description={
          server
            ? 'A service account with the Viewer role (Administration > Users and access > Service accounts), and access to the data sources the bridge queries. Stored for the backend only.'
            : "A service account with the Viewer role (Administration > Users and access > Service accounts), for alert rules. In browser mode anyone who may query this data source can use it through Grafana's proxy to read annotations and query data sources; leave it empty if you do not alert on these sources."
        }
        placeholder="glsa_..."
      />
      {server && !tokenSaved && (
        <Alert severity="warning" title="No service account token">
          Queries run on the server: without a token, Grafana annotations and the data source bridge show an error
          notice instead of data.
        </Alert>
      )}
    </ConfigSection>
  );
}
