/**
 * "Save & test": every configured source is checked on its own, in parallel, and reported on its own lines:
 * reachable and authorised (the source's own health check, e.g. GitHub's token and repositories, with a warning
 * when the token can write), how many deployments, changes and incidents it has in the last 7 days, and what is
 * wrong with the fix. Settings problems are reported too. Any error makes the test fail; warnings make it a
 * warning; the per-source lines are in the details.
 */
import { DAY_MS, DoraEvents, TimeRange } from '../engine';
import { errorSentence } from './notices';
import { EventSource, HealthCheckItem, SourceNotice } from '../sources/types';

export const HEALTH_WINDOW_DAYS = 7;

/** What Grafana's "Save & test" shows (the shape of its TestDataSourceResponse), without Grafana's types. */
export interface HealthResult {
  status: 'success' | 'warning' | 'error';
  message: string;
  details?: { message?: string; verboseMessage?: string };
}

type Status = HealthCheckItem['status'];

export async function checkHealth(
  sources: EventSource[],
  settingsNotices: SourceNotice[],
  now: number,
  redact: (text: string) => string
): Promise<HealthResult> {
  const perSource = await Promise.all(sources.map((source) => checkSource(source, now)));
  const items = ([] as HealthCheckItem[]).concat(...perSource);
  for (const notice of settingsNotices) {
    items.push({
      source: 'settings',
      status: notice.severity === 'info' ? 'ok' : notice.severity,
      message: notice.text,
    });
  }
  if (sources.length === 0 && !items.some((i) => i.status === 'error')) {
    items.push({
      source: 'settings',
      status: 'error',
      message: 'No source is configured. Enable a provider (e.g. GitHub) or the demo data in the settings.',
    });
  }
  const errors = items.filter((i) => i.status === 'error');
  const warnings = items.filter((i) => i.status === 'warning');
  const status = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'success';
  const lines = items.map((i) => redact(`${i.source}: ${STATUS_WORD[i.status]}: ${sentence(i.message)}`));
  return {
    status,
    message: redact(headline(sources, errors, warnings)),
    details: { message: lines.join(' · '), verboseMessage: lines.join('\n') },
  };
}

const STATUS_WORD: Record<Status, string> = { ok: 'OK', warning: 'warning', error: 'error' };

function headline(sources: EventSource[], errors: HealthCheckItem[], warnings: HealthCheckItem[]): string {
  const about = (list: HealthCheckItem[]) => list.map((i) => `${i.source}: ${sentence(i.message)}`).join(' ');
  if (errors.length > 0) {
    return `${plural(errors.length, 'problem')} to fix. ${about(errors)}`;
  }
  if (warnings.length > 0) {
    return `Working, with ${plural(warnings.length, 'warning')}. ${about(warnings)}`;
  }
  return `Data source is working: ${sources.map((s) => s.name).join(', ')}.`;
}

/** One source: its own checks (reachable, authorised), then the events of the last 7 days unless those failed. */
async function checkSource(source: EventSource, now: number): Promise<HealthCheckItem[]> {
  const items: HealthCheckItem[] = [];
  if (source.healthCheck) {
    try {
      items.push(...(await source.healthCheck()));
    } catch (e) {
      items.push({ source: source.name, status: 'error', message: unreachable(source, e) });
    }
    if (items.some((i) => i.status === 'error')) {
      return items; // counting events would fail the same way; the check says why
    }
  }
  try {
    const window = { from: now - HEALTH_WINDOW_DAYS * DAY_MS, to: now };
    const result = await source.fetchEvents(window);
    items.push(countItem(source.name, result.events, window));
    for (const notice of result.notices) {
      items.push({
        source: source.name,
        status: notice.severity === 'info' ? 'ok' : notice.severity,
        message: notice.text,
      });
    }
  } catch (e) {
    items.push({ source: source.name, status: 'error', message: unreachable(source, e) });
  }
  return items;
}

/**
 * "12 deployments (and 2 failed attempts), 80 changes, 3 incidents in the last 7 days", with a hint when there
 * are none. Only events inside the window count: sources also return older history (commits for ancestry).
 */
export function countItem(source: string, events: DoraEvents, window: TimeRange): HealthCheckItem {
  const inWindow = (t: number) => t >= window.from && t < window.to;
  const finished = events.deployments.filter((d) => inWindow(d.finishedAt));
  const deployments = finished.filter((d) => d.status === 'success').length;
  const attempts = finished.filter((d) => d.status === 'failure' || d.status === 'cancelled').length;
  const changes = events.changes.filter((c) => inWindow(c.committedAt)).length;
  const incidents = events.incidents.filter((i) => inWindow(i.startedAt ?? i.createdAt)).length;
  const counts =
    `${plural(deployments, 'deployment')}${attempts > 0 ? ` (and ${plural(attempts, 'failed attempt')})` : ''}, ` +
    `${plural(changes, 'change')}, ${plural(incidents, 'incident')} in the last ${HEALTH_WINDOW_DAYS} days`;
  if (deployments + attempts + changes + incidents === 0) {
    return {
      source,
      status: 'warning',
      message:
        `reachable, but no deployments, changes or incidents in the last ${HEALTH_WINDOW_DAYS} days. ` +
        'If that is unexpected, check the repositories and the environment, workflow and branch patterns of this source.',
    };
  }
  if (deployments === 0 && changes > 0) {
    return {
      source,
      status: 'warning',
      message:
        `${counts}: changes but no successful production deployment. ` +
        'If that is unexpected, check how this source recognises deployments (deployment source, environment pattern).',
    };
  }
  return { source, status: 'ok', message: `reachable, ${counts}.` };
}

function unreachable(source: EventSource, e: unknown): string {
  const text = errorSentence(e);
  // Provider errors already name the fix; a bare one gets the general advice.
  return /check|set |give |use |refresh|fix/i.test(text)
    ? text
    : `${text} Check the ${source.name} section of the data source settings and that Grafana can reach the API.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
