/** Data quality and on call: both are about services, so the editor is only the service and team filters. */
import React from 'react';
import { DataQualityQuery, OnCallQuery } from '../../query/model';
import { FiltersRow } from './FiltersRow';
import { KindEditorProps } from './types';
import { withOptional } from './withOptional';

export function ServiceFiltersQueryEditor<Q extends DataQualityQuery | OnCallQuery>({
  query,
  onChange,
  datasource,
  range,
}: KindEditorProps<Q>) {
  return (
    <FiltersRow
      filters={query.filters}
      onChange={(filters) => onChange(withOptional(query, 'filters', filters))}
      datasource={datasource}
      range={range}
      idPrefix={`dora-${query.refId}`}
      keys={['services', 'teams']}
    />
  );
}
