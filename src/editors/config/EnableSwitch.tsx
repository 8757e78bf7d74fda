import React from 'react';
import { Field, Switch } from '@grafana/ui';

/** The switch that enables a provider (its settings stay while it is off). */
export function EnableSwitch(props: { id: string; label: string; value: boolean; onChange: (on: boolean) => void }) {
  return (
    <Field label={props.label} htmlFor={props.id}>
      <Switch id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.checked)} />
    </Field>
  );
}
