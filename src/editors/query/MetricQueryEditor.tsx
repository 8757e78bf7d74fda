/** A metric over time: which metric, how a bucket is summarised, bucket size, grouping, lead time start, filters. */
import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Combobox, ComboboxOption, Text } from '@grafana/ui';
import {
  Aggregation,
  BucketKind,
  FACET_GROUP_METRICS,
  FACET_GROUP_NOTES,
  isFacetGroupBy,
  MetricId,
} from '../../engine';
import { MetricQuery } from '../../query/model';
import {
  AGGREGATION_OPTIONS,
  INTERVAL_OPTIONS,
  LEAD_TIME_START_METRICS,
  METRIC_OPTIONS,
  metricChoice,
} from '../../query/vocabulary';
import { hasVariable } from '../../query/templateVariables';
import { selected, toOptions } from './choices';
import { QueryFiltersRow } from './FiltersRow';
import { GroupByField } from './GroupByField';
import { LeadTimeStartField } from './LeadTimeStartField';
import { KindEditorProps } from './types';
import { withOptional } from './withOptional';

/** Metrics grouped by category in the picker. */
const METRIC_COMBO_OPTIONS: Array<ComboboxOption<string>> = METRIC_OPTIONS.map(
  ({ value, label, description, category }) => ({ value, label, description, group: category })
);
const INTERVALS = toOptions(INTERVAL_OPTIONS);

/** What a metric grouped by a dimension its items lack will say (undefined when the grouping applies). */
export function groupingHint(metric: string | undefined, groupBy: string | undefined): string | undefined {
  if (!isFacetGroupBy(groupBy) || !metricChoice(metric)) {
    return undefined;
  }
  return FACET_GROUP_METRICS[groupBy].indexOf(metric as MetricId) < 0 ? FACET_GROUP_NOTES[groupBy] : undefined;
}

/** Whether the lead time start changes this metric (a variable might be a lead time metric). */
export function usesLeadTimeStart(metric: string | undefined): boolean {
  return hasVariable(metric) || LEAD_TIME_START_METRICS.indexOf(metric as MetricId) >= 0;
}

export function MetricQueryEditor({ query, onChange, datasource, range }: KindEditorProps<MetricQuery>) {
  const id = (field: string) => `dora-${field}-${query.refId}`;
  const choice = metricChoice(query.metric);
  // Rates and counts have one reading; of the aggregations only 'count' changes them.
  const oneReading = !!choice && !choice.aggregates;
  const aggregations = oneReading ? AGGREGATION_OPTIONS.filter((a) => a.value === 'count') : AGGREGATION_OPTIONS;
  const hint = groupingHint(query.metric, query.groupBy);

  const setMetric = (metric: MetricId) => {
    const next: MetricQuery = { ...query, metric };
    if (!usesLeadTimeStart(metric)) {
      delete next.leadTimeStart;
    }
    onChange(next);
  };

  return (
    <>
      <EditorRow>
        <EditorField label="Metric" tooltip="Definitions follow dora.dev (see the query help for examples)">
          <Combobox<string>
            id={id('metric')}
            width={36}
            options={METRIC_COMBO_OPTIONS}
            value={selected(METRIC_OPTIONS, query.metric)}
            createCustomValue
            onChange={(o) => setMetric(o.value as MetricId)}
          />
        </EditorField>
        <EditorField label="Aggregation" tooltip="How the values of a bucket are summarised (durations)">
          <Combobox<string>
            id={id('aggregation')}
            width={16}
            options={toOptions(aggregations)}
            value={
              oneReading && query.aggregation !== 'count'
                ? null
                : selected(AGGREGATION_OPTIONS, query.aggregation ?? 'median')
            }
            placeholder="One reading"
            createCustomValue
            isClearable
            onChange={(o) => onChange({ ...query, aggregation: (o?.value ?? 'median') as Aggregation })}
          />
        </EditorField>
        <EditorField label="Interval" tooltip="Bucket size of the time series; 'Whole range' for stat panels">
          <Combobox<string>
            id={id('interval')}
            width={18}
            options={INTERVALS}
            value={selected(INTERVAL_OPTIONS, query.interval ?? 'auto')}
            createCustomValue
            onChange={(o) => onChange({ ...query, interval: o.value as BucketKind })}
          />
        </EditorField>
        <GroupByField
          id={id('group-by')}
          value={query.groupBy}
          fallback="none"
          onChange={(groupBy) => onChange({ ...query, groupBy })}
        />
        {usesLeadTimeStart(query.metric) && (
          <LeadTimeStartField
            id={id('lead-time-start')}
            value={query.leadTimeStart}
            onChange={(leadTimeStart) => onChange(withOptional(query, 'leadTimeStart', leadTimeStart))}
          />
        )}
      </EditorRow>
      {hint && (
        <Text variant="bodySmall" color="warning">
          {hint}
        </Text>
      )}
      <QueryFiltersRow query={query} onChange={onChange} datasource={datasource} range={range} />
    </>
  );
}
