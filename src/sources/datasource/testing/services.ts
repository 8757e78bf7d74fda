/**
 * A fake of Grafana's query API on loopback (POST /api/ds/query answering DataFrameJSON), the server's way to a data
 * source; the browser's way, Grafana's data source service, is faked in dataSourceSrv.ts with the same answers.
 */
import { Loopback, startLoopback } from '../../testing/loopback';
import { Answers, answerFor } from './answers';

export async function startFakeQueryApi(answers: Answers, prefix = ''): Promise<Loopback> {
  return startLoopback((r) => {
    if (r.method !== 'POST' || r.path !== `${prefix}/api/ds/query`) {
      return { status: 404, body: { message: 'Not found' } };
    }
    const body = r.body as { queries?: Array<Record<string, unknown> & { refId: string }> };
    const results: Record<string, unknown> = {};
    let failed = false;
    for (const q of body.queries ?? []) {
      const answer = answerFor(answers, q);
      if (answer?.error) {
        failed = true;
        results[q.refId] = { status: 400, error: answer.error, errorSource: 'downstream' };
      } else {
        results[q.refId] = { status: 200, frames: answer?.frames ?? [] };
      }
    }
    return { status: failed ? 400 : 200, body: { results } };
  });
}
