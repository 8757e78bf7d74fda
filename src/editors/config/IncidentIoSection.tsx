import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, RadioButtonGroup, Switch } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import {
  DEFAULT_ACKNOWLEDGED,
  DEFAULT_IMPACT_START,
  DEFAULT_MODES,
  DEFAULT_RESOLVED,
  DEFAULT_SERVICE_FIELD,
  DEFAULT_TIMEOUT_SECONDS,
  validateIncidentIoSettings,
} from '../../settings/incidentio';
import { DoraJsonData, DoraSecureJsonData, IncidentIoServiceFrom, IncidentIoSettings } from '../../settings/model';
import { errorOf } from './sectionProps';
import { TextSetting } from './TextSetting';
import { TokenField } from './TokenField';

export type IncidentIoSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const SERVICE_OPTIONS: Array<SelectableValue<IncidentIoServiceFrom>> = [
  { value: 'customField', label: 'A custom field' },
  { value: 'incidentType', label: 'The incident type' },
];

type TextKey = Exclude<keyof IncidentIoSettings, 'enabled' | 'serviceFrom' | 'timeoutSeconds'>;

/**
 * incident.io settings: the API key (secureJsonData only, under the key of the current mode), which incidents count
 * (severities, types, modes), where the service comes from, which timestamps are impact start, acknowledgement and
 * resolution, the cause field and the on-call schedules. Names are typed as incident.io shows them.
 */
export function IncidentIoSection({ options, onOptionsChange }: IncidentIoSectionProps) {
  const jsonData = options.jsonData ?? {};
  const io: IncidentIoSettings = jsonData.incidentio ?? {};
  const enabled = io.enabled === true;
  const serviceFrom = io.serviceFrom ?? 'customField';
  const update = (patch: Partial<IncidentIoSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, incidentio: { ...io, ...patch } } });
  const problems = enabled ? validateIncidentIoSettings(io) : [];
  const text = (key: TextKey, label: string, description: string, placeholder: string) => (
    <TextSetting
      id={`dora-incidentio-${key}`}
      label={label}
      description={description}
      value={io[key]}
      placeholder={placeholder}
      error={errorOf(problems, key)}
      disabled={!enabled}
      onChange={(value) => update({ [key]: value })}
    />
  );

  return (
    <ConfigSection
      title="incident.io"
      description="Incidents (reported, acknowledged, impact start, resolved, severity, lead) and who is on call now from schedules."
    >
      <Field label="Enable incident.io" htmlFor="dora-incidentio-enabled">
        <Switch
          id="dora-incidentio-enabled"
          value={enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
      </Field>
      <TokenField
        options={options}
        onOptionsChange={onOptionsChange}
        tokenKey="incidentioToken"
        id="dora-incidentio-token"
        label="API key"
        description="incident.io: Settings, API keys; give it the Viewer role only (and Schedules reader for on-call). In browser mode anyone who may query this data source can use it through Grafana's proxy."
        placeholder="inc_..."
        disabled={!enabled}
      />
      {text(
        'severities',
        'Severities that count',
        'Severity names, e.g. Critical, Major; empty: every incident',
        'all'
      )}
      {text(
        'incidentTypes',
        'Incident types that count',
        'Type names, e.g. Production outage; empty: every type',
        'all'
      )}
      {text(
        'modes',
        'Modes read',
        'standard, retrospective, test, tutorial (default: test and tutorial incidents are skipped)',
        DEFAULT_MODES.join(', ')
      )}
      <Field
        label="Service from"
        description="Where an incident's service comes from (the catalog's incidentServices map it)"
      >
        <RadioButtonGroup
          options={SERVICE_OPTIONS}
          value={serviceFrom}
          disabled={!enabled}
          onChange={(v) => update({ serviceFrom: v })}
        />
      </Field>
      {serviceFrom === 'customField' &&
        text(
          'serviceField',
          'Service field',
          'The custom field naming the affected service (catalog-backed, select or text; its first value)',
          DEFAULT_SERVICE_FIELD
        )}
      {text(
        'impactStartTimestamps',
        'Impact start timestamps',
        'Timestamp names, the first one set wins; none set: reported',
        DEFAULT_IMPACT_START.join(', ')
      )}
      {text(
        'acknowledgedTimestamps',
        'Acknowledged timestamps',
        'Timestamp names, the first one set wins',
        DEFAULT_ACKNOWLEDGED.join(', ')
      )}
      {text(
        'resolvedTimestamps',
        'Resolved timestamps',
        'Timestamp names, the first one set wins',
        DEFAULT_RESOLVED.join(', ')
      )}
      {text(
        'causeField',
        'Cause field',
        'A custom field naming the cause: deployment id, commit SHA or PR number (see docs/incident-causes.md)',
        'none'
      )}
      {text(
        'schedules',
        'On-call schedules',
        'Schedule names or IDs for the on-call query; empty: every schedule',
        'all'
      )}
      <TextSetting
        id="dora-incidentio-timeout"
        label="Timeout (seconds)"
        description="How long a query may wait out rate limits"
        value={io.timeoutSeconds}
        placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
        error={errorOf(problems, 'timeoutSeconds')}
        disabled={!enabled}
        onNumber={(value) => update({ timeoutSeconds: value })}
      />
    </ConfigSection>
  );
}
