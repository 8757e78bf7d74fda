/** Annotation frames for an events query with format 'annotations': deployments as points, incidents as regions. */
import {
  Attributed,
  deploymentOutcome,
  DeploymentOutcome,
  Filters,
  selectDeployments,
  selectIncidentsOverlapping,
  TimeRange,
} from '../../engine';
import { FrameDescription } from '../frame';
import { annotationFrame } from './annotationFrame';
import { deploymentAnnotations } from './deploymentAnnotations';
import { incidentAnnotations } from './incidentAnnotations';

export interface AnnotationRequest {
  refId: string;
  entity: 'deployments' | 'incidents';
  outcome?: DeploymentOutcome;
  filters: Filters;
}

export function annotationFrameFor(
  request: AnnotationRequest,
  attributed: Attributed,
  range: TimeRange
): FrameDescription {
  if (request.entity === 'incidents') {
    const incidents = selectIncidentsOverlapping(attributed, range, request.filters);
    return annotationFrame(incidentAnnotations(incidents, range), request.refId, 'Incidents');
  }
  const deployments = selectDeployments(attributed, range, request.filters).filter(
    (d) => !request.outcome || deploymentOutcome(d) === request.outcome
  );
  return annotationFrame(deploymentAnnotations(deployments, attributed), request.refId, 'Deployments');
}
