/** What every metric computation starts from: the checked request, its buckets and its grouping. */
import { Attributed } from '../attribution/types';
import { Buckets, buildBuckets, resolveBucketKind } from '../buckets';
import { Aggregation, MetricRequest, ValueKind } from '../results';
import { Dimensions, Grouping } from './dimensions';

export interface MetricContext {
  attributed: Attributed;
  request: MetricRequest;
  buckets: Buckets;
  dims: Dimensions;
  grouping: Grouping;
}

const AGGREGATIONS: Aggregation[] = ['median', 'p75', 'p90', 'mean', 'count'];

export function createContext(attributed: Attributed, request: MetricRequest): MetricContext {
  checkAttributed(attributed);
  if (!request || typeof request !== 'object') {
    throw new Error('the metric request is missing; pass { metric, aggregation, bucket, groupBy, range, zone }');
  }
  if (AGGREGATIONS.indexOf(request.aggregation) < 0) {
    throw new Error(`aggregation "${String(request.aggregation)}" is not known; use one of ${AGGREGATIONS.join(', ')}`);
  }
  if (!request.zone || typeof request.zone.offsetMinutesAt !== 'function') {
    throw new Error('zone is missing; pass a TimeZone such as UTC or fixedOffset(60) from the engine');
  }
  if (request.intervalMs !== undefined && !(typeof request.intervalMs === 'number' && request.intervalMs > 0)) {
    throw new Error(`intervalMs ${String(request.intervalMs)} is not a positive number of milliseconds; pass Grafana's panel interval or leave it out`);
  }
  if (request.slaMs !== undefined && !(typeof request.slaMs === 'number' && request.slaMs >= 0 && isFinite(request.slaMs))) {
    throw new Error(`slaMs ${String(request.slaMs)} is not a non-negative number of milliseconds; pass e.g. 900000 for 15 minutes`);
  }
  const kind = resolveBucketKind(request.bucket, request.range, request.intervalMs);
  return {
    attributed,
    request,
    buckets: buildBuckets(request.range, kind, request.zone),
    dims: new Dimensions(attributed),
    grouping: new Grouping(request.groupBy, request.filters),
  };
}

export function checkAttributed(attributed: Attributed): void {
  if (!attributed || typeof attributed !== 'object') {
    throw new Error('attributed events are missing; pass the result of attribute(events)');
  }
  const lists: Array<keyof Attributed> = ['deployments', 'failedAttempts', 'changes', 'incidents', 'pipelineRuns'];
  for (const key of lists) {
    if (!Array.isArray(attributed[key])) {
      throw new Error(`attributed.${key} is not an array; pass the result of attribute(events)`);
    }
  }
  if (!attributed.teams || typeof attributed.teams !== 'object') {
    throw new Error('attributed.teams is missing; pass the result of attribute(events)');
  }
}

/** Durations aggregated with 'count' are counts. */
export function durationKind(aggregation: Aggregation): ValueKind {
  return aggregation === 'count' ? 'count' : 'duration';
}
