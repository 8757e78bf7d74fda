/** Data quality: what the numbers could not use, and why. Findings are about services, so only those filters apply. */
import React from 'react';
import { DataQualityQuery } from '../../query/model';
import { FiltersRow } from './FiltersRow';
import { KindEditorProps } from './types';
import { withOptional } from './withOptional';

export function DataQualityQueryEditor({ query, onChange, datasource, range }: KindEditorProps<DataQualityQuery>) {
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
