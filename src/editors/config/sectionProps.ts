import { DoraJsonData } from '../../settings/model';

/** What a settings section needs: the current settings and a way to change some of them. */
export interface SectionProps {
  jsonData: DoraJsonData;
  /** Merges the patch into jsonData; a key set to undefined falls back to its default. */
  onChange: (patch: Partial<DoraJsonData>) => void;
}

/** The text of a number field as a number, or undefined when the field is empty (then the default applies). */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

/** The text of a pattern field, or undefined when empty (then the default applies). */
export function textOrUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}
