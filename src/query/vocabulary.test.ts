import { METRIC_IDS } from '../engine';
import {
  AGGREGATION_OPTIONS,
  ENTITY_OPTIONS,
  FORMAT_OPTIONS,
  GROUP_BY_OPTIONS,
  INTERVAL_OPTIONS,
  KIND_OPTIONS,
  LEAD_TIME_START_METRICS,
  LEAD_TIME_START_OPTIONS,
  METRIC_OPTIONS,
  metricChoice,
  OUTCOME_OPTIONS,
  VARIABLE_VALUE_OPTIONS,
} from './vocabulary';

describe('query option lists', () => {
  it('offer every metric the engine computes, once, and nothing else', () => {
    expect(METRIC_OPTIONS.map((m) => m.value).sort()).toEqual(METRIC_IDS.slice().sort());
  });

  it('let only durations choose an aggregation', () => {
    expect(metricChoice('leadTime')?.aggregates).toBe(true);
    expect(metricChoice('changeFailRate')?.aggregates).toBe(false);
    expect(metricChoice('nope')).toBeUndefined();
  });

  it('have unique values, labels and descriptions', () => {
    for (const list of [
      KIND_OPTIONS,
      METRIC_OPTIONS,
      AGGREGATION_OPTIONS,
      INTERVAL_OPTIONS,
      GROUP_BY_OPTIONS,
      ENTITY_OPTIONS,
      LEAD_TIME_START_OPTIONS,
      OUTCOME_OPTIONS,
      FORMAT_OPTIONS,
      VARIABLE_VALUE_OPTIONS,
    ]) {
      const values = list.map((o) => o.value as string);
      expect(new Set(values).size).toBe(values.length);
      expect(new Set(list.map((o) => o.label)).size).toBe(list.length);
      expect(list.every((o) => o.description.length > 0)).toBe(true);
    }
  });

  it('offer a lead time start only for metrics that are durations', () => {
    for (const id of LEAD_TIME_START_METRICS) {
      expect(metricChoice(id)?.valueKind).toBe('duration');
    }
  });
});
