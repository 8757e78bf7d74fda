/**
 * The editor of a template variable of this data source: what to list (services, teams, environments,
 * repositories), optionally only for some teams (e.g. `$team`, for a service variable chained to a team one).
 */
import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { RadioButtonGroup, Text } from '@grafana/ui';
import type { DataSource } from '../datasource/DataSource';
import { DoraJsonData } from '../settings/model';
import { DoraQuery } from '../query/model';
import { DoraVariableQuery, variableQueryOf, VariableValues } from '../query/variableQuery';
import { VARIABLE_VALUE_OPTIONS } from '../query/vocabulary';
import { toOptions } from './query/choices';
import { FiltersRow } from './query/FiltersRow';
import { EditorDataSource } from './query/types';
import { withOptional } from './query/withOptional';

type Props = QueryEditorProps<DataSource, DoraQuery, DoraJsonData, DoraVariableQuery>;

const VALUES = toOptions(VARIABLE_VALUE_OPTIONS);

export function VariableQueryEditor({ query: stored, onChange, datasource, range }: Props) {
  const query = variableQueryOf(stored);
  const setValues = (values: VariableValues) => {
    const next: DoraVariableQuery = { ...query, values };
    // A team variable narrowed by teams would only list itself.
    onChange(values === 'teams' ? withOptional(next, 'filters', undefined) : next);
  };
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Values" tooltip="What the variable lists">
          <RadioButtonGroup<VariableValues> options={VALUES} value={query.values} onChange={setValues} />
        </EditorField>
      </EditorRow>
      {query.values !== 'teams' && (
        <FiltersRow
          filters={query.filters}
          onChange={(filters) => onChange(withOptional(query, 'filters', filters))}
          datasource={datasource as EditorDataSource}
          range={range}
          idPrefix={`dora-variable-${query.refId}`}
          keys={['teams']}
        />
      )}
      <Text variant="bodySmall" color="secondary">
        Values come from the events of the dashboard&apos;s time range (with the look-back of the data source settings)
        and from the service catalog.
      </Text>
    </EditorRows>
  );
}
