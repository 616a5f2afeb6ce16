import type { Client } from 'openapi-fetch';
import { MlPlatformError } from '../errors.js';
import { sleep } from '../polling/sleep.js';
import { redactUrl } from '../redact.js';
import type { RetryPolicy } from '../retry/retry-options.js';
import { backoffMs } from '../retry/with-retries.js';
import { TransportErrorCode } from '../transport-error-code.js';
import { abortable } from './abortable.js';
import { CALL_CONTEXT_KEY, type CallContext, newCallContext } from './call-context.js';
import { checkPathParameters } from './path-parameters.js';
import { ResponseErrorCode } from './response-errors.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type CallInit = { signal?: AbortSignal | null } & Record<string, unknown>;
type Call = (url: string, init?: CallInit) => Promise<unknown>;

function stalledAt(context: CallContext): string {
  if (context.waitingFor) return `was still waiting for credentials from ${context.waitingFor}`;
  return context.phase === 'reading' ? 'got no complete response body' : 'got no response';
}

/**
 * Makes every call of `client` bounded as a whole: `timeoutMs` and the
 * caller's `signal` cover credential acquisition (and waiting on another
 * request's), the request, a re-acquisition and replay after a 401, and
 * reading the body. The deadline is created before the middleware chain
 * runs and travels on the Request's `signal`, which the transport and
 * plugins honour; the call itself also stops waiting the moment it fires.
 * A deadline is `REQUEST_TIMEOUT` in every phase, so wait helpers retry it;
 * a 2xx body that is not JSON is `RESPONSE_INVALID_JSON`, never a
 * SyntaxError quoting the body.
 */
export function boundEveryCall<Paths extends {}>(
  client: Client<Paths>,
  baseUrl: string,
  timeoutMs: number | undefined,
  retry: RetryPolicy | undefined,
): Client<Paths> {
  const methods = client as unknown as Record<string, Call>;
  for (const method of METHODS) {
    const inner = methods[method] as Call;
    methods[method] = (url, init) => wholeCall(method, url, init, (next) => inner(url, next));
  }
  const request = (
    client as unknown as { request: (method: string, url: string, init?: CallInit) => Promise<unknown> }
  ).request;
  (client as unknown as { request: unknown }).request = (method: string, url: string, init?: CallInit) =>
    wholeCall(String(method).toUpperCase(), url, init, (next) => request(method, url, next));

  async function wholeCall(
    method: string,
    path: string,
    init: CallInit | undefined,
    run: (init: CallInit) => Promise<unknown>,
  ): Promise<unknown> {
    checkPathParameters(method, path, init?.params);
    const callerSignal = init?.signal ?? undefined;
    const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signals = [callerSignal, deadline].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    for (let attempt = 1; ; attempt += 1) {
      const context = newCallContext(method, `${baseUrl}${path}`);
      try {
        return await abortable(run({ ...init, ...(signal ? { signal } : {}), [CALL_CONTEXT_KEY]: context }), [
          callerSignal,
          deadline,
        ]);
      } catch (error) {
        if (!mayRepeatAfterBrokenBody(context, attempt, signal)) throw explained(error, context);
        // Reading the body is part of the attempt: a connection that broke off mid-body is retried
        // like one reset before the answer, the whole call again (fresh credentials, fresh request).
        const delayMs = backoffMs(attempt, retry as RetryPolicy);
        retry?.onRetry?.({
          attempt,
          delayMs,
          retryAfterMs: undefined,
          method,
          url: redactUrl(context.url),
          status: undefined,
          error: error as MlPlatformError,
        });
        try {
          await sleep(delayMs, signal ?? new AbortController().signal);
        } catch (aborted) {
          throw explained(aborted, context);
        }
      }
    }

    /** The error to throw for `error`: a deadline as REQUEST_TIMEOUT, a body that is not JSON as RESPONSE_INVALID_JSON. */
    function explained(error: unknown, context: CallContext): unknown {
      if (deadline?.aborted && !callerSignal?.aborted) {
        return new MlPlatformError(
          TransportErrorCode.timeout,
          `${method} ${redactUrl(context.url)} ${stalledAt(context)} within timeoutMs (${timeoutMs} ms).`,
          { cause: deadline.reason },
        );
      }
      if (error instanceof SyntaxError && context.phase === 'reading') {
        // The SyntaxError is not kept: its message quotes the body, which may echo a credential.
        return new MlPlatformError(
          ResponseErrorCode.invalidJson,
          `${method} ${redactUrl(context.url)} answered HTTP ${context.status ?? ''} with a body that is not valid JSON ` +
            `(content-type ${context.contentType || 'not set'}). Check that baseUrl points at the API itself, ` +
            'not at a proxy or a web page in front of it.',
        );
      }
      return error;
    }
  }

  /** Idempotent calls (the retry policy's methods, or an Idempotency-Key) with attempts left, not aborted. */
  function mayRepeatAfterBrokenBody(
    context: CallContext,
    attempt: number,
    signal: AbortSignal | undefined,
  ): boolean {
    if (!retry || !context.bodyBrokeOff || signal?.aborted || attempt >= retry.maxAttempts) return false;
    return retry.methods.has(context.method) || context.bodyBrokeOff.idempotencyKey;
  }
  return client;
}
