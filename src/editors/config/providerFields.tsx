/**
 * Fields the provider sections share: the enable switch, the token, text, lines and number settings that show their
 * problems as you type, the tag pattern and the choice of what a deployment is.
 */
import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, Input, RadioButtonGroup, SecretInput, Switch, TextArea } from '@grafana/ui';
import { secureKeyFor } from '../../settings/serverMode';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import { DEFAULT_TAG_PATTERN } from '../../settings/releaseTags';
import { SettingsProblem } from '../../settings/settingsProblem';
import { errorOf, numberOrUndefined, textOrUndefined } from './sectionProps';

export type ProviderSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

export function EnableSwitch(props: { id: string; label: string; enabled: boolean; onChange: (on: boolean) => void }) {
  return (
    <Field label={props.label} htmlFor={props.id}>
      <Switch id={props.id} value={props.enabled} onChange={(e) => props.onChange(e.currentTarget.checked)} />
    </Field>
  );
}

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

interface SettingFieldProps<V> {
  id: string;
  label: string;
  description: string;
  /** The settings key whose problems the field shows; without it the field shows none. */
  field?: string;
  problems?: SettingsProblem[];
  value: V | undefined;
  placeholder: string;
  disabled: boolean;
  width?: number;
  /** undefined when the field is emptied: the default applies. */
  onChange: (value: V | undefined) => void;
}

function fieldProps<V>(p: SettingFieldProps<V>) {
  const error = p.field !== undefined && p.problems ? errorOf(p.problems, p.field) : undefined;
  return { label: p.label, description: p.description, htmlFor: p.id, invalid: Boolean(error), error };
}

/** A text setting (a pattern, a name, a URL) that shows its problems as you type. */
export function TextSetting(props: SettingFieldProps<string>) {
  return (
    <Field {...fieldProps(props)}>
      <Input
        id={props.id}
        width={props.width ?? 40}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(e) => props.onChange(textOrUndefined(e.currentTarget.value))}
      />
    </Field>
  );
}

/** A list of lines (repositories, projects) that shows the problems of each line. */
export function LinesSetting(props: SettingFieldProps<string>) {
  return (
    <Field {...fieldProps(props)}>
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

/** A number setting (a timeout); an empty field means the default. */
export function NumberSetting(props: SettingFieldProps<number>) {
  return (
    <Field {...fieldProps(props)}>
      <Input
        id={props.id}
        type="number"
        width={props.width ?? 20}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(e) => props.onChange(numberOrUndefined(e.currentTarget.value))}
      />
    </Field>
  );
}

/** Which release tags are production releases (deployments from releases or tags). */
export function TagPatternSetting(
  props: Pick<SettingFieldProps<string>, 'id' | 'problems' | 'value' | 'disabled' | 'onChange'>
) {
  return (
    <TextSetting
      {...props}
      label="Tag pattern"
      description="Regular expression over tag names that are production releases; empty leaves out semver pre-releases (v1.2.0-rc.1, -beta, -alpha)"
      field="tagPattern"
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
