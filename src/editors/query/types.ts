import { TimeRange as GrafanaTimeRange } from '@grafana/data';
import { TimeRange } from '../../engine';
import { DoraQuery } from '../../query/model';
import { DoraVariableQuery } from '../../query/variableQuery';

/** What the editors ask of the data source (DataSource implements it; tests stub it). */
export interface EditorDataSource {
  listValues(query: DoraVariableQuery, range?: TimeRange): Promise<string[]>;
  /** "$team", "$service", ...: the dashboard's variables. */
  templateVariableNames(): string[];
  /** Problems in the data source settings, shown above the query. */
  settingsProblems?(): Promise<string[]>;
}

/** Props of every per-kind editor. `onChange` stores the query and runs it. */
export interface KindEditorProps<Q extends DoraQuery> {
  query: Q;
  onChange: (query: DoraQuery) => void;
  datasource: EditorDataSource;
  /** The panel's time range, for the filter options. */
  range?: GrafanaTimeRange;
}

/** The editors' range in epoch ms, or undefined (the data source then uses the last 30 days). */
export function rangeMs(range: GrafanaTimeRange | undefined): TimeRange | undefined {
  return range ? { from: range.from.valueOf(), to: range.to.valueOf() } : undefined;
}
