/**
 * Events behind the numbers: deployments (optionally of one outcome), changes, incidents or pipeline runs, as a
 * table or (deployments and incidents) as annotation rows (time, timeEnd, title, text, tags, color).
 */
import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { RadioButtonGroup } from '@grafana/ui';
import { DeploymentOutcome, EventEntity, EventsFormat, EventsQuery } from '../../query/model';
import { ENTITY_OPTIONS, FORMAT_OPTIONS, isAnnotated, OUTCOME_OPTIONS } from '../../query/vocabulary';
import { toOptions } from './choices';
import { ALL_FILTER_KEYS, QUERY_FILTER_KEYS, QueryFiltersRow, withFilter } from './FiltersRow';
import { KindEditorProps } from './types';
import { withOptional } from './withOptional';

const ENTITIES = toOptions(ENTITY_OPTIONS);
const FORMATS = toOptions(FORMAT_OPTIONS);
/** '' stands for "all outcomes" (no outcome field). */
export const OUTCOME_RADIO = [
  { value: '', label: 'All', description: 'Every deployment' },
  ...toOptions(OUTCOME_OPTIONS),
];

/** Pipeline runs have neither incident severities nor labels: those two filters would pass every run. */
function filterKeysOf(entity: EventEntity) {
  return entity === 'pipelineRuns' ? ALL_FILTER_KEYS : QUERY_FILTER_KEYS;
}

export function EventsQueryEditor({ query, onChange, datasource, range }: KindEditorProps<EventsQuery>) {
  const entity = query.entity ?? 'deployments';
  const setEntity = (next: EventEntity) => {
    let q: EventsQuery = { ...query, entity: next };
    if (next !== 'deployments') {
      q = withOptional(q, 'outcome', undefined);
    }
    if (!isAnnotated(next)) {
      q = withOptional(q, 'format', undefined);
    }
    if (next === 'pipelineRuns') {
      // The fields go; a filter the editor no longer shows must not stay on the query.
      const filters = withFilter(withFilter(q.filters, 'severities', []), 'labels', []);
      q = withOptional(q, 'filters', filters);
    }
    onChange(q);
  };
  return (
    <>
      <EditorRow>
        <EditorField label="Events" tooltip="Which events to list, with their attribution">
          <RadioButtonGroup<EventEntity> options={ENTITIES} value={entity} onChange={setEntity} />
        </EditorField>
        {entity === 'deployments' && (
          <EditorField label="Outcome" tooltip="Only deployments that succeeded, failed or were rollbacks">
            <RadioButtonGroup<string>
              options={OUTCOME_RADIO}
              value={query.outcome ?? ''}
              onChange={(value) =>
                onChange(withOptional(query, 'outcome', value ? (value as DeploymentOutcome) : undefined))
              }
            />
          </EditorField>
        )}
        {isAnnotated(entity) && (
          <EditorField label="Format" tooltip="A table with every attribution column, or annotation rows">
            <RadioButtonGroup<EventsFormat>
              options={FORMATS}
              value={query.format ?? 'table'}
              onChange={(format) => onChange(withOptional(query, 'format', format === 'table' ? undefined : format))}
            />
          </EditorField>
        )}
      </EditorRow>
      <QueryFiltersRow
        query={query}
        onChange={onChange}
        datasource={datasource}
        range={range}
        keys={filterKeysOf(entity)}
      />
    </>
  );
}
