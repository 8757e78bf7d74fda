/**
 * What reading one repository or project shares across code hosts: the first request's failure becomes the whole
 * target's notice (or its rate limit), every later list that fails is collected so that the rest still maps and one
 * notice names what is incomplete, and abbreviated SHAs that incidents name are expanded once all is mapped.
 */
import { DoraEvents, emptyEvents, Incident } from '../engine';
import { isAbortError } from './abort';
import { TargetResult } from './forgeSource';
import { Fetched } from './lists';
import { SourceNotice } from './types';

/** How a provider tells its rate limit apart and words a failure ("GitHub acme/app: ... The fix."). */
export interface FailureWording<Limit> {
  subject: string;
  isRateLimit(e: unknown): e is Limit;
  describe(subject: string, e: unknown): string;
}

/** The whole target failed at its first request: a notice, or the rate limit the source reports with the others. */
export function targetFailure<Limit>(wording: FailureWording<Limit>, e: unknown): TargetResult<Limit> {
  if (isAbortError(e)) {
    throw e;
  }
  if (wording.isRateLimit(e)) {
    return { events: emptyEvents(), notices: [], rateLimited: { lists: ['everything'], error: e } };
  }
  return { events: emptyEvents(), notices: [{ severity: 'error', text: wording.describe(wording.subject, e) }] };
}

/** Collects the lists that failed while the others were kept (their state stored for the next refresh). */
export class ListFailures<Limit> {
  private readonly failures: Array<{ list: string; error: unknown }> = [];

  constructor(private readonly wording: FailureWording<Limit>) {}

  /** The list's state (complete, or what was read before it failed); stored only when complete. */
  keep<S>(list: string, fetched: Fetched<S>, store: (state: S) => void): S {
    if (fetched.error === undefined) {
      store(fetched.state);
    } else {
      this.failures.push({ list, error: fetched.error });
    }
    return fetched.state;
  }

  /** The target's result: one warning naming the incomplete lists, and the lists a rate limit cut short. */
  result(events: DoraEvents, notices: SourceNotice[]): TargetResult<Limit> {
    const { wording } = this;
    const limited = this.failures.filter((f) => wording.isRateLimit(f.error));
    const other = this.failures.filter((f) => !wording.isRateLimit(f.error));
    if (other.length > 0) {
      notices.push({
        severity: 'warning',
        text: `${wording.describe(wording.subject, other[0].error)} Incomplete: ${other.map((f) => f.list).join(', ')}.`,
      });
    }
    const rateLimited =
      limited.length > 0 ? { lists: limited.map((f) => f.list), error: limited[0].error as Limit } : undefined;
    return { events, notices, rateLimited };
  }
}

/** Appends what a mapper gave, unless it gave nothing. */
export function push<T>(into: T[], item: T | undefined): void {
  if (item !== undefined) {
    into.push(item);
  }
}

/** An incident may name an abbreviated SHA; the engine matches full SHAs, so expand it where it is unambiguous. */
export function expandShortShas(events: DoraEvents): void {
  const shas = events.changes.map((c) => c.sha).concat(events.deployments.map((d) => d.sha));
  events.incidents.forEach((incident: Incident) => {
    const short = incident.cause?.sha;
    if (!short || short.length >= 40) {
      return;
    }
    const candidates = Array.from(new Set(shas.filter((sha) => sha.indexOf(short) === 0)));
    if (candidates.length === 1) {
      incident.cause = { ...incident.cause, sha: candidates[0] };
    }
  });
}
