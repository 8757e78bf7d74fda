/**
 * "Save & test": each source's own health check (or, without one, a fetch of the last 7 days), summarised
 * with one line per source. Settings problems are reported as warnings.
 */
import { TestDataSourceResponse } from '@grafana/data';
import { DAY_MS } from './engine';
import { EventSource, HealthCheckItem, SourceNotice } from './sources/types';
import { messageOf } from './datasource.notices';

export async function checkHealth(
  sources: EventSource[],
  settingsNotices: SourceNotice[],
  now: number,
  redact: (text: string) => string
): Promise<TestDataSourceResponse> {
  const items: HealthCheckItem[] = [];
  for (const source of sources) {
    items.push(...(await checkSource(source, now)));
  }
  for (const notice of settingsNotices) {
    items.push({
      source: 'settings',
      status: notice.severity === 'info' ? 'ok' : notice.severity,
      message: notice.text,
    });
  }
  const errors = items.filter((i) => i.status === 'error');
  const warnings = items.filter((i) => i.status === 'warning');
  const lines = items.map((i) => redact(`${i.source}: ${i.status === 'ok' ? 'OK' : i.status}, ${i.message}`));
  const status = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'success';
  const headline =
    errors.length > 0
      ? redact(`${errors.length} problem(s): ${errors.map((i) => `${i.source}: ${i.message}`).join(' ')}`)
      : warnings.length > 0
        ? redact(
            `Working, with ${warnings.length} warning(s): ${warnings.map((i) => `${i.source}: ${i.message}`).join(' ')}`
          )
        : `Data source is working: ${sources.map((s) => s.name).join(', ')}.`;
  return { status, message: headline, details: { message: lines.join('\n'), verboseMessage: lines.join('\n') } };
}

async function checkSource(source: EventSource, now: number): Promise<HealthCheckItem[]> {
  try {
    if (source.healthCheck) {
      const items = await source.healthCheck();
      return items.length > 0 ? items : [{ source: source.name, status: 'ok', message: 'reachable' }];
    }
    const result = await source.fetchEvents({ from: now - 7 * DAY_MS, to: now });
    const e = result.events;
    const problems = result.notices.filter((n) => n.severity !== 'info');
    return [
      {
        source: source.name,
        status: problems.some((n) => n.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'ok',
        message:
          `${e.deployments.length} deployments, ${e.changes.length} changes, ${e.incidents.length} incidents in the last 7 days` +
          (problems.length > 0 ? `; ${problems.map((n) => n.text).join(' ')}` : '.'),
      },
    ];
  } catch (err) {
    return [{ source: source.name, status: 'error', message: messageOf(err) }];
  }
}
