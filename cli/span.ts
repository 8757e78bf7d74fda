/**
 * The default range of an events file: the whole days (in the chosen zone) from the first to the last
 * deployment or incident, so a one-off run over a file measures all of it and per-week rates are exact.
 */
import { DAY_MS, DoraEvents, TimeRange } from '../src/engine';
import { CliError } from './errors';

export function eventsSpan(events: DoraEvents, utcOffsetMinutes: number): TimeRange {
  const instants: number[] = [];
  events.deployments.forEach((d) => instants.push(d.finishedAt));
  events.incidents.forEach((i) => instants.push(i.startedAt ?? i.createdAt));
  if (instants.length === 0) {
    throw new CliError(
      'The events file has no deployments or incidents, so there is no range to measure; add some, or pass --from and --to.'
    );
  }
  const offset = utcOffsetMinutes * 60000;
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  return {
    from: Math.floor((first + offset) / DAY_MS) * DAY_MS - offset,
    to: Math.floor((last + offset) / DAY_MS) * DAY_MS + DAY_MS - offset,
  };
}

/** The range of a run over a file: --from and --to where given, else the events' span. */
export function fileRange(
  events: DoraEvents,
  from: number | undefined,
  to: number | undefined,
  utcOffsetMinutes: number
): { range: TimeRange; spanned: boolean } {
  if (from !== undefined && to !== undefined) {
    return { range: { from, to }, spanned: false };
  }
  const span = eventsSpan(events, utcOffsetMinutes);
  return { range: { from: from ?? span.from, to: to ?? span.to }, spanned: true };
}
