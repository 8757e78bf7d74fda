/** One valid query, attributed events in, frame descriptions out: the engine computes, the framers shape. */
import {
  Attributed,
  BenchmarkYear,
  computeMetric,
  computeScorecard,
  DataQualityFinding,
  deploymentContexts,
  selectAll,
  shippedBy,
  TimeRange,
  TimeZone,
} from '../engine';
import { annotationFrameFor } from '../frames/annotations';
import { selectFindings, withOutcome } from './select';
import { ValidQuery } from '../query/validate';
import { dataQualityFrame } from '../frames/dataQualityFrame';
import {
  changesFrame,
  deploymentsFrame,
  incidentLinkMethods,
  incidentsFrame,
  pipelineRunsFrame,
} from '../frames/eventsFrames';
import { isAnnotated } from '../query/vocabulary';
import { metricFrames } from '../frames/metricFrames';
import { onCallFrame, OnCallRow } from '../frames/onCallFrame';
import { selectOnCall } from './onCall';
import { FrameDescription } from '../frames/frame';
import { scorecardFrame } from '../frames/scorecardFrame';

export interface ComputeContext {
  /** The dashboard's range (not the look-back widened one). */
  range: TimeRange;
  zone: TimeZone;
  /** Grafana's interval, for the 'auto' bucket. */
  intervalMs?: number;
  benchmarkYear: BenchmarkYear;
  /** Findings the wiring adds (e.g. a source without events). */
  extraFindings: DataQualityFinding[];
  /** Who is on call now (read only when a query asks). */
  onCall?: OnCallRow[];
}

export function describeFrames(query: ValidQuery, attributed: Attributed, ctx: ComputeContext): FrameDescription[] {
  switch (query.kind) {
    case 'metric': {
      const series = computeMetric(attributed, {
        metric: query.metric,
        aggregation: query.aggregation,
        bucket: query.interval,
        intervalMs: ctx.intervalMs,
        groupBy: query.groupBy,
        range: ctx.range,
        zone: ctx.zone,
        filters: query.filters,
      });
      return metricFrames(series, { refId: query.refId, groupBy: query.groupBy, aggregation: query.aggregation });
    }
    case 'scorecard': {
      const rows = computeScorecard(attributed, {
        groupBy: query.groupBy,
        range: ctx.range,
        zone: ctx.zone,
        filters: query.filters,
        benchmarkYear: ctx.benchmarkYear,
      });
      return [scorecardFrame(rows, query.refId, query.groupBy)];
    }
    case 'events': {
      const entity = query.entity;
      if (query.format === 'annotations' && isAnnotated(entity)) {
        return [annotationFrameFor({ ...query, entity }, attributed, ctx.range)];
      }
      const selected = selectAll(attributed, ctx.range, query.filters);
      switch (query.entity) {
        case 'deployments':
          return [
            deploymentsFrame(
              withOutcome(selected.deployments, query.outcome),
              {
                incidentLinks: incidentLinkMethods(attributed.incidents),
                contexts: deploymentContexts(attributed),
                owners: attributed.owners,
              },
              query.refId
            ),
          ];
        case 'changes':
          return [changesFrame(selected.changes, query.refId, attributed.owners)];
        case 'incidents':
          return [incidentsFrame(selected.incidents, query.refId, attributed.runbooks, attributed.owners)];
        case 'pipelineRuns':
          return [pipelineRunsFrame(selected.pipelineRuns, shippedBy(attributed), query.refId, attributed.owners)];
      }
    }
    case 'dataQuality': {
      const findings = ctx.extraFindings.concat(attributed.dataQuality);
      return [dataQualityFrame(selectFindings(findings, attributed, query.filters), query.refId)];
    }
    case 'onCall':
      return [onCallFrame(selectOnCall(ctx.onCall ?? [], query.filters), query.refId)];
  }
}
