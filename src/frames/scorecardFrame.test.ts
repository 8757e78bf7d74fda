import { FieldType, getDisplayProcessor, createTheme } from '@grafana/data';
import { ScorecardRow } from '../engine';
import { scorecardFrame } from './scorecardFrame';
import { toDataFrame } from './dataFrame';

const row = (group: string, overrides: Partial<ScorecardRow> = {}): ScorecardRow => ({
  group,
  deployments: 12,
  deploymentsPerDay: 12 / 28,
  deploymentsPerWeek: 3,
  deploymentDaysPerWeek: 2.5,
  leadTimeMedianMs: 26 * 3600 * 1000,
  changeFailRate: 1 / 12,
  recoveryMedianMs: 2 * 3600 * 1000,
  timeToRestoreMedianMs: 3 * 3600 * 1000,
  reworkRate: 0.5 / 12,
  levels: { deploymentFrequency: 'high', leadTime: 'high', changeFailRate: 'high', recoveryTime: 'high' },
  score: { throughput: 7.3, instability: 9.4 },
  notes: [],
  ...overrides,
});

describe('scorecardFrame', () => {
  const frame = toDataFrame(
    scorecardFrame(
      [
        row('payments'),
        row('search', {
          deployments: 0,
          leadTimeMedianMs: null,
          changeFailRate: null,
          levels: { deploymentFrequency: 'low', leadTime: null, changeFailRate: null, recoveryTime: 'elite' },
          score: { throughput: 2, instability: null },
          notes: ['No deployments in the range.', 'Second note.'],
        }),
      ],
      'S',
      'team'
    )
  );
  const field = (name: string) => {
    const f = frame.fields.find((x) => x.name === name);
    if (!f) {
      throw new Error(`no field ${name}`);
    }
    return f;
  };

  it('has one row per group, named after the group-by, with metrics in native units', () => {
    expect(frame.length).toBe(2);
    expect(field('Team').values).toEqual(['payments', 'search']);
    expect(field('Lead time (median)').values).toEqual([93600000, null]);
    expect(field('Lead time (median)').config.unit).toBe('dtdurationms');
    expect(field('Change fail rate').config.unit).toBe('percentunit');
    expect(field('Deployments').values).toEqual([12, 0]);
    expect(field('Notes').values).toEqual(['', 'No deployments in the range. Second note.']);
  });

  it('shows levels as words on colours', () => {
    const level = field('Recovery time level');
    expect(level.type).toBe(FieldType.string);
    expect(level.values).toEqual(['high', 'elite']);
    const display = getDisplayProcessor({ field: level, theme: createTheme() });
    const elite = display('elite');
    expect(elite.text).toBe('Elite');
    expect(elite.color).toBe(createTheme().visualization.getColorByName('green'));
    expect(display('low').text).toBe('Low');
    expect(field('Lead time level').values).toEqual(['high', null]);
  });

  it('colours scores by thresholds: low scores red, high ones green', () => {
    const score = field('Throughput score');
    expect(score.values).toEqual([7.3, 2]);
    const display = getDisplayProcessor({ field: score, theme: createTheme() });
    const theme = createTheme();
    expect(display(2).color).toBe(theme.visualization.getColorByName('red'));
    expect(display(9).color).toBe(theme.visualization.getColorByName('green'));
    expect(field('Instability score').values).toEqual([9.4, null]);
  });

  it('calls the group column "Group" without a group-by', () => {
    expect(toDataFrame(scorecardFrame([row('all')], 'S', 'none')).fields[0].name).toBe('Group');
  });
});
