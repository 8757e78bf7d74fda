import React, { ChangeEvent } from 'react';
import { InlineField, Input } from '@grafana/ui';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DoraJsonData, DoraSecureJsonData } from '../types/config';

interface Props extends DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData> {}

/** Placeholder until the full editor (src/editors/ConfigEditor.tsx) lands: with no provider, demo data serves. */
export function ConfigEditor({ onOptionsChange, options }: Props) {
  const onLookbackChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value === '' ? undefined : Number(event.target.value);
    onOptionsChange({ ...options, jsonData: { ...options.jsonData, lookbackDays: value } });
  };
  return (
    <InlineField
      label="Look-back days"
      labelWidth={18}
      tooltip="Days fetched before the dashboard's start (default 30)"
    >
      <Input
        id="config-editor-lookback-days"
        type="number"
        min={0}
        value={options.jsonData.lookbackDays ?? ''}
        placeholder="30"
        width={12}
        onChange={onLookbackChange}
      />
    </InlineField>
  );
}
