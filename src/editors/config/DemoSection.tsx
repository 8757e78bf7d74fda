import React from 'react';
import { Field, Input, Switch } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DEFAULT_DEMO_SEED } from '../../settings/model';
import { demoSeedError } from '../../settings/problems';
import { demoMode } from '../../settings/reader';
import { SectionProps, numberOrUndefined } from './sectionProps';

/** The built-in demo source: deterministic sample data for several teams, so dashboards work out of the box. */
export function DemoSection({ jsonData, onChange }: SectionProps) {
  // As the data source reads it: always on while no provider is enabled, else as the switch says.
  const mode = demoMode(jsonData);
  const enabled = mode !== null;
  const seedError = demoSeedError(jsonData.demoSeed);
  return (
    <ConfigSection
      title="Demo data"
      description="Built-in sample deployments, changes and incidents of several teams. Used when no provider is enabled."
    >
      <Field
        label="Enable demo data"
        description={
          mode === 'unconfigured' ? 'On while no provider is enabled; enable a provider to turn it off.' : undefined
        }
        htmlFor="dora-demo-enabled"
      >
        <Switch
          id="dora-demo-enabled"
          value={enabled}
          disabled={mode === 'unconfigured'}
          onChange={(e) => onChange({ demoEnabled: e.currentTarget.checked })}
        />
      </Field>
      <Field
        label="Demo seed"
        description="Another seed gives other (equally plausible) data; the same seed always gives the same data."
        htmlFor="dora-demo-seed"
        invalid={Boolean(seedError)}
        error={seedError}
      >
        <Input
          id="dora-demo-seed"
          type="number"
          width={20}
          value={jsonData.demoSeed ?? ''}
          placeholder={String(DEFAULT_DEMO_SEED)}
          disabled={!enabled}
          onChange={(e) => onChange({ demoSeed: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
