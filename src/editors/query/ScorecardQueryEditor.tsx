/** A scorecard: every DORA metric with its level and the DORA score, one row per group. */
import React from 'react';
import { EditorRow } from '@grafana/plugin-ui';
import { ScorecardQuery } from '../../query/model';
import { SCORECARD_GROUP_BY_OPTIONS } from '../../query/vocabulary';
import { QueryFiltersRow } from './FiltersRow';
import { GroupByField } from './GroupByField';
import { LeadTimeStartField } from './LeadTimeStartField';
import { KindEditorProps } from './types';
import { withOptional } from './withOptional';

export function ScorecardQueryEditor({ query, onChange, datasource, range }: KindEditorProps<ScorecardQuery>) {
  return (
    <>
      <EditorRow>
        <GroupByField
          id={`dora-group-by-${query.refId}`}
          value={query.groupBy}
          fallback="service"
          choices={SCORECARD_GROUP_BY_OPTIONS}
          onChange={(groupBy) => onChange({ ...query, groupBy })}
        />
        <LeadTimeStartField
          id={`dora-lead-time-start-${query.refId}`}
          value={query.leadTimeStart}
          onChange={(leadTimeStart) => onChange(withOptional(query, 'leadTimeStart', leadTimeStart))}
        />
      </EditorRow>
      <QueryFiltersRow query={query} onChange={onChange} datasource={datasource} range={range} />
    </>
  );
}
