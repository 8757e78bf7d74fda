/**
 * Error budget per service from its availability objective in the catalog (docs/definitions.md#error-budget):
 * allowed, consumed by incident impact time, and the share remaining, over the objective's window ending at the end
 * of each bucket.
 *
 * - Allowed: (1 - target) x window, e.g. 99.9% over 30 days allows 43.2 minutes.
 * - Consumed: the union of the service's incidents' impact, [impact start (else creation), resolution (else the end
 *   of the window)), clipped to the window; overlapping incidents count once. Filters apply to the incidents, so a
 *   severity or team filter measures what those incidents consumed.
 * - Remaining: 1 - consumed / allowed (negative when the budget is overspent).
 * - Groups: the services with an objective (by service, by team as the sum of its services' budgets and
 *   consumption, or all together). Without any objective the series is empty (null) with a note saying how to add one.
 * - A point's count is the number of incidents that consumed budget in its window.
 */
import { AttributedIncident } from '../attribution/types';
import { DAY_MS } from '../options';
import { MetricId, MetricSeries, SeriesPoint } from '../results';
import { MetricContext } from './context';
import { ALL_GROUP } from './dimensions';
import { incidentInstant } from './instants';
import { compareGroups, forEachGroup } from './series';

type Reading = 'allowed' | 'consumed' | 'remaining';

const METRIC_OF: Record<Reading, MetricId> = {
  allowed: 'errorBudgetAllowed',
  consumed: 'errorBudgetConsumed',
  remaining: 'errorBudgetRemaining',
};

interface ServiceBudget {
  service: string;
  allowedMs: number;
  windowMs: number;
  /** Impact intervals of the service's incidents that pass the filters, sorted by start. */
  impacts: Array<[number, number]>;
}

export function errorBudget(reading: Reading): (ctx: MetricContext) => MetricSeries[] {
  return (ctx) => budgetSeries(ctx, reading);
}

function budgetSeries(ctx: MetricContext, reading: Reading): MetricSeries[] {
  const { attributed, buckets, grouping, groupOf } = ctx;
  const objectives = attributed.objectives ?? {};
  const byGroup = new Map<string, ServiceBudget[]>();
  const budgets = new Map<string, ServiceBudget>();
  for (const service of Object.keys(objectives)) {
    const group = grouping.groupOfCatalogService(service, attributed.teams, attributed.owners);
    if (group === null) {
      continue;
    }
    const { target, windowDays } = objectives[service];
    const budget: ServiceBudget = {
      service,
      // Whole milliseconds: 1 - 0.999 is not exactly 0.001 in floating point.
      allowedMs: Math.round((1 - target) * windowDays * DAY_MS),
      windowMs: windowDays * DAY_MS,
      impacts: [],
    };
    budgets.set(service, budget);
    // A service several teams own is in each owner's budget.
    forEachGroup(group, (g) => {
      const list = byGroup.get(g);
      if (list) {
        list.push(budget);
      } else {
        byGroup.set(g, [budget]);
      }
    });
  }
  const items = attributed.incidents;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const budget = budgets.get(item.incident.service ?? '');
    if (budget && groupOf.incident(item) !== null) {
      budget.impacts.push(impactOf(item));
    }
  }
  budgets.forEach((b) => b.impacts.sort((x, y) => x[0] - y[0]));
  const metric = METRIC_OF[reading];
  const valueKind = reading === 'remaining' ? 'rate' : 'duration';
  if (byGroup.size === 0) {
    if (!grouping.groupsEverything) {
      return [];
    }
    const points = Array.from(buckets.starts, (time): SeriesPoint => ({ time, value: null, count: 0 }));
    return [
      {
        metric,
        group: ALL_GROUP,
        valueKind,
        points,
        notes: [
          'No service of the catalog has an availability objective, so there is no error budget. Add one per service ' +
            'in the data source settings, e.g. "objective: { availability: 99.9%, window: 30d }".',
        ],
      },
    ];
  }
  const groups = Array.from(byGroup.keys()).sort(compareGroups);
  return groups.map((group) => {
    const list = byGroup.get(group) as ServiceBudget[];
    const points: SeriesPoint[] = [];
    for (let b = 0; b < buckets.lo.length; b++) {
      const asOf = buckets.hi[b];
      let allowed = 0;
      let consumed = 0;
      let count = 0;
      for (const budget of list) {
        allowed += budget.allowedMs;
        const used = consumedIn(budget.impacts, asOf - budget.windowMs, asOf);
        consumed += used.ms;
        count += used.count;
      }
      const value =
        reading === 'allowed'
          ? allowed
          : reading === 'consumed'
            ? consumed
            : allowed > 0
              ? 1 - consumed / allowed
              : null;
      points.push({ time: buckets.starts[b], value, count });
    }
    return { metric, group, valueKind, points };
  });
}

/** Impact start (else creation) to resolution; an open incident impacts until the end of any window. */
function impactOf(item: AttributedIncident): [number, number] {
  const resolved = item.incident.resolvedAt;
  return [incidentInstant(item), resolved !== undefined ? resolved : Infinity];
}

/** Length of the union of [start, end) intervals (sorted by start) inside [from, to), and how many touch it. */
export function consumedIn(impacts: Array<[number, number]>, from: number, to: number): { ms: number; count: number } {
  let ms = 0;
  let count = 0;
  let coveredTo = from;
  for (const [start, end] of impacts) {
    if (start >= to) {
      break;
    }
    const a = Math.max(start, coveredTo);
    const b = Math.min(end, to);
    if (end > from) {
      count++;
    }
    if (b > a) {
      ms += b - a;
      coveredTo = b;
    }
  }
  return { ms, count };
}
