/** How performance levels and DORA scores look in tables: a word and a colour per level, thresholds per score. */
import { FieldConfigDescription, ValueMappingDescription } from './frame';
import { Level } from '../engine';

export const LEVEL_COLORS: Record<Level, string> = {
  elite: 'green',
  high: 'blue',
  medium: 'orange',
  low: 'red',
};

const LEVEL_TEXT: Record<Level, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

export const LEVEL_MAPPINGS: ValueMappingDescription[] = [
  {
    type: 'value',
    options: {
      elite: { text: LEVEL_TEXT.elite, color: LEVEL_COLORS.elite, index: 0 },
      high: { text: LEVEL_TEXT.high, color: LEVEL_COLORS.high, index: 1 },
      medium: { text: LEVEL_TEXT.medium, color: LEVEL_COLORS.medium, index: 2 },
      low: { text: LEVEL_TEXT.low, color: LEVEL_COLORS.low, index: 3 },
    },
  },
];

/** A level column: the mapped word on a coloured background. */
export const LEVEL_FIELD_CONFIG: FieldConfigDescription = {
  mappings: LEVEL_MAPPINGS,
  noValue: 'n/a',
  custom: { cellOptions: { type: 'color-background', mode: 'basic' }, align: 'center' },
};

/** DORA Quick Check scores, 0..10, higher is better. */
export const SCORE_FIELD_CONFIG: FieldConfigDescription = {
  unit: 'none',
  decimals: 1,
  min: 0,
  max: 10,
  color: { mode: 'thresholds' },
  thresholds: {
    mode: 'absolute',
    steps: [
      { value: -Infinity, color: 'red' },
      { value: 4, color: 'orange' },
      { value: 6, color: 'yellow' },
      { value: 8, color: 'green' },
    ],
  },
  custom: { cellOptions: { type: 'color-text' } },
};
