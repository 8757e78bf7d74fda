import React, { useState } from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, Input, RadioButtonGroup, SecretInput, Switch } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData, JiraDeployment, JiraSettings } from '../../settings/model';
import { basicCredentials, DEFAULT_JQL, validateJiraSettings } from '../../settings/jira';
import { secureKeyFor } from '../../settings/serverMode';
import { errorOf } from './sectionProps';

export type JiraSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const DEPLOYMENT_OPTIONS: Array<SelectableValue<JiraDeployment>> = [
  { value: 'cloud', label: 'Jira Cloud', description: 'https://SITE.atlassian.net, email and API token' },
  { value: 'datacenter', label: 'Data Center', description: 'Your server, a personal access token' },
];

/** Jira settings: site, authentication (secrets in secureJsonData only), the JQL and the field mapping. */
export function JiraSection({ options, onOptionsChange }: JiraSectionProps) {
  const jsonData = options.jsonData ?? {};
  const jira: JiraSettings = jsonData.jira ?? {};
  const enabled = jira.enabled === true;
  const deployment = jira.deployment ?? 'cloud';
  const [token, setToken] = useState('');
  const update = (patch: Partial<JiraSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, jira: { ...jira, deployment, ...patch } } });
  const problems = enabled ? validateJiraSettings({ ...jira, deployment }) : [];
  const field = (name: string) => ({ invalid: Boolean(errorOf(problems, name)), error: errorOf(problems, name) });
  // In server mode the secret is stored under a key no proxy route names (jiraTokenServer, ...).
  const secretKey = secureKeyFor(jsonData, deployment === 'cloud' ? 'jiraBasicCredentials' : 'jiraToken');
  const setSecret = (value: string, email = jira.email ?? '') => {
    setToken(value);
    const secret = deployment === 'cloud' ? (value ? basicCredentials(email, value) : '') : value;
    onOptionsChange({
      ...options,
      jsonData: { ...jsonData, jira: { ...jira, deployment } },
      secureJsonData: { ...options.secureJsonData, [secretKey]: secret },
    });
  };
  const text = (key: keyof JiraSettings, id: string, label: string, description: string, placeholder: string) => (
    <Field label={label} description={description} htmlFor={id} {...field(key)}>
      <Input
        id={id}
        width={40}
        value={(jira[key] as string | undefined) ?? ''}
        placeholder={placeholder}
        disabled={!enabled}
        onChange={(e) => update({ [key]: e.currentTarget.value || undefined })}
      />
    </Field>
  );

  return (
    <ConfigSection
      title="Jira"
      description="Incident issues from Jira Cloud or Jira Data Center (Jira Service Management too)."
    >
      <Field label="Enable Jira" htmlFor="dora-jira-enabled">
        <Switch id="dora-jira-enabled" value={enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />
      </Field>
      <Field label="Jira" {...field('deployment')}>
        <RadioButtonGroup
          options={DEPLOYMENT_OPTIONS}
          value={deployment}
          disabled={!enabled}
          onChange={(v) => update({ deployment: v })}
        />
      </Field>
      {text(
        'url',
        'dora-jira-url',
        'Site URL',
        'https://SITE.atlassian.net or your Data Center base URL',
        'https://acme.atlassian.net'
      )}
      {deployment === 'cloud' &&
        text(
          'email',
          'dora-jira-email',
          'Email',
          'The account whose API token is below (changing it needs the token again)',
          'dora@acme.com'
        )}
      <Field
        label={deployment === 'cloud' ? 'API token' : 'Personal access token'}
        description="Of an account that can only browse the incident projects. Anyone who may query this data source can use it through Grafana's proxy."
        htmlFor="dora-jira-token"
      >
        <SecretInput
          id="dora-jira-token"
          width={60}
          isConfigured={Boolean(options.secureJsonFields?.[secretKey])}
          value={token}
          disabled={!enabled}
          onChange={(e) => setSecret(e.currentTarget.value)}
          onReset={() => {
            setToken('');
            onOptionsChange({
              ...options,
              secureJsonFields: { ...options.secureJsonFields, [secretKey]: false },
              secureJsonData: { ...options.secureJsonData, [secretKey]: '' },
            });
          }}
        />
      </Field>
      {text('jql', 'dora-jira-jql', 'JQL', 'Selects the incident issues', DEFAULT_JQL)}
      {text(
        'serviceField',
        'dora-jira-service',
        'Service from',
        'components, labels (service:<name>) or a custom field id',
        'components'
      )}
      {text('severityField', 'dora-jira-severity', 'Severity from', 'priority or a custom field id', 'priority')}
      {text(
        'impactStartField',
        'dora-jira-impact',
        'Impact start field',
        'A date-time custom field id; empty: created',
        'customfield_10050'
      )}
      {text(
        'acknowledgedField',
        'dora-jira-ack',
        'Acknowledged',
        'status (first status change) or a custom field id',
        'none'
      )}
      {text(
        'resolvedField',
        'dora-jira-resolved',
        'Resolved',
        'resolutiondate, status, or a custom date / time-to-restore field id',
        'resolutiondate'
      )}
      {text(
        'causeField',
        'dora-jira-cause',
        'Cause field',
        'A custom field naming the deployment, SHA or PR/MR (docs/incident-causes.md)',
        'customfield_10060'
      )}
    </ConfigSection>
  );
}
