/** A stand-in for the data source the editors talk to: fixed values per list, a few dashboard variables. */
import { EditorDataSource } from '../query/types';
import { DoraVariableQuery, VariableValues } from '../../query/variableQuery';

export interface FakeEditorDataSource extends EditorDataSource {
  /** Every listValues call, to check what the editors asked for. */
  asked: DoraVariableQuery[];
}

export function fakeEditorDataSource(
  values: Partial<Record<VariableValues, string[] | Error>> = {},
  variables: string[] = ['$team', '$service'],
  settingsProblems: string[] = []
): FakeEditorDataSource {
  const asked: DoraVariableQuery[] = [];
  return {
    asked,
    listValues(query) {
      asked.push(query);
      const found = values[query.values];
      return found instanceof Error ? Promise.reject(found) : Promise.resolve(found ?? []);
    },
    templateVariableNames: () => variables,
    settingsProblems: () => Promise.resolve(settingsProblems),
  };
}
