/** Option lists (src/query/vocabulary.ts) as Grafana Combobox and radio options. */
import { ComboboxOption } from '@grafana/ui';
import { Choice } from '../../query/vocabulary';

/** Choices as the options of a Combobox or a RadioButtonGroup (value, label, description). */
export function toOptions<T extends string>(
  options: Array<Choice<T>>
): Array<{ value: T; label: string; description?: string }> {
  return options.map(({ value, label, description }) => ({ value, label, description }));
}

/**
 * A Combobox value: a known value as itself (so Combobox finds its option and offers to clear it), an unknown
 * one (e.g. "$metric") as an option that shows it as typed.
 */
export function selected<T extends string>(
  options: Array<Choice<T>>,
  value: string | undefined
): string | ComboboxOption<string> | null {
  if (!value) {
    return null;
  }
  return options.some((o) => o.value === value) ? value : { value, label: value };
}
