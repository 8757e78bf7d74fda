/**
 * How many requests the incident providers (PagerDuty, Jira, incident.io) cost a dashboard (npm run bench:incidents).
 *
 * PagerDuty: 2,000 incidents over 10 services inside a 90-day dashboard plus the 30-day look-back, with their log
 * entries (trigger, notification, acknowledgement, resolution, some notes), served by the loopback fake PagerDuty.
 * Eight panels refresh at once; they share one fetch through the data source's EventCache
 * (src/sources/eventCache.ts), and the real PagerDutySource/PagerDutyClient do the fetching. Then the same
 * dashboard refreshes five minutes later, after the event cache's TTL, with nothing changed upstream.
 *
 * The naive figure is what a per-panel, per-incident client would send for the same dashboard: per panel, the
 * pages of GET /incidents (100 a page), then GET /incidents/{id}/log_entries for each incident's acknowledgement.
 *
 * Jira: 2,000 incident issues in the same window, with status changes in their changelog (time to acknowledge from
 * the first status move), served by the loopback fake Jira (Cloud, enhanced JQL search). Naive: per panel, the
 * search pages, then GET /rest/api/3/issue/{key}/changelog for each issue.
 *
 * incident.io: 2,000 incidents in the same window, every timestamp in the list answer, served by the loopback fake
 * incident.io. Naive: per panel, the incident pages at the API's default page size (25).
 *
 * The last line is JSON: {"first_refresh_requests": N, "unchanged_refresh_requests": M, "naive_requests": K, ...}.
 * The exit code is 1 when a target is missed (N independent of the panel count, K >= 10 N, M <= 5).
 */
import { setMaxListeners } from 'events';
import { measureIncidentIoRequests } from '../../src/sources/incidentio/testing/requestBudget';
import { measureJiraRequests } from '../../src/sources/jira/testing/requestBudget';
import { measureRequests } from '../../src/sources/pagerduty/testing/requestBudget';

const PANELS = 8;

async function main() {
  // Every panel's requests listen on the shared fetch's AbortSignal; Node warns past 10 listeners.
  setMaxListeners(100);
  const shape = { incidents: 2000, services: 10 };
  const started = Date.now();
  const r = await measureRequests({
    shape,
    panels: PANELS,
    dashboardDays: 90,
    lookbackDays: 30,
    now: Date.parse('2026-03-01T00:00:00Z'),
  });
  const byRequest: Record<string, number> = {};
  for (const q of r.firstRequests) {
    const key = q.path.replace(/\?.*/, '').replace(/\/incidents\/[^/]+$/, '/incidents/{id}');
    byRequest[key] = (byRequest[key] ?? 0) + 1;
  }
  const acknowledged = r.events.incidents.filter((i) => i.acknowledgedAt !== undefined).length;
  console.log(`pagerduty: ${JSON.stringify(shape)}; ${PANELS} panels, 90-day dashboard + 30-day look-back`);
  console.log(`events: ${r.events.incidents.length} incidents (${acknowledged} acknowledged)`);
  console.log(`first refresh by request: ${JSON.stringify(byRequest)}`);
  console.log(`first refresh: ${r.first} (one panel: ${r.onePanel})`);
  console.log(
    `unchanged refresh: ${r.unchanged}: ${r.unchangedRequests.map((q) => q.path.replace(/\?.*/, '')).join(', ')}`
  );
  console.log(
    `naive: ${r.naive} (${PANELS} panels x ${r.naivePerPanel}); ${(r.naive / r.first).toFixed(1)}x more; ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  const jira = await measureJiraRequests({
    issues: 2000,
    panels: PANELS,
    windowDays: 120,
    now: Date.parse('2026-03-01T00:00:00Z'),
  });
  const jiraAcked = jira.events.incidents.filter((i) => i.acknowledgedAt !== undefined).length;
  console.log(
    `jira: 2000 incident issues; events: ${jira.events.incidents.length} incidents (${jiraAcked} acknowledged)`
  );
  console.log(
    `jira first refresh: ${jira.first} (one panel: ${jira.onePanel}); unchanged: ${jira.unchanged}; naive: ${jira.naive}`
  );
  const io = await measureIncidentIoRequests({
    incidents: 2000,
    panels: PANELS,
    windowDays: 120,
    now: Date.parse('2026-03-01T00:00:00Z'),
  });
  const ioAcked = io.events.incidents.filter((i) => i.acknowledgedAt !== undefined).length;
  console.log(`incident.io: 2000 incidents; events: ${io.events.incidents.length} incidents (${ioAcked} acknowledged)`);
  console.log(
    `incident.io first refresh: ${io.first} (one panel: ${io.onePanel}); unchanged: ${io.unchanged}; naive: ${io.naive}`
  );
  const missed: string[] = [];
  if (io.first !== io.onePanel || io.first * 10 > io.naive || io.unchanged > 5) {
    missed.push('incident.io targets (panel-independent first refresh, 10x under naive, unchanged <= 5)');
  }
  if (jira.first !== jira.onePanel || jira.first * 10 > jira.naive || jira.unchanged > 5) {
    missed.push('jira targets (panel-independent first refresh, 10x under naive, unchanged <= 5)');
  }
  if (r.first !== r.onePanel) {
    missed.push('first refresh depends on the panel count');
  }
  if (r.first * 10 > r.naive) {
    missed.push('first refresh is not ten times smaller than the naive client');
  }
  if (r.unchanged > 5) {
    missed.push('unchanged refresh needs more than 5 requests');
  }
  if (missed.length > 0) {
    console.error(`targets missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
  console.log(
    JSON.stringify({
      first_refresh_requests: r.first + jira.first + io.first,
      unchanged_refresh_requests: r.unchanged + jira.unchanged + io.unchanged,
      naive_requests: r.naive + jira.naive + io.naive,
      pagerduty: { first: r.first, unchanged: r.unchanged, naive: r.naive },
      jira: { first: jira.first, unchanged: jira.unchanged, naive: jira.naive },
      incidentio: { first: io.first, unchanged: io.unchanged, naive: io.naive },
    })
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
