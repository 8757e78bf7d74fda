/**
 * Grafana's query API on loopback (POST /api/ds/query answering DataFrameJSON), for the bridge's server-side tests
 * and the backend harness (bench/backend/providerFakes.ts); answers chosen by the query text.
 */
import { Loopback, startLoopback } from '../../testing/loopback';
import { FrameJson } from '../table';

/** Answers a query by its text: the first entry whose key the query text contains. */
export type Answers = Array<{ contains: string; frames?: FrameJson[]; error?: string }>;

export function answerFor(answers: Answers, model: Record<string, unknown>) {
  const text = JSON.stringify(model);
  return answers.find((a) => text.indexOf(a.contains) >= 0);
}

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
