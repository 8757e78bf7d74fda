/** Whether a query field holds a template variable, which only the dashboard can resolve. */

/** Whether a value is (or contains) a template variable reference ("$team", "${team}", "[[team]]"). */
export function hasVariable(value: unknown): boolean {
  return typeof value === 'string' && /\$\w|\$\{|\[\[/.test(value);
}
