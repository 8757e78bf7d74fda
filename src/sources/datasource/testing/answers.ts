/**
 * The answers the bridge's fakes give (dataSourceSrv.ts in the browser, services.ts on loopback), chosen by the
 * query text. No Grafana imports, so Node scripts (bench/backend/providerFakes.ts) can start the loopback fake.
 */
import { FrameJson } from '../table';

/** Answers a query by its text: the first entry whose key the query text contains. */
export type Answers = Array<{ contains: string; frames?: FrameJson[]; error?: string }>;

export function answerFor(answers: Answers, model: Record<string, unknown>) {
  const text = JSON.stringify(model);
  return answers.find((a) => text.indexOf(a.contains) >= 0);
}
