import { MlPlatformError } from '../errors.js';
import type { FetchFunction } from '../fetch-function.js';
import { NetworkErrorCode, networkCauseCode } from '../network-error.js';
import { sleep } from '../polling/sleep.js';
import { redactUrl } from '../redact.js';
import { retryAfterMs } from './retry-after.js';
import type { RetryPolicy } from './retry-options.js';

/** Connections the server dropped: safe to send an idempotent request again on a new one. */
const DROPPED_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isDroppedConnection(error: unknown): error is MlPlatformError {
  return (
    error instanceof MlPlatformError &&
    error.code === NetworkErrorCode.network &&
    DROPPED_CONNECTION.has(networkCauseCode(error) ?? '')
  );
}

/**
 * Idempotent methods only (RFC 9110 section 9.2.2): a POST that reached the
 * server before the connection dropped may have run. A caller marks one safe
 * with an `Idempotency-Key` header (the IETF draft's convention) or the policy's `methods`.
 */
function mayRetry(request: Request, policy: RetryPolicy): boolean {
  return policy.methods.has(request.method) || request.headers.has('idempotency-key');
}

/** Full jitter (AWS "Exponential Backoff And Jitter"): uniform in [0, min(cap, base * 2^(attempt-1))). */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(policy.random() * ceiling);
}

/**
 * Sends again after 429/502/503/504 or a dropped connection, with backoff or
 * the server's `Retry-After`, up to `maxAttempts` in all. The request's
 * `signal` bounds every attempt and every wait: an abort ends it at once.
 * This sits below the middleware, so the 401 replay of the auth plugins stays
 * separate and every attempt carries the headers they set.
 */
export function withRetries(send: FetchFunction, policy: RetryPolicy | undefined): FetchFunction {
  if (!policy) return send;

  /**
   * Attempt `number` of `request`: a promise chain, so an answer that needs no retry passes straight
   * through; a retryable one takes the async path (wait, then the next attempt).
   */
  const attempt = (request: Request, copy: () => Request, number: number): Promise<Response> =>
    send(copy()).then(
      (response) =>
        number >= policy.maxAttempts || !policy.statuses.has(response.status)
          ? response
          : afterStatus(request, copy, number, response),
      (failure: unknown) => {
        if (number >= policy.maxAttempts || request.signal.aborted || !isDroppedConnection(failure))
          throw failure;
        return again(request, copy, number, { delayMs: backoffMs(number, policy), error: failure });
      },
    );

  const afterStatus = async (
    request: Request,
    copy: () => Request,
    number: number,
    response: Response,
  ): Promise<Response> => {
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now());
    // Waiting longer than the caller allowed helps nobody: hand the answer back instead.
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return response;
    await response.body?.cancel().catch(() => undefined);
    return again(request, copy, number, {
      delayMs: retryAfter ?? backoffMs(number, policy),
      retryAfterMs: retryAfter,
      status: response.status,
    });
  };

  const again = async (
    request: Request,
    copy: () => Request,
    number: number,
    why: { delayMs: number; retryAfterMs?: number | undefined; status?: number; error?: MlPlatformError },
  ): Promise<Response> => {
    policy.onRetry?.({
      attempt: number,
      delayMs: why.delayMs,
      retryAfterMs: why.retryAfterMs,
      method: request.method,
      url: redactUrl(request.url),
      status: why.status,
      error: why.error,
    });
    await sleep(why.delayMs, request.signal);
    return attempt(request, copy, number + 1);
  };

  return (request) => {
    if (!mayRetry(request, policy)) return send(request);
    if (request.body === null) return attempt(request, () => request, 1);
    // Read the body once so every attempt sends the same bytes.
    return request.arrayBuffer().then((body) => attempt(request, () => new Request(request, { body }), 1));
  };
}
