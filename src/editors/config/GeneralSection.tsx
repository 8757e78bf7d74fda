import React from 'react';
import { Field, Input, RadioButtonGroup } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { BENCHMARK_YEARS, BenchmarkYear, DEFAULT_OPTIONS } from '../../engine';
import { DEFAULT_LOOKBACK_DAYS } from '../../settings/model';
import { LOOKBACK_LIMITS, positiveNumberError } from '../../settings/problems';
import { SectionProps, numberOrUndefined } from './sectionProps';

const YEAR_OPTIONS = BENCHMARK_YEARS.map((year) => ({
  label: String(year),
  value: year,
  description:
    year === 2022
      ? 'No elite level'
      : year === 2024
        ? "2024's change fail rate and recovery cut-offs are not monotonic: 2023's are used for those"
        : undefined,
}));

/** Benchmark year of the performance levels and the look-back fetched before the dashboard's range. */
export function GeneralSection({ jsonData, onChange }: SectionProps) {
  const lookbackError = positiveNumberError('Look-back (days)', jsonData.lookbackDays, LOOKBACK_LIMITS);
  return (
    <ConfigSection title="Levels and history">
      <Field
        label="Benchmark year"
        description="Which State of DevOps report's table rates elite, high, medium and low."
      >
        <RadioButtonGroup<BenchmarkYear>
          options={YEAR_OPTIONS}
          value={jsonData.benchmarkYear ?? DEFAULT_OPTIONS.benchmarkYear}
          onChange={(benchmarkYear) => onChange({ benchmarkYear })}
        />
      </Field>
      <Field
        label="Look-back (days)"
        description="Days fetched before the dashboard's start: commits older than the range still count toward the lead time of a deployment inside it."
        htmlFor="dora-lookback-days"
        invalid={Boolean(lookbackError)}
        error={lookbackError}
      >
        <Input
          id="dora-lookback-days"
          type="number"
          width={20}
          value={jsonData.lookbackDays ?? ''}
          placeholder={String(DEFAULT_LOOKBACK_DAYS)}
          onChange={(e) => onChange({ lookbackDays: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
