/**
 * What keeps a query from running, as the data source would report it, shown while editing. A field set to a
 * template variable cannot be judged until the dashboard interpolates it: it is checked as if the variable held
 * a valid value, so the other fields are still checked.
 */
import { isComplete, validateQuery } from './validate';
import { DoraQuery } from './model';
import { hasVariable } from './templateVariables';

/** A valid value per field that may hold a variable. */
const STAND_INS: Record<string, string> = {
  metric: 'deploymentCount',
  aggregation: 'median',
  interval: 'auto',
  groupBy: 'none',
  entity: 'deployments',
  leadTimeStart: 'commit',
  outcome: 'success',
  format: 'table',
};

export function queryProblem(query: DoraQuery): string | undefined {
  if (!isComplete(query) || hasVariable(query.kind)) {
    return undefined; // still being edited (the data source skips it), or its very kind is up to the dashboard
  }
  const standIn: Record<string, unknown> = { ...query };
  for (const key of Object.keys(standIn)) {
    if (key !== 'refId' && hasVariable(standIn[key]) && STAND_INS[key]) {
      standIn[key] = STAND_INS[key];
    }
  }
  const result = validateQuery(standIn as unknown as DoraQuery);
  return result.ok ? undefined : result.message;
}
