import React from 'react';
import { Field, Input } from '@grafana/ui';
import { patternError } from '../../settings/problems';
import { textOrUndefined } from './sectionProps';

interface Props {
  id: string;
  label: string;
  description: string;
  value: string | undefined;
  /** Shown as placeholder: what applies while the field is empty. */
  defaultPattern: string;
  onChange: (value: string | undefined) => void;
}

/** A regular-expression field that compiles the pattern on every keystroke and shows why it does not. */
export function PatternField({ id, label, description, value, defaultPattern, onChange }: Props) {
  const error = patternError(label, value);
  return (
    <Field label={label} description={description} invalid={Boolean(error)} error={error} htmlFor={id}>
      <Input
        id={id}
        width={60}
        value={value ?? ''}
        placeholder={defaultPattern === '' ? '(empty: all)' : defaultPattern}
        onChange={(e) => onChange(textOrUndefined(e.currentTarget.value))}
      />
    </Field>
  );
}
