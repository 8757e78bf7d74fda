/**
 * Sending a provider request again after a rate limit (429) or a provider-side error (5xx), with bounded
 * backoff that never waits past the query's deadline. Each provider says what a response means (done, wait how
 * long, or fail) and turns the outcome into its own errors; the waiting and counting live here.
 */
import { abortError } from './abort';
import { HttpResponse } from './http';
import { CallContext } from './rest';

/** What to do with a response: keep it, wait and send again, or give up with it. */
export type RetryDecision =
  | { kind: 'done' }
  | { kind: 'fail' }
  | {
      kind: 'wait';
      ms: number;
      /** 'rate-limit' waits are the provider's limit; 'server' waits are backoff after a 5xx. */
      reason: 'rate-limit' | 'server';
      /** When the provider says the limit resets (epoch ms), if it does. */
      resetAt?: number;
    };

export interface RetryOptions {
  maxRetries: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before every send (request counting). */
  onSend?: () => void;
}

export type RetryOutcome<T> =
  | { ok: true; response: HttpResponse<T> }
  /** Gave up: the last response, and the wait that could not be made (undefined when the decision was 'fail'). */
  | { ok: false; response: HttpResponse<T>; wait?: Extract<RetryDecision, { kind: 'wait' }> };

/** Backoff after a 5xx: 1, 2, 4, 8 s. */
export const SERVER_BACKOFF_MS = [1000, 2000, 4000, 8000];

export function serverBackoff(attempt: number): number {
  return SERVER_BACKOFF_MS[Math.min(attempt, SERVER_BACKOFF_MS.length - 1)];
}

export function isServerError(status: number): boolean {
  return status === 500 || status === 502 || status === 503 || status === 504;
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Number(value) * 1000;
  }
  const at = Date.parse(value);
  return isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function sendWithRetries<T>(
  send: () => Promise<HttpResponse<T>>,
  decide: (response: HttpResponse<T>, attempt: number) => RetryDecision,
  ctx: CallContext,
  options: RetryOptions
): Promise<RetryOutcome<T>> {
  for (let attempt = 0; ; attempt++) {
    if (ctx.signal?.aborted) {
      throw abortError();
    }
    options.onSend?.();
    const response = await send();
    const decision = decide(response, attempt);
    if (decision.kind === 'done') {
      return { ok: true, response };
    }
    if (decision.kind === 'fail') {
      return { ok: false, response };
    }
    const canWait =
      attempt < options.maxRetries && (ctx.deadline === undefined || options.now() + decision.ms <= ctx.deadline);
    if (!canWait) {
      return { ok: false, response, wait: decision };
    }
    await options.sleep(decision.ms, ctx.signal);
  }
}
