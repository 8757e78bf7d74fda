import React from 'react';
import { DataSourceInstanceSettings, DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Button, Field, FieldValidationMessage, RadioButtonGroup, TextArea } from '@grafana/ui';
import { ConfigSection, ConfigSubSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { EVENT_KINDS, EventKind, KIND_LABELS } from '../../settings/bridgeFields';
import {
  BridgeMapping,
  DataSourceBridgeSettings,
  mappingName,
  validateBridgeSettings,
} from '../../settings/datasourceBridge';
import { SettingsProblem } from '../../settings/settingsProblem';
import { withGrafanaApiUrl } from './GrafanaApiSection';
import { errorOf, textOrUndefined } from './sectionProps';
import { BridgeColumns } from './BridgeColumns';
import { EnableSwitch } from './EnableSwitch';
import { TextSetting, TimeoutSetting } from './TextSetting';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/** This plugin's own id: a mapping may not query a DORA data source (it would read itself). */
const OWN_TYPE = 'opendora-dora-datasource';

const KIND_OPTIONS: Array<SelectableValue<EventKind>> = EVENT_KINDS.map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
}));

const QUERY_PLACEHOLDER = 'SELECT * FROM dora_deployments WHERE finished_at BETWEEN $__timeFrom() AND $__timeTo()';

/**
 * Any Grafana data source as a source of events: mappings, each a data source, its query (with the range macros
 * that data source supports), the event kind its rows are, and which column fills which event field (required
 * fields marked, columns loaded from the query's result). Rows with missing or bad values are reported by field and row when the data source runs.
 */
export function DataSourceBridgeSection({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const settings: DataSourceBridgeSettings = jsonData.datasourceBridge ?? {};
  const enabled = settings.enabled === true;
  const mappings = settings.mappings ?? [];
  const update = (patch: Partial<DataSourceBridgeSettings>) => {
    const datasourceBridge = { ...settings, ...patch };
    // The server's route reads the Grafana URL from jsonData, so it is stored while the source is enabled.
    const grafana = datasourceBridge.enabled ? withGrafanaApiUrl(jsonData) : {};
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...grafana, datasourceBridge } });
  };
  const setMapping = (index: number, patch: Partial<BridgeMapping>) =>
    update({ mappings: mappings.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const problems = enabled ? validateBridgeSettings(settings) : [];
  const listProblem = errorOf(problems, 'mappings');

  return (
    <ConfigSection
      title="Any Grafana data source"
      description="Events kept in a database or log store Grafana already queries (PostgreSQL, MySQL, ClickHouse, BigQuery, Loki, Elasticsearch, Infinity...): one mapping per event kind, each a query and the columns that fill the event fields. In the browser the query runs as a panel's would, with the viewer's permissions; on the server through Grafana's query API with the service account token."
    >
      <EnableSwitch
        id="dora-bridge-enabled"
        label="Enable data source mappings"
        value={enabled}
        onChange={(on) => update({ enabled: on })}
      />
      {mappings.map((mapping, index) => (
        <MappingEditor
          key={index}
          index={index}
          mapping={mapping}
          problems={problems.filter((p) => p.field.indexOf(`mappings[${index}].`) === 0)}
          disabled={!enabled}
          onChange={(patch) => setMapping(index, patch)}
          onRemove={() => update({ mappings: mappings.filter((_, i) => i !== index) })}
        />
      ))}
      {listProblem && <FieldValidationMessage>{listProblem}</FieldValidationMessage>}
      <Button
        icon="plus"
        variant="secondary"
        disabled={!enabled}
        onClick={() => update({ mappings: [...mappings, { kind: 'deployments', columns: {} }] })}
      >
        Add mapping
      </Button>
      <TimeoutSetting
        id="dora-bridge-timeout"
        description="How long the mappings' queries may take before a notice"
        value={settings.timeoutSeconds}
        defaultSeconds={30}
        error={errorOf(problems, 'timeoutSeconds')}
        disabled={!enabled}
        onChange={(value) => update({ timeoutSeconds: value })}
      />
    </ConfigSection>
  );
}

interface MappingEditorProps {
  index: number;
  mapping: BridgeMapping;
  problems: SettingsProblem[];
  disabled: boolean;
  onChange: (patch: Partial<BridgeMapping>) => void;
  onRemove: () => void;
}

/** One mapping: name, kind, data source, query, extra query model, and the column picker (BridgeColumns.tsx). */
function MappingEditor({ index, mapping, problems, disabled, onChange, onRemove }: MappingEditorProps) {
  const where = `mappings[${index}]`;
  const error = (field: string) => errorOf(problems, `${where}.${field}`);
  const kind = mapping.kind && EVENT_KINDS.indexOf(mapping.kind) >= 0 ? mapping.kind : undefined;
  const id = (part: string) => `dora-bridge-${index}-${part}`;
  return (
    <ConfigSubSection
      title={`Mapping ${index + 1}: ${mappingName(mapping, index)}`}
      description={kind ? `Each row is one of the ${KIND_LABELS[kind].toLowerCase()}` : undefined}
    >
      <TextSetting
        id={id('name')}
        label="Name"
        description="Shown in notices and the health check"
        value={mapping.name}
        placeholder={`mapping ${index + 1}`}
        error={error('name')}
        disabled={disabled}
        onChange={(name) => onChange({ name })}
      />
      <Field label="Rows are" invalid={Boolean(error('kind'))} error={error('kind')}>
        <RadioButtonGroup<EventKind>
          options={KIND_OPTIONS}
          value={kind}
          disabled={disabled}
          onChange={(value) => onChange({ kind: value })}
        />
      </Field>
      <Field
        label="Data source"
        description="The Grafana data source the query runs on"
        htmlFor={id('datasource')}
        invalid={Boolean(error('datasource'))}
        error={error('datasource')}
      >
        <DataSourcePicker
          inputId={id('datasource')}
          current={mapping.datasource?.uid ?? null}
          noDefault
          width={40}
          disabled={disabled}
          filter={(ds: DataSourceInstanceSettings) => ds.type !== OWN_TYPE}
          onChange={(ds: DataSourceInstanceSettings) =>
            onChange({ datasource: { uid: ds.uid, type: ds.type, name: ds.name } })
          }
        />
      </Field>
      <Field
        label="Query"
        description="Returns one row per event, in the data source's own language. SQL data sources expand $__timeFrom() and $__timeTo(); ${__from} and ${__to} become epoch milliseconds for any data source. The range includes the look-back."
        htmlFor={id('query')}
        invalid={Boolean(error('query'))}
        error={error('query')}
      >
        <TextArea
          id={id('query')}
          rows={4}
          value={mapping.query ?? ''}
          placeholder={QUERY_PLACEHOLDER}
          disabled={disabled}
          onChange={(e) => onChange({ query: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Query model (JSON, optional)"
        description='More of the data source&apos;s query model, merged over the defaults, e.g. {"format": "table"} or an Infinity query'
        htmlFor={id('model')}
        invalid={Boolean(error('queryModel'))}
        error={error('queryModel')}
      >
        <TextArea
          id={id('model')}
          rows={2}
          value={mapping.queryModel ?? ''}
          placeholder='{"format": "table"}'
          disabled={disabled}
          onChange={(e) => onChange({ queryModel: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      {kind && (
        <BridgeColumns
          index={index}
          mapping={mapping}
          kind={kind}
          error={error('columns')}
          disabled={disabled}
          onChange={(columns) => onChange({ columns })}
        />
      )}
      <Button icon="trash-alt" variant="destructive" fill="outline" size="sm" disabled={disabled} onClick={onRemove}>
        Remove mapping {index + 1}
      </Button>
    </ConfigSubSection>
  );
}
