/** Grafana units for the engine's value kinds. Durations stay in milliseconds: 'dtdurationms' expects ms. */
import { FieldConfigDescription } from './frame';
import { ValueKind } from '../engine';

export const DURATION_MS_UNIT = 'dtdurationms';
export const RATE_UNIT = 'percentunit';
export const COUNT_UNIT = 'short';
export const DAYS_UNIT = 'd';

export function fieldConfigFor(kind: ValueKind): FieldConfigDescription {
  switch (kind) {
    case 'duration':
      return { unit: DURATION_MS_UNIT, decimals: 1, min: 0 };
    case 'rate':
      return { unit: RATE_UNIT, decimals: 1, min: 0, max: 1 };
    case 'count':
      return { unit: COUNT_UNIT, decimals: 0, min: 0 };
    case 'perPeriod':
      return { unit: COUNT_UNIT, decimals: 2, min: 0 };
    case 'days':
      return { unit: DAYS_UNIT, decimals: 1, min: 0 };
  }
}
