import { DataFrameType, FieldType } from '@grafana/data';
import { MetricSeries } from '../engine';
import { metricDisplayName, metricFrames } from './metricFrames';
import { toDataFrames } from './dataFrame';

const DAY = 24 * 3600 * 1000;
const T = Date.UTC(2026, 4, 4);

const leadTime: MetricSeries = {
  metric: 'leadTime',
  group: 'checkout',
  valueKind: 'duration',
  points: [
    { time: T, value: 3 * 3600 * 1000, count: 4 },
    { time: T + 7 * DAY, value: null, count: 0 },
  ],
};

describe('metricFrames', () => {
  it('builds one time-series frame per group, durations in ms with dtdurationms, labelled by the group', () => {
    const other = { ...leadTime, group: 'search', points: [] };
    const frames = toDataFrames(
      metricFrames([leadTime, other], { refId: 'A', groupBy: 'service', aggregation: 'p90' })
    );
    expect(frames).toHaveLength(2);
    const [frame] = frames;
    expect(frame.refId).toBe('A');
    expect(frame.meta?.type).toBe(DataFrameType.TimeSeriesMulti);
    expect(frame.length).toBe(2);
    const [time, value] = frame.fields;
    expect(time.type).toBe(FieldType.time);
    expect(time.values).toEqual([T, T + 7 * DAY]);
    expect(value.type).toBe(FieldType.number);
    expect(value.values).toEqual([10800000, null]);
    expect(value.config.unit).toBe('dtdurationms');
    expect(value.config.displayNameFromDS).toBe('checkout · Change lead time (p90)');
    expect(value.labels).toEqual({ service: 'checkout' });
    expect(frames[1].length).toBe(0);
    expect(frames[1].fields[1].config.displayNameFromDS).toBe('search · Change lead time (p90)');
  });

  it('uses percentunit for rates and short for counts, without aggregation or group in an ungrouped name', () => {
    const cfr: MetricSeries = {
      metric: 'changeFailRate',
      group: 'all',
      valueKind: 'rate',
      points: [{ time: T, value: 0.25, count: 4 }],
    };
    const count: MetricSeries = {
      metric: 'deploymentCount',
      group: 'all',
      valueKind: 'count',
      points: [{ time: T, value: 4, count: 4 }],
    };
    const [cfrFrame, countFrame] = toDataFrames(
      metricFrames([cfr, count], { refId: 'B', groupBy: 'none', aggregation: 'median' })
    );
    expect(cfrFrame.fields[1].config).toMatchObject({
      unit: 'percentunit',
      min: 0,
      max: 1,
      displayNameFromDS: 'Change fail rate',
    });
    expect(cfrFrame.fields[1].labels).toBeUndefined();
    expect(countFrame.fields[1].config).toMatchObject({ unit: 'short', decimals: 0, displayNameFromDS: 'Deployments' });
  });

  it('names counts of duration metrics as counts', () => {
    expect(metricDisplayName({ metric: 'leadTime', valueKind: 'count' }, 'count')).toBe('Change lead time (count)');
    expect(metricDisplayName({ metric: 'recoveryTime', valueKind: 'duration' }, 'median')).toBe(
      'Failed deployment recovery time (median)'
    );
  });

  it('shows days since the last deployment in days, and a series note as an info notice', () => {
    const days: MetricSeries = {
      metric: 'daysSinceLastDeployment',
      group: 'ledger',
      valueKind: 'days',
      points: [{ time: T, value: null, count: 0 }],
      notes: ['ledger: no production deployment before 2026-05-04 00:00 UTC in the fetched history'],
    };
    const [frame] = metricFrames([days], { refId: 'D', groupBy: 'service', aggregation: 'median' });
    expect(frame.fields[1].config).toMatchObject({
      unit: 'd',
      min: 0,
      displayNameFromDS: 'ledger · Days since last deployment',
    });
    expect(frame.fields[1].values).toEqual([null]);
    expect(frame.meta?.notices).toEqual([{ severity: 'info', text: days.notes?.[0] }]);
    const [plain] = metricFrames([leadTime], { refId: 'A', groupBy: 'service', aggregation: 'median' });
    expect(plain.meta?.notices).toBeUndefined();
  });
});
