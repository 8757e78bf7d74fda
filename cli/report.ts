/** A scorecard row as the CLI prints it: hours instead of milliseconds, rounded for reading. */
import { HOUR_MS, ScorecardRow } from '../src/engine';

export interface CliRow {
  group: string;
  deployments: number;
  deploymentsPerDay: number;
  deploymentsPerWeek: number;
  deploymentDaysPerWeek: number;
  leadTimeMedianHours: number | null;
  changeFailRate: number | null;
  recoveryMedianHours: number | null;
  timeToRestoreMedianHours: number | null;
  reworkRate: number | null;
  levels: ScorecardRow['levels'];
  score: ScorecardRow['score'];
  notes: string[];
}

export function toCliRow(row: ScorecardRow): CliRow {
  return {
    group: row.group,
    deployments: row.deployments,
    deploymentsPerDay: round(row.deploymentsPerDay, 3),
    deploymentsPerWeek: round(row.deploymentsPerWeek, 3),
    deploymentDaysPerWeek: round(row.deploymentDaysPerWeek, 2),
    leadTimeMedianHours: hours(row.leadTimeMedianMs),
    changeFailRate: rate(row.changeFailRate),
    recoveryMedianHours: hours(row.recoveryMedianMs),
    timeToRestoreMedianHours: hours(row.timeToRestoreMedianMs),
    reworkRate: rate(row.reworkRate),
    levels: row.levels,
    score: { throughput: score(row.score.throughput), instability: score(row.score.instability) },
    notes: row.notes,
  };
}

function hours(ms: number | null | undefined): number | null {
  return typeof ms === 'number' ? round(ms / HOUR_MS, 2) : null;
}

function rate(value: number | null | undefined): number | null {
  return typeof value === 'number' ? round(value, 4) : null;
}

function score(value: number | null | undefined): number | null {
  return typeof value === 'number' ? round(value, 2) : null;
}

function round(value: number, decimals: number): number {
  const factor = Math.pow(10, decimals);
  return Math.round(value * factor) / factor;
}
