import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, Input, RadioButtonGroup, Switch, TextArea } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData, PagerDutyServiceScope, PagerDutySettings } from '../../settings/model';
import {
  DEFAULT_API_URL,
  DEFAULT_TIMEOUT_SECONDS,
  EU_API_URL,
  validatePagerDutySettings,
} from '../../settings/pagerduty';
import { errorOf, numberOrUndefined } from './sectionProps';
import { TokenField } from './TokenField';

export type PagerDutySectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const REGION_OPTIONS: Array<SelectableValue<string>> = [
  { value: DEFAULT_API_URL, label: 'US (api.pagerduty.com)' },
  { value: EU_API_URL, label: 'EU (api.eu.pagerduty.com)' },
];

const SCOPE_OPTIONS: Array<SelectableValue<PagerDutyServiceScope>> = [
  { value: 'all', label: 'All services' },
  { value: 'services', label: 'Listed services' },
  { value: 'teams', label: "Teams' services" },
];

const SEVERITY_OPTIONS: Array<SelectableValue<'priority' | 'urgency'>> = [
  { value: 'priority', label: 'Priority (else urgency)' },
  { value: 'urgency', label: 'Urgency' },
];

/**
 * PagerDuty settings: region (API URL, always stored: the proxy route reads it), the read-only REST API key
 * (secureJsonData only), which services are read, which urgencies and priorities count, and what severity is.
 */
export function PagerDutySection({ options, onOptionsChange }: PagerDutySectionProps) {
  const jsonData = options.jsonData ?? {};
  const pd: PagerDutySettings = jsonData.pagerduty ?? {};
  const enabled = pd.enabled === true;
  const scope = pd.serviceScope ?? 'all';
  const update = (patch: Partial<PagerDutySettings>) => {
    const next: PagerDutySettings = { ...pd, ...patch };
    next.apiUrl = next.apiUrl ?? DEFAULT_API_URL;
    onOptionsChange({ ...options, jsonData: { ...jsonData, pagerduty: next } });
  };
  const problems = enabled ? validatePagerDutySettings({ ...pd, apiUrl: pd.apiUrl ?? DEFAULT_API_URL }) : [];
  const field = (name: string) => ({ invalid: Boolean(errorOf(problems, name)), error: errorOf(problems, name) });

  return (
    <ConfigSection
      title="PagerDuty"
      description="Incidents (created, acknowledged, resolved, urgency, priority) and who is on call now for each service."
    >
      <Field label="Enable PagerDuty" htmlFor="dora-pagerduty-enabled">
        <Switch
          id="dora-pagerduty-enabled"
          value={enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
      </Field>
      <Field label="Region" description="Where the PagerDuty account lives" {...field('apiUrl')}>
        <RadioButtonGroup
          options={REGION_OPTIONS}
          value={pd.apiUrl ?? DEFAULT_API_URL}
          disabled={!enabled}
          onChange={(v) => update({ apiUrl: v })}
        />
      </Field>
      <TokenField
        options={options}
        onOptionsChange={onOptionsChange}
        tokenKey="pagerdutyToken"
        id="dora-pagerduty-token"
        label="REST API key"
        description="A read-only API key (PagerDuty: Integrations, API Access Keys, Read-only). In browser mode anyone who may query this data source can use it through Grafana's proxy."
        placeholder="u+..."
        disabled={!enabled}
      />
      <Field label="Services" description="Which services' incidents are read">
        <RadioButtonGroup
          options={SCOPE_OPTIONS}
          value={scope}
          disabled={!enabled}
          onChange={(v) => update({ serviceScope: v })}
        />
      </Field>
      {scope === 'services' && (
        <Field
          label="Service IDs or names"
          description="Comma- or newline-separated, e.g. PIJ90N7 or Checkout API"
          htmlFor="dora-pagerduty-services"
          {...field('services')}
        >
          <TextArea
            id="dora-pagerduty-services"
            rows={3}
            value={pd.services ?? ''}
            disabled={!enabled}
            onChange={(e) => update({ services: e.currentTarget.value })}
          />
        </Field>
      )}
      {scope === 'teams' && (
        <Field
          label="Team IDs or names"
          description="The services of these teams are read (needs the teams ability)"
          htmlFor="dora-pagerduty-teams"
          {...field('teams')}
        >
          <TextArea
            id="dora-pagerduty-teams"
            rows={2}
            value={pd.teams ?? ''}
            disabled={!enabled}
            onChange={(e) => update({ teams: e.currentTarget.value })}
          />
        </Field>
      )}
      <Field
        label="Urgencies that count"
        description="high, low or both (default both)"
        htmlFor="dora-pagerduty-urgencies"
        {...field('urgencies')}
      >
        <Input
          id="dora-pagerduty-urgencies"
          width={30}
          value={pd.urgencies ?? ''}
          placeholder="high,low"
          disabled={!enabled}
          onChange={(e) => update({ urgencies: e.currentTarget.value || undefined })}
        />
      </Field>
      <Field
        label="Priorities that count"
        description="Priority names, e.g. P1,P2; empty: every incident"
        htmlFor="dora-pagerduty-priorities"
      >
        <Input
          id="dora-pagerduty-priorities"
          width={30}
          value={pd.priorities ?? ''}
          placeholder="all"
          disabled={!enabled}
          onChange={(e) => update({ priorities: e.currentTarget.value || undefined })}
        />
      </Field>
      <Field
        label="Severity"
        description="What becomes the incident's severity (filters and grouping by severity)"
        {...field('severityFrom')}
      >
        <RadioButtonGroup
          options={SEVERITY_OPTIONS}
          value={pd.severityFrom ?? 'priority'}
          disabled={!enabled}
          onChange={(v) => update({ severityFrom: v })}
        />
      </Field>
      <Field
        label="Timeout (seconds)"
        description="How long a query may wait out rate limits"
        htmlFor="dora-pagerduty-timeout"
        {...field('timeoutSeconds')}
      >
        <Input
          id="dora-pagerduty-timeout"
          width={12}
          value={pd.timeoutSeconds === undefined ? '' : String(pd.timeoutSeconds)}
          placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
          disabled={!enabled}
          onChange={(e) => update({ timeoutSeconds: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
