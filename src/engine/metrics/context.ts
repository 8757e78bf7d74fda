/** What every metric computation starts from: the checked request, its buckets and its grouping. */
import { EngineInputError } from '../attribution/inputError';
import { Attributed } from '../attribution/types';
import { Buckets, buildBuckets, resolveBucketKind } from '../buckets';
import { Aggregation, MetricRequest, ValueKind } from '../results';
import { attributedColumns } from './columns';
import { compileGroupers, Dimensions, Groupers, Grouping } from './dimensions';

export interface MetricContext {
  attributed: Attributed;
  request: MetricRequest;
  buckets: Buckets;
  grouping: Grouping;
  /** The readers and facets of every kind of item. */
  dimensions: Dimensions;
  /** The request's filters and groupBy compiled per kind of item: item -> group, null when filtered out. */
  groupOf: Groupers;
}

const AGGREGATIONS: Aggregation[] = ['median', 'p75', 'p90', 'mean', 'count'];

export function createContext(attributed: Attributed, request: MetricRequest): MetricContext {
  checkAttributed(attributed);
  if (!request || typeof request !== 'object') {
    throw new EngineInputError(
      'metric request',
      request,
      'Pass { metric, aggregation, bucket, groupBy, range, zone }.'
    );
  }
  if (AGGREGATIONS.indexOf(request.aggregation) < 0) {
    throw new EngineInputError('aggregation', request.aggregation, `Use one of ${AGGREGATIONS.join(', ')}.`);
  }
  if (!request.zone || typeof request.zone.offsetMinutesAt !== 'function') {
    throw new EngineInputError('zone', request.zone, 'Pass a TimeZone such as UTC or fixedOffset(60) from the engine.');
  }
  if (request.intervalMs !== undefined && !(typeof request.intervalMs === 'number' && request.intervalMs > 0)) {
    throw new EngineInputError(
      'intervalMs',
      request.intervalMs,
      "Pass Grafana's panel interval as a positive number of milliseconds, or leave it out."
    );
  }
  if (
    request.slaMs !== undefined &&
    !(typeof request.slaMs === 'number' && request.slaMs >= 0 && isFinite(request.slaMs))
  ) {
    throw new EngineInputError(
      'slaMs',
      request.slaMs,
      'Pass a non-negative number of milliseconds, e.g. 900000 for 15 minutes.'
    );
  }
  const kind = resolveBucketKind(request.bucket, request.range, request.intervalMs);
  const grouping = new Grouping(request.groupBy, request.filters);
  const dimensions = attributedColumns(attributed).dimensions;
  return {
    attributed,
    request,
    buckets: buildBuckets(request.range, kind, request.zone),
    grouping,
    dimensions,
    groupOf: compileGroupers(grouping, dimensions),
  };
}

export function checkAttributed(attributed: Attributed): void {
  if (!attributed || typeof attributed !== 'object') {
    throw new EngineInputError('attributed', attributed, 'Pass the result of attribute(events).');
  }
  const lists: Array<keyof Attributed> = ['deployments', 'failedAttempts', 'changes', 'incidents', 'pipelineRuns'];
  for (const key of lists) {
    if (!Array.isArray(attributed[key])) {
      throw new EngineInputError(`attributed.${key}`, attributed[key], 'Pass the result of attribute(events).');
    }
  }
  if (!attributed.teams || typeof attributed.teams !== 'object') {
    throw new EngineInputError('attributed.teams', attributed.teams, 'Pass the result of attribute(events).');
  }
}

/** Durations aggregated with 'count' are counts. */
export function durationKind(aggregation: Aggregation): ValueKind {
  return aggregation === 'count' ? 'count' : 'duration';
}
