/**
 * The query editor: the kind of query, then that kind's own small editor (src/editors/query). Every field accepts
 * template variables; what would keep the query from running is shown under it, as the data source reports it.
 */
import React, { useEffect, useState } from 'react';
import { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, RadioButtonGroup } from '@grafana/ui';
import type { DataSource } from '../datasource/DataSource';
import { DoraJsonData } from '../settings/model';
import {
  DataQualityQuery,
  DoraQuery,
  EventsQuery,
  MetricQuery,
  OnCallQuery,
  QueryKind,
  ScorecardQuery,
} from '../query/model';
import { KIND_OPTIONS } from '../query/vocabulary';
import { toOptions } from './query/choices';
import { ServiceFiltersQueryEditor } from './query/ServiceFiltersQueryEditor';
import { EventsQueryEditor } from './query/EventsQueryEditor';
import { MetricQueryEditor } from './query/MetricQueryEditor';
import { queryProblem } from '../query/problem';
import { ScorecardQueryEditor } from './query/ScorecardQueryEditor';
import { switchKind } from '../query/switchKind';
import { EditorDataSource, KindEditorProps } from './query/types';

export { switchKind };

type Props = QueryEditorProps<DataSource, DoraQuery, DoraJsonData>;

const KINDS = toOptions(KIND_OPTIONS);

export function QueryEditor({ query, onChange, onRunQuery, datasource, range }: Props) {
  const update = (next: DoraQuery) => {
    onChange(next);
    onRunQuery();
  };
  const kind: QueryKind = query.kind ?? 'metric';
  const problem = queryProblem(query);
  const settingsProblems = useSettingsProblems(datasource);
  const props = { onChange: update, datasource: datasource as EditorDataSource, range };

  return (
    <EditorRows>
      {settingsProblems.length > 0 && (
        <Alert severity="warning" title="The data source settings need attention">
          {settingsProblems.join(' ')}
        </Alert>
      )}
      <EditorRow>
        <EditorField label="Query" tooltip="What the query returns">
          <RadioButtonGroup<QueryKind>
            options={KINDS}
            value={kind}
            onChange={(value) => update(switchKind(query, value))}
          />
        </EditorField>
      </EditorRow>
      <KindEditor kind={kind} query={query} {...props} />
      {problem && (
        <Alert severity="error" title="This query cannot run">
          {problem}
        </Alert>
      )}
    </EditorRows>
  );
}

/** The data source's settings problems (read once the query pipeline has loaded). */
function useSettingsProblems(datasource: EditorDataSource): string[] {
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    datasource.settingsProblems?.().then(
      (found) => current && setProblems(found),
      () => current && setProblems([])
    );
    return () => {
      current = false;
    };
  }, [datasource]);
  return problems;
}

function KindEditor({ kind, query, ...props }: { kind: QueryKind } & KindEditorProps<DoraQuery>) {
  switch (kind) {
    case 'metric':
      return <MetricQueryEditor query={query as MetricQuery} {...props} />;
    case 'scorecard':
      return <ScorecardQueryEditor query={query as ScorecardQuery} {...props} />;
    case 'events':
      return <EventsQueryEditor query={query as EventsQuery} {...props} />;
    case 'dataQuality':
      return <ServiceFiltersQueryEditor query={query as DataQualityQuery} {...props} />;
    case 'onCall':
      return <ServiceFiltersQueryEditor query={query as OnCallQuery} {...props} />;
  }
}
