/**
 * Who is on call now for the services' escalation policies: GET /oncalls for the policies (25 per request), every
 * escalation level. A group that fails is reported with its policies; the others still arrive.
 */
import { isAbortError } from '../abort';
import { CallContext, PagerDutyClient } from './client';
import { OncallsPage, PdOncall, PdService } from './apiTypes';
import { chunkIds } from './services';

export interface OnCallRead {
  oncalls: PdOncall[];
  failures: Array<{ policyIds: string[]; error: unknown }>;
}

export async function readOnCalls(
  client: PagerDutyClient,
  services: PdService[],
  call: CallContext
): Promise<OnCallRead> {
  const policyIds: string[] = [];
  for (const service of services) {
    const id = service.escalation_policy?.id;
    if (id && policyIds.indexOf(id) < 0) {
      policyIds.push(id);
    }
  }
  const out: OnCallRead = { oncalls: [], failures: [] };
  await Promise.all(
    chunkIds(policyIds).map(async (ids) => {
      try {
        await client.pages<OncallsPage, PdOncall>(
          '/oncalls',
          { 'escalation_policy_ids[]': ids, time_zone: 'UTC' },
          (p) => p.oncalls,
          (items) => {
            out.oncalls.push(...items);
            return 'continue';
          },
          call
        );
      } catch (error) {
        if (isAbortError(error)) {
          throw error;
        }
        out.failures.push({ policyIds: ids, error });
      }
    })
  );
  return out;
}
