import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Alert, Field, RadioButtonGroup } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import {
  RUN_QUERIES_IN_OPTIONS,
  RunQueriesIn,
  runQueriesInError,
  TOKEN_KEYS,
  secureKeyFor,
} from '../../settings/serverMode';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/**
 * "Run queries in": the browser or the Grafana server. Switching removes the tokens saved for the other mode (a
 * token under a key that a proxy route names would stay usable by anyone who may query), so they are entered again.
 */
export function ExecutionSection({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const mode: RunQueriesIn = jsonData.runQueriesIn === 'server' ? 'server' : 'browser';
  const error = runQueriesInError(jsonData.runQueriesIn);
  const onMode = (next: RunQueriesIn) => {
    if (next === mode) {
      return;
    }
    const secureJsonFields = { ...options.secureJsonFields };
    const secureJsonData: Record<string, string> = { ...(options.secureJsonData as Record<string, string>) };
    for (const key of TOKEN_KEYS) {
      const old = secureKeyFor(jsonData, key);
      secureJsonFields[old] = false;
      secureJsonData[old] = '';
    }
    onOptionsChange({ ...options, jsonData: { ...jsonData, runQueriesIn: next }, secureJsonFields, secureJsonData });
  };
  const removed = TOKEN_KEYS.some((key) => options.secureJsonFields?.[secureKeyFor(jsonData, key)] === false);
  return (
    <ConfigSection
      title="Where queries run"
      description="Alert rules always run on the Grafana server; this setting decides where dashboards compute."
    >
      <Field
        label="Run queries in"
        description={RUN_QUERIES_IN_OPTIONS.find((o) => o.value === mode)?.description}
        invalid={Boolean(error)}
        error={error}
      >
        <RadioButtonGroup<RunQueriesIn>
          options={RUN_QUERIES_IN_OPTIONS.map(({ value, label }) => ({ value, label }))}
          value={mode}
          onChange={onMode}
        />
      </Field>
      {removed && (
        <Alert severity="info" title="Enter the tokens again">
          Tokens are kept per mode: the ones saved for the other mode are removed when you save. Enter each
          provider&apos;s token again below.
        </Alert>
      )}
    </ConfigSection>
  );
}
