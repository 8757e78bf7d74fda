/**
 * The hand-checked week an incident provider's end-to-end test scores (Monday 2026-02-02, UTC): checkout deploys
 * to production at 09:00 Tuesday to Friday (dep-1 .. dep-4); the provider's "Checkout API" is the catalog's
 * checkout, Search is not in the catalog. Scores a provider's incidents of the week with the engine and frames.
 */
import {
  attribute,
  computeMetric,
  computeScorecard,
  DoraEvents,
  mergeEvents,
  selectIncidents,
  ServiceCatalog,
  UTC,
} from '../../engine';
import { incidentsFrame } from '../../frames/eventsFrames';
import { metricFrames } from '../../frames/metricFrames';
import { scorecardFrame } from '../../frames/scorecardFrame';

export const WEEK_T0 = Date.parse('2026-02-02T00:00:00Z');
const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
export const WEEK = { from: WEEK_T0, to: WEEK_T0 + 7 * DAY };

export const WEEK_CATALOG: ServiceCatalog = {
  services: [{ name: 'checkout', team: 'payments', incidentServices: ['Checkout API'] }],
};

export function weekEvents(incidents: DoraEvents): DoraEvents {
  const deployments = [1, 2, 3, 4].map((day) => ({
    id: `dep-${day}`,
    service: 'checkout',
    environment: 'production',
    repo: 'acme/shop',
    sha: `${day}`.repeat(7),
    finishedAt: WEEK_T0 + day * DAY + 9 * 60 * MIN,
    status: 'success' as const,
    source: 'json',
  }));
  return mergeEvents([incidents, { deployments, changes: [], incidents: [], pipelineRuns: [] }], WEEK_CATALOG);
}

/**
 * The week scored: attributed incidents, the scorecard row, the frames' change fail rate and median time to
 * acknowledge, and the incidents table (the on-call dashboard's) as rows of its columns.
 */
export function scoreWeek(incidents: DoraEvents) {
  const attributed = attribute(weekEvents(incidents), {}, WEEK.to);
  const [row] = computeScorecard(attributed, { groupBy: 'none', range: WEEK, zone: UTC });
  const card = scorecardFrame([row], 'A', 'none');
  const ack = computeMetric(attributed, {
    metric: 'timeToAcknowledge',
    aggregation: 'median',
    bucket: 'range',
    groupBy: 'none',
    range: WEEK,
    zone: UTC,
  });
  return {
    attributed,
    row,
    changeFailRateInFrame: card.fields.find((f) => f.name === 'Change fail rate')?.values[0],
    medianAckInFrame: metricFrames(ack, { refId: 'B', groupBy: 'none', aggregation: 'median' })[0].fields[1].values,
    incidentsTable: (columns: string[]) => {
      const table = incidentsFrame(selectIncidents(attributed, WEEK), 'C', attributed.runbooks);
      const fields = columns.map((name) => table.fields.find((f) => f.name === name)?.values ?? []);
      return (fields[0] ?? []).map((_, row) => fields.map((values) => values[row]));
    },
  };
}
