/**
 * The editor of an annotation query: deployments (all, or of one outcome) as points, or incidents as regions,
 * with the same filters as any query.
 */
import React from 'react';
import { AnnotationQuery, QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { RadioButtonGroup, Text } from '@grafana/ui';
import { DeploymentOutcome, DoraQuery, EventsQuery } from '../query/model';
import { toOptions } from './query/choices';
import { OUTCOME_RADIO } from './query/EventsQueryEditor';
import { FiltersRow } from './query/FiltersRow';
import { EditorDataSource } from './query/types';
import { withOptional } from './query/withOptional';

type Props = QueryEditorProps<any, DoraQuery> & {
  annotation?: AnnotationQuery<DoraQuery>;
  onAnnotationChange?: (annotation: AnnotationQuery<DoraQuery>) => void;
};

type AnnotatedEntity = 'deployments' | 'incidents';

const ENTITIES = toOptions<AnnotatedEntity>([
  { value: 'deployments', label: 'Deployments', description: 'A point per deployment, with its changes and incidents' },
  { value: 'incidents', label: 'Incidents', description: 'A region per incident, from impact start to resolution' },
]);

/** The target as an events query of deployments or incidents (anything else starts over with deployments). */
export function annotationTargetOf(query: DoraQuery | undefined): EventsQuery & { entity: AnnotatedEntity } {
  if (query?.kind === 'events' && (query.entity === 'deployments' || query.entity === 'incidents')) {
    return { ...query, entity: query.entity };
  }
  return { refId: query?.refId ?? 'Anno', kind: 'events', entity: 'deployments', filters: query?.filters };
}

export function AnnotationsEditor({ query, onChange, datasource, range }: Props) {
  const target = annotationTargetOf(query);
  const setEntity = (entity: AnnotatedEntity) =>
    onChange(
      entity === 'incidents' ? withOptional({ ...target, entity }, 'outcome', undefined) : { ...target, entity }
    );
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Show" tooltip="Deployments as points, incidents as regions">
          <RadioButtonGroup<AnnotatedEntity> options={ENTITIES} value={target.entity} onChange={setEntity} />
        </EditorField>
        {target.entity === 'deployments' && (
          <EditorField label="Outcome" tooltip="Only deployments that succeeded, failed or were rollbacks">
            <RadioButtonGroup<string>
              options={OUTCOME_RADIO}
              value={target.outcome ?? ''}
              onChange={(value) =>
                onChange(withOptional(target, 'outcome', value ? (value as DeploymentOutcome) : undefined))
              }
            />
          </EditorField>
        )}
      </EditorRow>
      <FiltersRow
        filters={target.filters}
        onChange={(filters) => onChange(withOptional(target, 'filters', filters))}
        datasource={datasource as EditorDataSource}
        range={range}
        idPrefix={`dora-annotation-${target.refId}`}
      />
      <Text variant="bodySmall" color="secondary">
        Grafana paints every event of one annotation query in that query&apos;s colour. To tell outcomes apart, add one
        query per outcome: succeeded in green, failed in red, rollbacks in orange.
      </Text>
    </EditorRows>
  );
}
