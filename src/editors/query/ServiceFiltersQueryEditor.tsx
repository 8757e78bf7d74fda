/** Data quality and on call: both are about services, so the editor is only the service and team filters. */
import React from 'react';
import { DataQualityQuery, OnCallQuery } from '../../query/model';
import { QueryFiltersRow } from './FiltersRow';
import { KindEditorProps } from './types';

export function ServiceFiltersQueryEditor<Q extends DataQualityQuery | OnCallQuery>({
  query,
  onChange,
  datasource,
  range,
}: KindEditorProps<Q>) {
  return (
    <QueryFiltersRow
      query={query}
      onChange={onChange}
      datasource={datasource}
      range={range}
      keys={['services', 'teams']}
    />
  );
}
