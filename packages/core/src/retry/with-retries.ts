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
  return async (request) => {
    if (!mayRetry(request, policy)) return send(request);
    // Read the body once so every attempt sends the same bytes.
    const body = request.body === null ? null : await request.arrayBuffer();
    const attemptRequest = () => (body === null ? request : new Request(request, { body }));
    for (let attempt = 1; ; attempt += 1) {
      let delayMs: number;
      let retryAfter: number | undefined;
      let status: number | undefined;
      let error: MlPlatformError | undefined;
      try {
        const response = await send(attemptRequest());
        if (attempt >= policy.maxAttempts || !policy.statuses.has(response.status)) return response;
        retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now());
        // Waiting longer than the caller allowed helps nobody: hand the answer back instead.
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) return response;
        await response.body?.cancel().catch(() => undefined);
        status = response.status;
        delayMs = retryAfter ?? backoffMs(attempt, policy);
      } catch (failure) {
        if (attempt >= policy.maxAttempts || request.signal.aborted || !isDroppedConnection(failure))
          throw failure;
        error = failure;
        delayMs = backoffMs(attempt, policy);
      }
      policy.onRetry?.({
        attempt,
        delayMs,
        retryAfterMs: retryAfter,
        method: request.method,
        url: redactUrl(request.url),
        status,
        error,
      });
      await sleep(delayMs, request.signal);
    }
  };
}
