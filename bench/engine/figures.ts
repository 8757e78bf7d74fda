/**
 * The numbers both sides produce, in one comparable shape: weekly points per metric and service, and the
 * team scorecard. Points without items (count 0) are left out: they carry no number to disagree on.
 */
import { MetricSeries, ScorecardRow } from '../../src/engine';

export interface WeeklyPoint {
  metric: string;
  group: string;
  /** Bucket start (Monday 00:00 UTC). */
  time: number;
  value: number | null;
  count: number;
}

export type ScorecardFigures = Omit<ScorecardRow, 'notes'>;

export function weeklyFromSeries(series: MetricSeries[]): WeeklyPoint[] {
  const out: WeeklyPoint[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (p.count > 0) {
        out.push({ metric: s.metric, group: s.group, time: p.time, value: p.value, count: p.count });
      }
    }
  }
  return out;
}

export function scorecardFigures(rows: ScorecardRow[]): ScorecardFigures[] {
  return rows.map(({ notes: _notes, ...figures }) => figures);
}
