/** Data quality: what the numbers could not use, and why. Findings are about services, so only those filters apply. */
import React from 'react';
import { DataQualityQuery } from '../../query/model';
import { QueryFiltersRow } from './FiltersRow';
import { KindEditorProps } from './types';

export function DataQualityQueryEditor({ query, onChange, datasource, range }: KindEditorProps<DataQualityQuery>) {
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
