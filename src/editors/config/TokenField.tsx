import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, SecretInput } from '@grafana/ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { secureKeyFor } from '../../settings/serverMode';

export interface TokenFieldProps extends DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData> {
  /** The key the provider's proxy route names; in server mode the token is saved under its server twin. */
  tokenKey: keyof DoraSecureJsonData;
  id: string;
  label: string;
  description: string;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * A provider's token: typed into secureJsonData only (never jsonData), under the key of the current mode
 * (src/settings/serverMode.ts), shown as "configured" once saved, with Reset to replace it.
 */
export function TokenField({
  options,
  onOptionsChange,
  tokenKey,
  id,
  label,
  description,
  placeholder,
  disabled,
}: TokenFieldProps) {
  const key = secureKeyFor(options.jsonData, tokenKey);
  const secure = (options.secureJsonData ?? {}) as Record<string, string>;
  return (
    <Field label={label} description={description} htmlFor={id}>
      <SecretInput
        id={id}
        width={60}
        isConfigured={Boolean(options.secureJsonFields?.[key])}
        value={secure[key] ?? ''}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => onOptionsChange({ ...options, secureJsonData: { ...secure, [key]: e.currentTarget.value } })}
        onReset={() =>
          onOptionsChange({
            ...options,
            secureJsonFields: { ...options.secureJsonFields, [key]: false },
            secureJsonData: { ...secure, [key]: '' },
          })
        }
      />
    </Field>
  );
}
