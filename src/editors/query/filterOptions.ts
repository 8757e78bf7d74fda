/**
 * The options of a filter field: the dashboard's variables first (a filter accepts "$team"), then the values the
 * data source knows for that dimension in the panel's range (events + catalog). Typing narrows both; a failure to
 * load is shown as an option that cannot be picked, naming what went wrong.
 */
import { ComboboxOption } from '@grafana/ui';
import { messageOf, TimeRange } from '../../engine';
import { labelOf, VARIABLE_VALUE_OPTIONS } from '../../query/vocabulary';
import { VariableValues } from '../../query/variableQuery';
import { EditorDataSource } from './types';

export const VARIABLES_GROUP = 'Dashboard variables';

function variableOptions(datasource: EditorDataSource, input: string): Array<ComboboxOption<string>> {
  const needle = input.trim().toLowerCase();
  return datasource
    .templateVariableNames()
    .filter((name) => needle === '' || name.toLowerCase().indexOf(needle) >= 0)
    .map((name) => ({ value: name, label: name, description: 'Dashboard variable', group: VARIABLES_GROUP }));
}

export function filterOptionsLoader(
  datasource: EditorDataSource,
  values: VariableValues,
  range: TimeRange | undefined
): (input: string) => Promise<Array<ComboboxOption<string>>> {
  const group = labelOf(VARIABLE_VALUE_OPTIONS, values);
  return async (input: string) => {
    const needle = input.trim().toLowerCase();
    const matches = (text: string) => needle === '' || text.toLowerCase().indexOf(needle) >= 0;
    const variables = variableOptions(datasource, input);
    try {
      const known = await datasource.listValues({ refId: `options-${values}`, values }, range);
      return [...variables, ...known.filter(matches).map((value) => ({ value, label: value, group }))];
    } catch (e) {
      const message = messageOf(e);
      return [
        ...variables,
        { value: `__error_${values}`, label: `Could not list ${values}: ${message}`, infoOption: true },
      ];
    }
  };
}
