/** The scorecard table: one row per group with every metric in native units, its level and the DORA score. */
import { GroupBy, Level, ScorecardRow } from '../engine';
import { GROUP_BY_OPTIONS, labelOf } from '../query/vocabulary';
import { FieldConfigDescription, FieldDescription, FrameDescription } from './frame';
import { LEVEL_FIELD_CONFIG, SCORE_FIELD_CONFIG } from './levels';
import { fieldConfigFor } from './units';

type NumberColumn = { name: string; config: FieldConfigDescription; value: (row: ScorecardRow) => number | null };
type LevelColumn = { name: string; value: (row: ScorecardRow) => Level | null };

const NUMBER_COLUMNS: NumberColumn[] = [
  { name: 'Deployments', config: fieldConfigFor('count'), value: (r) => r.deployments },
  { name: 'Deployments per day', config: fieldConfigFor('perPeriod'), value: (r) => r.deploymentsPerDay },
  { name: 'Deployments per week', config: fieldConfigFor('perPeriod'), value: (r) => r.deploymentsPerWeek },
  { name: 'Deployment days per week', config: fieldConfigFor('perPeriod'), value: (r) => r.deploymentDaysPerWeek },
  { name: 'Lead time (median)', config: fieldConfigFor('duration'), value: (r) => r.leadTimeMedianMs },
  { name: 'Change fail rate', config: fieldConfigFor('rate'), value: (r) => r.changeFailRate },
  { name: 'Recovery time (median)', config: fieldConfigFor('duration'), value: (r) => r.recoveryMedianMs },
  { name: 'Time to restore (median)', config: fieldConfigFor('duration'), value: (r) => r.timeToRestoreMedianMs },
  { name: 'Rework rate', config: fieldConfigFor('rate'), value: (r) => r.reworkRate },
];

const LEVEL_COLUMNS: LevelColumn[] = [
  { name: 'Deployment frequency level', value: (r) => r.levels.deploymentFrequency },
  { name: 'Lead time level', value: (r) => r.levels.leadTime },
  { name: 'Change fail rate level', value: (r) => r.levels.changeFailRate },
  { name: 'Recovery time level', value: (r) => r.levels.recoveryTime },
];

export function scorecardFrame(rows: ScorecardRow[], refId: string, groupBy: GroupBy): FrameDescription {
  const groupName = groupBy === 'none' ? 'Group' : labelOf(GROUP_BY_OPTIONS, groupBy);
  return {
    refId,
    name: 'Scorecard',
    fields: [
      { name: groupName, type: 'string', values: rows.map((r) => r.group) },
      ...NUMBER_COLUMNS.map((c): FieldDescription => ({
        name: c.name,
        type: 'number',
        values: rows.map(c.value),
        config: c.config,
      })),
      ...LEVEL_COLUMNS.map((c): FieldDescription => ({
        name: c.name,
        type: 'string',
        values: rows.map(c.value),
        config: LEVEL_FIELD_CONFIG,
      })),
      {
        name: 'Throughput score',
        type: 'number',
        values: rows.map((r) => r.score.throughput),
        config: {
          ...SCORE_FIELD_CONFIG,
          description: 'DORA Quick Check, 0-10, higher is better: mean of lead time, deployment frequency and recovery',
        },
      },
      {
        name: 'Instability score',
        type: 'number',
        values: rows.map((r) => r.score.instability),
        config: {
          ...SCORE_FIELD_CONFIG,
          description:
            'DORA Quick Check, 0-10, higher is better (more stable): mean of change fail rate and rework rate',
        },
      },
      { name: 'Notes', type: 'string', values: rows.map((r) => r.notes.join(' ')) },
    ],
  };
}
