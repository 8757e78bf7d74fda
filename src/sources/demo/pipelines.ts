/** CI and deploy pipeline runs of one demo repository, with failures and flaky re-runs. */
import { Instant, MINUTE_MS, PipelineConclusion, PipelineRun } from '../../engine';
import { Random } from './random';

export class PipelineRecorder {
  readonly runs: PipelineRun[] = [];
  private counter = 0;

  constructor(
    private readonly repo: string,
    private readonly rng: Random,
    private readonly ciFailureRate: number,
    private readonly flakyShare: number
  ) {}

  /** A new run id; re-runs keep the id and raise the attempt, as GitHub Actions does. */
  newRunId(workflow: string): string {
    this.counter++;
    return `${this.repo.replace('/', '-')}-${workflow}-${this.counter}`;
  }

  /** CI on a pushed SHA. A failure is either flaky (passes on a re-run of the same SHA) or stays failed. */
  ci(sha: string, branch: string, at: Instant): void {
    const id = this.newRunId('ci');
    const finish = at + this.rng.skewed(4, 18) * MINUTE_MS;
    if (!this.rng.chance(this.ciFailureRate)) {
      this.record(id, 'ci', sha, branch, 1, at, finish, 'success');
      return;
    }
    this.record(id, 'ci', sha, branch, 1, at, finish, 'failure');
    if (this.rng.chance(this.flakyShare)) {
      const retryAt = finish + this.rng.skewed(2, 30) * MINUTE_MS;
      this.record(id, 'ci', sha, branch, 2, retryAt, retryAt + this.rng.skewed(4, 18) * MINUTE_MS, 'success');
    }
  }

  record(
    id: string,
    workflow: string,
    sha: string,
    branch: string,
    attempt: number,
    startedAt: Instant,
    finishedAt: Instant,
    conclusion: PipelineConclusion
  ): void {
    this.runs.push({
      id,
      repo: this.repo,
      workflow,
      sha,
      attempt,
      startedAt,
      finishedAt,
      conclusion,
      branch,
      url: `https://github.example.com/${this.repo}/actions/runs/${id}/attempts/${attempt}`,
    });
  }
}
