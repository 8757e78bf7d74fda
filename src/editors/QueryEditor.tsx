import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { Combobox, ComboboxOption, InlineField, InlineFieldRow, RadioButtonGroup } from '@grafana/ui';
import type { DataSource } from '../datasource';
import { DoraJsonData } from '../types/config';
import { DataQualityQuery, DoraQuery, EventsQuery, MetricQuery, QueryKind, ScorecardQuery } from '../types/query';
import {
  AGGREGATION_OPTIONS,
  Choice,
  ENTITY_OPTIONS,
  GROUP_BY_OPTIONS,
  INTERVAL_OPTIONS,
  KIND_OPTIONS,
  METRIC_OPTIONS,
  metricChoice,
} from './options';

type Props = QueryEditorProps<DataSource, DoraQuery, DoraJsonData>;

const LABEL_WIDTH = 14;

/** A first, simple editor: query kind, then the fields that kind needs. Values may be "$variables". */
export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  const update = (next: DoraQuery) => {
    onChange(next);
    onRunQuery();
  };
  const kind: QueryKind = query.kind ?? 'metric';

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query" labelWidth={LABEL_WIDTH} tooltip="What the query returns">
          <RadioButtonGroup<QueryKind>
            options={KIND_OPTIONS}
            value={kind}
            onChange={(value) => update(switchKind(query, value))}
          />
        </InlineField>
      </InlineFieldRow>
      {kind === 'metric' && <MetricFields query={query as MetricQuery} update={update} />}
      {kind === 'scorecard' && (
        <InlineFieldRow>
          <GroupByField query={query as ScorecardQuery} update={update} fallback="service" />
        </InlineFieldRow>
      )}
      {kind === 'events' && (
        <InlineFieldRow>
          <InlineField label="Events" labelWidth={LABEL_WIDTH} tooltip="Which events to list, with their attribution">
            <RadioButtonGroup
              options={ENTITY_OPTIONS}
              value={(query as EventsQuery).entity ?? 'deployments'}
              onChange={(entity) => update({ ...(query as EventsQuery), entity })}
            />
          </InlineField>
        </InlineFieldRow>
      )}
    </>
  );
}

function MetricFields({ query, update }: { query: MetricQuery; update: (q: DoraQuery) => void }) {
  const choice = metricChoice(query.metric);
  // Rates and counts have one reading; of the aggregations only 'count' changes them.
  const oneReading = !!choice && !choice.aggregates;
  const aggregations = oneReading ? AGGREGATION_OPTIONS.filter((a) => a.value === 'count') : AGGREGATION_OPTIONS;
  return (
    <InlineFieldRow>
      <InlineField label="Metric" labelWidth={LABEL_WIDTH} tooltip="Definitions follow METRICS.md (dora.dev)">
        <Combobox<string>
          id={`dora-metric-${query.refId}`}
          width={36}
          options={METRIC_COMBO_OPTIONS}
          value={selected(METRIC_OPTIONS, query.metric)}
          createCustomValue
          onChange={(o) => update({ ...query, metric: o.value as MetricQuery['metric'] })}
        />
      </InlineField>
      <InlineField label="Aggregation" tooltip="How the values of a bucket are summarised (durations)">
        <Combobox<string>
          id={`dora-aggregation-${query.refId}`}
          width={16}
          options={comboOptions(aggregations)}
          value={
            oneReading && query.aggregation !== 'count'
              ? null
              : selected(AGGREGATION_OPTIONS, query.aggregation ?? 'median')
          }
          placeholder="One reading"
          createCustomValue
          isClearable
          onChange={(o) => update({ ...query, aggregation: (o?.value ?? 'median') as MetricQuery['aggregation'] })}
        />
      </InlineField>
      <InlineField label="Interval" tooltip="Bucket size of the time series">
        <Combobox<string>
          id={`dora-interval-${query.refId}`}
          width={18}
          options={comboOptions(INTERVAL_OPTIONS)}
          value={selected(INTERVAL_OPTIONS, query.interval ?? 'auto')}
          createCustomValue
          onChange={(o) => update({ ...query, interval: o.value as MetricQuery['interval'] })}
        />
      </InlineField>
      <GroupByField query={query} update={update} fallback="none" />
    </InlineFieldRow>
  );
}

function GroupByField({
  query,
  update,
  fallback,
}: {
  query: MetricQuery | ScorecardQuery;
  update: (q: DoraQuery) => void;
  fallback: 'none' | 'service';
}) {
  return (
    <InlineField label="Group by" tooltip="One series (or row) per value">
      <Combobox<string>
        id={`dora-group-by-${query.refId}`}
        width={18}
        options={comboOptions(GROUP_BY_OPTIONS)}
        value={selected(GROUP_BY_OPTIONS, query.groupBy ?? fallback)}
        createCustomValue
        onChange={(o) => update({ ...query, groupBy: o.value as MetricQuery['groupBy'] })}
      />
    </InlineField>
  );
}

function comboOptions<T extends string>(options: Array<Choice<T>>): Array<ComboboxOption<string>> {
  return options.map(({ value, label, description }) => ({ value, label, description }));
}

/** Metrics grouped by category in the picker. */
const METRIC_COMBO_OPTIONS: Array<ComboboxOption<string>> = METRIC_OPTIONS.map(
  ({ value, label, description, category }) => ({
    value,
    label,
    description,
    group: category,
  })
);

/** The option for a value; unknown values (e.g. "$metric") are shown as typed. */
function selected<T extends string>(
  options: Array<Choice<T>>,
  value: string | undefined
): ComboboxOption<string> | null {
  if (!value) {
    return null;
  }
  const found = options.find((o) => o.value === value);
  return found ? { value: found.value, label: found.label } : { value, label: value };
}

/** A query of another kind that keeps the refId and the fields both kinds share. */
export function switchKind(query: DoraQuery, kind: QueryKind): DoraQuery {
  if (query.kind === kind) {
    return query;
  }
  const { refId, hide, datasource, key, queryType, filters } = query;
  const common = { refId, hide, datasource, key, queryType, filters };
  const groupBy = 'groupBy' in query ? query.groupBy : undefined;
  switch (kind) {
    case 'metric': {
      const q: MetricQuery = {
        ...common,
        kind,
        metric: 'deploymentCount',
        aggregation: 'median',
        interval: 'auto',
        groupBy: groupBy ?? 'none',
      };
      return q;
    }
    case 'scorecard': {
      const q: ScorecardQuery = { ...common, kind, groupBy: groupBy && groupBy !== 'none' ? groupBy : 'service' };
      return q;
    }
    case 'events': {
      const q: EventsQuery = { ...common, kind, entity: 'deployments' };
      return q;
    }
    case 'dataQuality': {
      const q: DataQualityQuery = { ...common, kind };
      return q;
    }
  }
}
