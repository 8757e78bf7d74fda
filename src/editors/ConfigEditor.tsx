import React, { useCallback } from 'react';
import { css } from '@emotion/css';
import { DataSourcePluginOptionsEditorProps, GrafanaTheme2 } from '@grafana/data';
import { Alert, Divider, useStyles2 } from '@grafana/ui';
import { DoraJsonData, DoraSecureJsonData } from '../settings/model';
import { AnnotationsSection } from './config/AnnotationsSection';
import { ArgoCdSection } from './config/ArgoCdSection';
import { CatalogSection } from './config/CatalogSection';
import { DataSourceBridgeSection } from './config/DataSourceBridgeSection';
import { DemoSection } from './config/DemoSection';
import { ExecutionSection } from './config/ExecutionSection';
import { EventsUrlSection } from './config/EventsUrlSection';
import { DeploymentSection } from './config/DeploymentSection';
import { FailureSection } from './config/FailureSection';
import { GeneralSection } from './config/GeneralSection';
import { GitHubSection } from './config/GitHubSection';
import { GitLabSection } from './config/GitLabSection';
import { GrafanaApiSection, needsGrafanaApi } from './config/GrafanaApiSection';
import { IncidentIoSection } from './config/IncidentIoSection';
import { JiraSection } from './config/JiraSection';
import { PagerDutySection } from './config/PagerDutySection';
import { configIssues } from '../settings/problems';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/** The data source settings: providers, the definitions of deployment and failure, the catalog, levels. */
export function ConfigEditor(props: ConfigEditorProps) {
  const { options, onOptionsChange } = props;
  const styles = useStyles2(getStyles);
  const jsonData = options.jsonData ?? {};
  const onChange = useCallback(
    (patch: Partial<DoraJsonData>) => onOptionsChange({ ...options, jsonData: { ...options.jsonData, ...patch } }),
    [options, onOptionsChange]
  );
  const issues = configIssues(jsonData);
  return (
    <div className={styles.editor}>
      <p className={styles.intro}>
        DORA Metrics reads deployments, changes and incidents from the providers below, links them and computes the four
        key metrics and rework rate. Tokens are stored encrypted and used only by Grafana&apos;s proxy; anyone who can
        query this data source can use them through it, so give each provider a read-only token limited to the
        repositories and services you configure.
      </p>
      {issues.length > 0 && (
        <Alert
          title={`${issues.length} setting${issues.length === 1 ? ' needs' : 's need'} attention`}
          severity="warning"
        >
          <ul className={styles.list} data-testid="dora-config-issues">
            {issues.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <DemoSection jsonData={jsonData} onChange={onChange} />
      <Divider />
      <GitHubSection {...props} />
      <Divider />
      <GitLabSection {...props} />
      <Divider />
      <PagerDutySection {...props} />
      <Divider />
      <JiraSection {...props} />
      <Divider />
      <IncidentIoSection {...props} />
      <Divider />
      <ArgoCdSection {...props} />
      <Divider />
      <AnnotationsSection {...props} />
      <Divider />
      <DataSourceBridgeSection {...props} />
      <Divider />
      {needsGrafanaApi(jsonData) && (
        <>
          <GrafanaApiSection {...props} />
          <Divider />
        </>
      )}
      <EventsUrlSection {...props} />
      <Divider />
      <DeploymentSection jsonData={jsonData} onChange={onChange} />
      <Divider />
      <FailureSection jsonData={jsonData} onChange={onChange} />
      <Divider />
      <CatalogSection jsonData={jsonData} onChange={onChange} />
      <Divider />
      <GeneralSection jsonData={jsonData} onChange={onChange} />
      <Divider />
      <ExecutionSection {...props} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  editor: css({ maxWidth: 900 }),
  intro: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(2) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
