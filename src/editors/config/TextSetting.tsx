import React from 'react';
import { Field, Input } from '@grafana/ui';
import { numberOrUndefined, textOrUndefined } from './sectionProps';

export interface TextSettingProps {
  id: string;
  label: string;
  description: string;
  value: string | number | undefined;
  /** Shown while empty: the default, or an example. */
  placeholder: string;
  /** The settings problem of this field (named field, value and fix), shown under it. */
  error?: string;
  disabled?: boolean;
  width?: number;
  /** The new text: undefined when emptied (the default applies). */
  onChange?: (value: string | undefined) => void;
  /** A number setting: the new number, undefined when emptied or not a number. */
  onNumber?: (value: number | undefined) => void;
  onBlur?: (text: string) => void;
}

/** One text or number setting of a provider section, with its help text and its problem. */
export function TextSetting(props: TextSettingProps) {
  const { id, label, description, value, placeholder, error, disabled, width = 40, onNumber } = props;
  return (
    <Field label={label} description={description} htmlFor={id} invalid={Boolean(error)} error={error}>
      <Input
        id={id}
        type={onNumber ? 'number' : 'text'}
        width={onNumber ? 12 : width}
        value={value ?? ''}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) =>
          onNumber
            ? onNumber(numberOrUndefined(e.currentTarget.value))
            : props.onChange?.(textOrUndefined(e.currentTarget.value))
        }
        onBlur={props.onBlur ? (e) => props.onBlur?.(e.currentTarget.value) : undefined}
      />
    </Field>
  );
}

/** A provider's query timeout in seconds (empty: the default). */
export function TimeoutSetting(props: {
  id: string;
  description: string;
  value: number | undefined;
  defaultSeconds: number;
  error?: string;
  disabled?: boolean;
  onChange: (seconds: number | undefined) => void;
}) {
  return (
    <TextSetting
      id={props.id}
      label="Timeout (seconds)"
      description={props.description}
      value={props.value}
      placeholder={String(props.defaultSeconds)}
      error={props.error}
      disabled={props.disabled}
      onNumber={props.onChange}
    />
  );
}
