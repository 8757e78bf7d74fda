import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, Input, SecretInput, Switch, TextArea } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData, EventsUrlSettings } from '../../settings/model';
import {
  DEFAULT_EVENTS_TIMEOUT_SECONDS,
  eventsUrlProblems,
  MAX_EVENTS_FILE_MB,
  MAX_EVENTS_URLS,
} from '../../settings/eventsUrl';
import { secureKeyFor } from '../../settings/serverMode';
import { numberOrUndefined } from './sectionProps';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

/** Events files (docs/events-format.md) served over HTTP, e.g. an artifact a CI job or an export script writes. */
export function EventsUrlSection({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const settings: EventsUrlSettings = jsonData.eventsUrl ?? {};
  const enabled = settings.enabled === true;
  const tokenKey = secureKeyFor(jsonData, 'eventsUrlToken');
  const secure = (options.secureJsonData ?? {}) as Record<string, string>;
  const update = (patch: Partial<EventsUrlSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, eventsUrl: { ...settings, ...patch } } });
  const problems = enabled ? eventsUrlProblems(settings) : [];
  return (
    <ConfigSection
      title="Events URL"
      description={`Files in the events format (docs/events-format.md) served over HTTP, up to ${MAX_EVENTS_FILE_MB} MB each. Unchanged files are revalidated (ETag / Last-Modified) and cost nothing.`}
    >
      <Field label="Enable events URLs" htmlFor="dora-events-url-enabled">
        <Switch
          id="dora-events-url-enabled"
          value={enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
      </Field>
      <Field
        label="URLs"
        description={`One URL per line, at most ${MAX_EVENTS_URLS}. Each must serve the whole file (JSON).`}
        htmlFor="dora-events-urls"
        invalid={problems.length > 0}
        error={problems.join(' ')}
      >
        <TextArea
          id="dora-events-urls"
          rows={3}
          disabled={!enabled}
          value={(settings.urls ?? []).join('\n')}
          placeholder="https://ci.example.com/artifacts/dora-events.json"
          onChange={(e) =>
            update({
              urls: e.currentTarget.value
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== ''),
            })
          }
        />
      </Field>
      <Field
        label="Bearer token"
        description="Optional; sent as Authorization: Bearer to every URL above. Use a token that can only read the files."
        htmlFor="dora-events-url-token"
      >
        <SecretInput
          id="dora-events-url-token"
          width={60}
          disabled={!enabled}
          isConfigured={Boolean(options.secureJsonFields?.[tokenKey])}
          value={secure[tokenKey] ?? ''}
          onChange={(e) =>
            onOptionsChange({
              ...options,
              jsonData: { ...jsonData, eventsUrl: { ...settings, useToken: e.currentTarget.value !== '' } },
              secureJsonData: { ...secure, [tokenKey]: e.currentTarget.value },
            })
          }
          onReset={() =>
            onOptionsChange({
              ...options,
              jsonData: { ...jsonData, eventsUrl: { ...settings, useToken: false } },
              secureJsonFields: { ...options.secureJsonFields, [tokenKey]: false },
              secureJsonData: { ...secure, [tokenKey]: '' },
            })
          }
        />
      </Field>
      <Field label="Timeout (seconds)" htmlFor="dora-events-url-timeout">
        <Input
          id="dora-events-url-timeout"
          width={12}
          disabled={!enabled}
          value={settings.timeoutSeconds ?? ''}
          placeholder={String(DEFAULT_EVENTS_TIMEOUT_SECONDS)}
          onChange={(e) => update({ timeoutSeconds: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
