import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import {
  AnnotationsSettings,
  DEFAULT_DEPLOYMENT_TAGS,
  DEFAULT_ENVIRONMENT,
  DEFAULT_KEYS,
  validateAnnotationsSettings,
} from '../../settings/annotations';
import { withGrafanaApiUrl } from './GrafanaApiSection';
import { errorOf } from './sectionProps';
import { EnableSwitch } from './EnableSwitch';
import { TextSetting, TimeoutSetting } from './TextSetting';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/** The key fields: which word of a tag or the text names what ("service:checkout", "sha=abc1234"). */
const KEY_FIELDS: Array<{ field: keyof AnnotationsSettings; key: keyof typeof DEFAULT_KEYS; label: string }> = [
  { field: 'serviceKey', key: 'service', label: 'Service key' },
  { field: 'environmentKey', key: 'environment', label: 'Environment key' },
  { field: 'repoKey', key: 'repo', label: 'Repository key' },
  { field: 'shaKey', key: 'sha', label: 'SHA key' },
  { field: 'statusKey', key: 'status', label: 'Status key' },
  { field: 'severityKey', key: 'severity', label: 'Severity key' },
];

/**
 * Grafana annotations as deployments and incidents: the tags that mark each, an optional dashboard, and the keys
 * of the key:value tags (or words of the text) that name service, environment, repository, SHA, status and
 * severity, with defaults for annotations that name none. Messages show as you type.
 */
export function AnnotationsSection({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const settings: AnnotationsSettings = jsonData.annotations ?? {};
  const enabled = settings.enabled === true;
  const update = (patch: Partial<AnnotationsSettings>) => {
    const annotations = { ...settings, ...patch };
    // The server's route reads the Grafana URL from jsonData, so it is stored while the source is enabled.
    const grafana = annotations.enabled ? withGrafanaApiUrl(jsonData) : {};
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...grafana, annotations } });
  };
  const problems = enabled ? validateAnnotationsSettings(settings) : [];
  const text = (
    field: keyof AnnotationsSettings,
    id: string,
    label: string,
    description: string,
    placeholder: string
  ) => (
    <TextSetting
      id={id}
      label={label}
      description={description}
      value={settings[field] as string | undefined}
      placeholder={placeholder}
      error={errorOf(problems, field)}
      disabled={!enabled}
      onChange={(value) => update({ [field]: value })}
    />
  );

  return (
    <ConfigSection
      title="Grafana annotations"
      description="Deployments and incidents from the annotations your deploy jobs and on-call tools already post to Grafana, e.g. tags deploy, service:checkout, sha:abc1234. Read with the viewer's session in the browser; on the server with the service account token of the section below."
    >
      <EnableSwitch
        id="dora-annotations-enabled"
        label="Enable Grafana annotations"
        value={enabled}
        onChange={(on) => update({ enabled: on })}
      />
      {text(
        'deploymentTags',
        'dora-annotations-deployment-tags',
        'Deployment tags',
        'Comma-separated; an annotation carrying all of them is a deployment (a region: start and finish)',
        DEFAULT_DEPLOYMENT_TAGS
      )}
      {text(
        'incidentTags',
        'dora-annotations-incident-tags',
        'Incident tags',
        'Comma-separated; an annotation carrying all of them is an incident (a region: impact start and resolution). Empty: no incidents',
        'incident'
      )}
      {text(
        'dashboardUid',
        'dora-annotations-dashboard',
        'Dashboard UID',
        "Only annotations of this dashboard (the UID in the dashboard's URL, /d/UID/); empty: every dashboard and organisation annotation",
        'deploys'
      )}
      {KEY_FIELDS.map(({ field, key, label }) => (
        <React.Fragment key={field}>
          {text(
            field,
            `dora-annotations-${key}-key`,
            label,
            `Tags ${DEFAULT_KEYS[key]}:value or ${DEFAULT_KEYS[key]}=value (or the same in the text) name the ${key === 'repo' ? 'repository (owner/name)' : key === 'sha' ? 'deployed or causing commit' : key}`,
            DEFAULT_KEYS[key]
          )}
        </React.Fragment>
      ))}
      {text(
        'defaultService',
        'dora-annotations-default-service',
        'Default service',
        'The service of annotations that name none (without it they are left out and counted in a notice)',
        'checkout'
      )}
      {text(
        'defaultEnvironment',
        'dora-annotations-default-environment',
        'Default environment',
        'The environment of annotations that name none',
        DEFAULT_ENVIRONMENT
      )}
      {text(
        'defaultRepo',
        'dora-annotations-default-repo',
        'Default repository',
        'owner/name of deployments that name none; their SHA is matched with the commits of GitHub or GitLab',
        'acme/checkout'
      )}
      <TimeoutSetting
        id="dora-annotations-timeout"
        description="How long a query may take before it shows a notice"
        value={settings.timeoutSeconds}
        defaultSeconds={30}
        error={errorOf(problems, 'timeoutSeconds')}
        disabled={!enabled}
        onChange={(value) => update({ timeoutSeconds: value })}
      />
    </ConfigSection>
  );
}
