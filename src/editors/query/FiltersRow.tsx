/**
 * Service, team, environment and repository filters (and, where a query asks, incident severities and labels of
 * pull requests and incidents): multi-value fields that accept names and template variables
 * (picked from the list or typed as "$var"). An empty field means no filter.
 */
import React, { useMemo } from 'react';
import { TimeRange as GrafanaTimeRange } from '@grafana/data';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { ComboboxOption, MultiCombobox } from '@grafana/ui';
import { Filters } from '../../engine';
import { DoraQuery } from '../../query/model';
import { filterOptionsLoader } from './filterOptions';
import { EditorDataSource, KindEditorProps, rangeMs } from './types';
import { withOptional } from './withOptional';

/** The filters an editor shows: by dimension, and the two that apply to one kind of item (severities, labels). */
export type FilterKey = keyof Pick<
  Required<Filters>,
  'services' | 'teams' | 'environments' | 'repositories' | 'severities' | 'labels'
>;

type DimensionKey = Exclude<FilterKey, 'severities' | 'labels'>;

const DIMENSION_KEYS: DimensionKey[] = ['services', 'teams', 'environments', 'repositories'];

export const ALL_FILTER_KEYS: FilterKey[] = DIMENSION_KEYS;

/** Queries (metric, events, scorecard) also filter incidents by severity, and changes and incidents by label. */
export const QUERY_FILTER_KEYS: FilterKey[] = [...DIMENSION_KEYS, 'severities', 'labels'];

const LABELS: Record<FilterKey, { label: string; tooltip: string }> = {
  services: { label: 'Services', tooltip: 'Only these services (names or variables such as $service)' },
  teams: { label: 'Teams', tooltip: 'Only services of these teams (from the service catalog), e.g. $team' },
  environments: { label: 'Environments', tooltip: 'Only deployments to these production environments' },
  repositories: { label: 'Repositories', tooltip: 'Only these repositories (owner/name)' },
  severities: {
    label: 'Severities',
    tooltip:
      'Incidents: just these severities, as the incident tool names them (e.g. sev1). Change fail rate and recovery ' +
      'time count only failures with such an incident; other items pass.',
  },
  labels: {
    label: 'Labels',
    tooltip:
      'Just the changes whose pull request has one of these labels (e.g. security) and the incidents that have one. ' +
      'Change fail rate and recovery time count only failures with such an incident; other items pass.',
  },
};

interface Props {
  filters: Filters | undefined;
  onChange: (filters: Filters | undefined) => void;
  datasource: EditorDataSource;
  range?: GrafanaTimeRange;
  /** Prefix of the fields' ids, unique per query row. */
  idPrefix: string;
  keys?: FilterKey[];
}

export function FiltersRow({ filters, onChange, datasource, range, idPrefix, keys = ALL_FILTER_KEYS }: Props) {
  // The range object changes on every render of a relative range; its instants are what matter.
  const ms = rangeMs(range);
  const from = ms?.from;
  const to = ms?.to;
  const loaders = useMemo(() => {
    const instants = from === undefined || to === undefined ? undefined : { from, to };
    const out = {} as Record<FilterKey, (input: string) => Promise<Array<ComboboxOption<string>>>>;
    for (const key of [...DIMENSION_KEYS, 'severities' as const, 'labels' as const]) {
      out[key] = filterOptionsLoader(datasource, key, instants);
    }
    return out;
  }, [datasource, from, to]);

  const set = (key: FilterKey, values: string[]) => onChange(withFilter(filters, key, values));

  return (
    <EditorRow>
      {keys.map((key) => (
        <EditorField key={key} label={LABELS[key].label} tooltip={LABELS[key].tooltip} optional>
          <MultiCombobox<string>
            id={`${idPrefix}-filter-${key}`}
            width="auto"
            minWidth={16}
            maxWidth={48}
            options={loaders[key]}
            value={filters?.[key] ?? []}
            placeholder="All"
            createCustomValue
            customValueDescription="Use this name or variable"
            isClearable
            onChange={(options) =>
              set(
                key,
                options.map((o) => o.value)
              )
            }
          />
        </EditorField>
      ))}
    </EditorRow>
  );
}

/**
 * The filters row of a query editor: the query's filters, saved on the query (no key when there is none). Queries
 * filter by severity and label too unless an editor names its keys.
 */
export function QueryFiltersRow({
  query,
  onChange,
  datasource,
  range,
  keys = QUERY_FILTER_KEYS,
}: KindEditorProps<DoraQuery> & { keys?: FilterKey[] }) {
  return (
    <FiltersRow
      filters={query.filters}
      onChange={(filters) => onChange(withOptional(query, 'filters', filters))}
      datasource={datasource}
      range={range}
      idPrefix={`dora-${query.refId}`}
      keys={keys}
    />
  );
}

/** The filters with one key set; empty lists and an empty object are dropped (no filter). */
export function withFilter(filters: Filters | undefined, key: FilterKey, values: string[]): Filters | undefined {
  const next: Filters = { ...filters };
  const unique = values.filter((v, i) => v.trim() !== '' && values.indexOf(v) === i);
  if (unique.length > 0) {
    next[key] = unique;
  } else {
    delete next[key];
  }
  return Object.keys(next).length > 0 ? next : undefined;
}
