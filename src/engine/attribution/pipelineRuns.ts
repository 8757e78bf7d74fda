/**
 * CI runs (docs/definitions.md#paired-metrics): a run is flaky when it failed and a later attempt of the same
 * repository, workflow and SHA succeeded. Later = later start, then higher attempt, then id, so re-runs of
 * one run (same id, next attempt) and new runs of the same SHA both count.
 */
import { ServiceDirectory } from '../catalog';
import { PipelineRun } from '../model';
import { compareText } from './order';
import { AttributedPipelineRun } from './types';

export function attributeRuns(runs: PipelineRun[], directory: ServiceDirectory): AttributedPipelineRun[] {
  const sorted = runs.slice().sort(compareRuns);
  const lastSuccess = new Map<string, number>();
  sorted.forEach((run, k) => {
    if (run.conclusion === 'success') {
      lastSuccess.set(keyOf(run), k);
    }
  });
  return sorted.map((run, k) => {
    const success = lastSuccess.get(keyOf(run));
    const out: AttributedPipelineRun = {
      run,
      flaky: run.conclusion === 'failure' && success !== undefined && success > k,
    };
    const service = directory.active ? directory.pipelineService(run) : undefined;
    if (service !== undefined) {
      out.service = service;
      out.team = directory.teamOf(service);
    }
    return out;
  });
}

function keyOf(run: PipelineRun): string {
  return `${run.repo}\u0000${run.workflow}\u0000${run.sha}`;
}

function compareRuns(a: PipelineRun, b: PipelineRun): number {
  return a.startedAt - b.startedAt || a.attempt - b.attempt || compareText(a.id, b.id);
}
