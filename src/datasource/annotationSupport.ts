/**
 * Annotations of this data source: an annotation's target is an events query of deployments or incidents (with
 * the same filters as any query), run through query() with format 'annotations' and turned into events.
 *
 * Grafana paints every event of one annotation query in that query's colour, whatever colour the event carries;
 * to tell outcomes apart on a dashboard, add one annotation query per outcome (the shipped dashboards do).
 */
import { AnnotationQuery, AnnotationSupport } from '@grafana/data';
import { of } from 'rxjs';
import { AnnotationsEditor } from '../editors/lazy';
import { DoraQuery, EventsQuery } from '../query/model';
import { annotationEvents } from './annotationEvents';

export const DEFAULT_ANNOTATION_TARGET: EventsQuery = { refId: 'Anno', kind: 'events', entity: 'deployments' };

export const annotationSupport: AnnotationSupport<DoraQuery> = {
  getDefaultQuery: () => DEFAULT_ANNOTATION_TARGET,

  prepareAnnotation(json: AnnotationQuery<DoraQuery>): AnnotationQuery<DoraQuery> {
    return { ...json, target: json.target ?? { ...DEFAULT_ANNOTATION_TARGET } };
  },

  /** Only events queries make annotations; anything else (e.g. a metric pasted in) is quietly skipped. */
  prepareQuery(annotation: AnnotationQuery<DoraQuery>): DoraQuery | undefined {
    const target = annotation.target;
    if (!target || target.kind !== 'events') {
      return undefined;
    }
    return { ...target, format: 'annotations' };
  },

  processEvents: (_annotation, frames) => of(annotationEvents(frames)),

  QueryEditor: AnnotationsEditor,
};
