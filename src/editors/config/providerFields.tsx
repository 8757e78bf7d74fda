/**
 * Fields the forge sections (GitHub, GitLab) share: the token, the list of repositories or projects, the tag
 * pattern and the choice of what a deployment is. Text and number settings are TextSetting.tsx.
 */
import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, RadioButtonGroup, SecretInput, TextArea } from '@grafana/ui';
import { secureKeyFor } from '../../settings/serverMode';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { DEFAULT_TAG_PATTERN } from '../../settings/releaseTags';
import { textOrUndefined } from './sectionProps';
import { TextSetting } from './TextSetting';

export type ProviderSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

interface TokenFieldProps extends ProviderSectionProps {
  id: string;
  label: string;
  description: string;
  /** The token's key; in server mode it is stored under its server twin, which no proxy route names. */
  secureKey: keyof DoraSecureJsonData;
  placeholder: string;
  disabled: boolean;
}

/** A token in secureJsonData: shown as configured once saved, reset clears it. */
export function TokenField({ options, onOptionsChange, secureKey, ...field }: TokenFieldProps) {
  const key = secureKeyFor(options.jsonData, secureKey);
  const setSecure = (value: string, configured?: boolean) =>
    onOptionsChange({
      ...options,
      ...(configured === undefined ? {} : { secureJsonFields: { ...options.secureJsonFields, [key]: configured } }),
      secureJsonData: { ...options.secureJsonData, [key]: value },
    });
  return (
    <Field label={field.label} description={field.description} htmlFor={field.id}>
      <SecretInput
        id={field.id}
        width={60}
        isConfigured={Boolean(options.secureJsonFields?.[key])}
        value={(options.secureJsonData as Record<string, string> | undefined)?.[key] ?? ''}
        placeholder={field.placeholder}
        disabled={field.disabled}
        onChange={(e) => setSecure(e.currentTarget.value)}
        onReset={() => setSecure('', false)}
      />
    </Field>
  );
}

/** A list of lines (repositories, projects); the error names the lines that are wrong. */
export function LinesSetting(props: {
  id: string;
  label: string;
  description: string;
  error?: string;
  value: string | undefined;
  placeholder: string;
  disabled: boolean;
  /** undefined when emptied. */
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Field
      label={props.label}
      description={props.description}
      htmlFor={props.id}
      invalid={Boolean(props.error)}
      error={props.error}
    >
      <TextArea
        id={props.id}
        rows={5}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(e) => props.onChange(textOrUndefined(e.currentTarget.value))}
      />
    </Field>
  );
}

/** Which release tags are production releases (deployments from releases or tags). */
export function TagPatternSetting(props: {
  id: string;
  error?: string;
  value: string | undefined;
  disabled: boolean;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <TextSetting
      {...props}
      label="Tag pattern"
      description="Regular expression over tag names that are production releases; empty leaves out semver pre-releases (v1.2.0-rc.1, -beta, -alpha)"
      placeholder={DEFAULT_TAG_PATTERN}
    />
  );
}

/** How a provider recognises production deployments (the default of every repository or project). */
export function DeploymentSourceField<T extends string>(props: {
  description: string;
  options: Array<SelectableValue<T>>;
  value: T;
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <Field label="Deployments are" description={props.description}>
      <RadioButtonGroup<T>
        options={props.options}
        value={props.value}
        disabled={props.disabled}
        onChange={props.onChange}
      />
    </Field>
  );
}
