/**
 * Template variables of this data source: a small editor picks what to list (services, teams, environments,
 * repositories, optionally narrowed by filters such as `$team`), and the values come from the events of the
 * dashboard's range through the same cache as the panels, plus the service catalog.
 */
import {
  createDataFrame,
  CustomVariableSupport,
  DataQueryRequest,
  DataQueryResponse,
  FieldType,
  LoadingState,
} from '@grafana/data';
import { Observable } from 'rxjs';
import type { DataSource } from './DataSource';
import { VariableQueryEditor } from '../editors/lazy';
import { DoraQuery } from '../query/model';
import { DEFAULT_VARIABLE_QUERY, DoraVariableQuery, variableQueryOf } from '../query/variableQuery';

export class DoraVariableSupport extends CustomVariableSupport<DataSource, DoraVariableQuery, DoraQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  getDefaultQuery(): Partial<DoraQuery> {
    // Grafana types this with the panel query, but hands it to the variable editor.
    return DEFAULT_VARIABLE_QUERY as unknown as Partial<DoraQuery>;
  }

  query(request: DataQueryRequest<DoraVariableQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      // A variable saved before it was edited (or by an older version) has no query object yet.
      const target = variableQueryOf(request.targets[0]);
      const range = { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
      this.datasource.listValues(target, range, request.scopedVars ?? {}, controller.signal).then(
        (values) => {
          subscriber.next({ data: [valuesFrame(values, target.refId)], state: LoadingState.Done });
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error)
      );
      return () => controller.abort();
    });
  }
}

/** Grafana reads a variable's options from the "text" and "value" fields. */
export function valuesFrame(values: string[], refId: string) {
  return createDataFrame({
    refId,
    fields: [
      { name: 'text', type: FieldType.string, values },
      { name: 'value', type: FieldType.string, values },
    ],
  });
}
