import type { Client, Middleware } from 'openapi-fetch';
import { MlPlatformError } from '../errors.js';
import type { FetchFunction } from '../fetch-function.js';
import { sleep } from '../polling/sleep.js';
import { redactUrl } from '../redact.js';
import type { RetryPolicy } from '../retry/retry-options.js';
import { backoffMs } from '../retry/with-retries.js';
import { TransportErrorCode } from '../transport-error-code.js';
import { abortable } from './abortable.js';
import { bodyFailure } from './body-limit.js';
import { RequestAllowingBodyOnGet } from './body-on-get.js';
import { type CallContext, callFetch, newCallContext } from './call-context.js';
import { checkPathParameters } from './path-parameters.js';
import { ResponseErrorCode } from './response-errors.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** A call's init as openapi-fetch takes it: the part core reads, and the rest passed on untouched. */
type CallInit = {
  signal?: AbortSignal | null | undefined;
  params?: unknown;
  body?: unknown;
} & Record<string, unknown>;

/** openapi-fetch's `client.request`, untyped: core only forwards the call. */
type Request_ = (method: string, path: string, init: CallInit) => Promise<unknown>;

/** What the call wrapper needs to know about the client it wraps. */
export interface WholeCallSettings {
  /** The client's baseUrl, for messages about a call that got no response. */
  readonly baseUrl: string;
  /** Bound on each call as a whole, when set. */
  readonly timeoutMs: number | undefined;
  /** The retry policy, for a call whose body broke off; undefined when retries are off. */
  readonly retry: RetryPolicy | undefined;
  /** How a request leaves, below every middleware (the transport). */
  readonly send: FetchFunction;
}

function stalledAt(context: CallContext): string {
  if (context.waitingFor) return `was still waiting for credentials from ${context.waitingFor}`;
  return context.phase === 'reading' ? 'got no complete response body' : 'got no response';
}

/**
 * The client users get: openapi-fetch's methods, each made one bounded
 * call. Every call gets its own context (see call-context.ts), carried by
 * the per-request `fetch` it hands openapi-fetch; `timeoutMs` and the
 * caller's `signal` cover credential acquisition (and waiting on another
 * request's), the request, a re-acquisition and replay after a 401, and
 * reading the body. A deadline is `REQUEST_TIMEOUT` in every phase, so wait
 * helpers retry it; a 2xx body that is not JSON is `RESPONSE_INVALID_JSON`,
 * never a SyntaxError quoting the body; a body that broke off is
 * `NETWORK_ERROR`, and the whole call is made again when it is idempotent.
 * Work a call does not need is not done: no deadline signal without
 * `timeoutMs`, no combined signal without both, no replay copy without a
 * plugin that may replay.
 */
export function wholeCallClient<Paths extends {}>(
  inner: Client<Paths>,
  settings: WholeCallSettings,
): Client<Paths> {
  const { baseUrl, timeoutMs, retry, send } = settings;
  const request = inner.request as unknown as Request_;

  async function call(method: string, path: string, init: CallInit | undefined): Promise<unknown> {
    checkPathParameters(method, path, init?.params);
    const callerSignal = init?.signal ?? undefined;
    const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signal =
      callerSignal && deadline ? AbortSignal.any([callerSignal, deadline]) : (callerSignal ?? deadline);
    // A body on GET (Seldon's ValidateSeldonDeployment) is built as a marked POST; the transport sends the real method.
    const bodyOnGet = (method === 'GET' || method === 'HEAD') && init?.body !== undefined;
    for (let attempt = 1; ; attempt += 1) {
      const context = newCallContext(method, `${baseUrl}${path}`);
      const callInit: CallInit = { ...init, fetch: callFetch(context, send) };
      if (signal) callInit.signal = signal;
      if (bodyOnGet) callInit.Request = RequestAllowingBodyOnGet;
      try {
        const pending = request(method, path, callInit);
        return await (signal ? abortable(pending, [callerSignal, deadline]) : pending);
      } catch (error) {
        const failure = explained(error, context);
        if (signal?.aborted || !mayRepeat(context, attempt)) throw failure;
        // Reading the body is part of the attempt: a connection that broke off mid-body is retried
        // like one reset before the answer, the whole call again (fresh credentials, fresh request).
        const delayMs = backoffMs(attempt, retry as RetryPolicy);
        retry?.onRetry?.({
          attempt,
          delayMs,
          retryAfterMs: undefined,
          method,
          url: redactUrl(urlOf(context)),
          status: undefined,
          error: failure as MlPlatformError,
        });
        try {
          await sleep(delayMs, signal ?? new AbortController().signal);
        } catch (aborted) {
          throw explained(aborted, context);
        }
      }
    }

    /**
     * The error to throw for `error`: a deadline as REQUEST_TIMEOUT, a body that is not JSON as
     * RESPONSE_INVALID_JSON, a body read that failed below HTTP as NETWORK_ERROR.
     */
    function explained(error: unknown, context: CallContext): unknown {
      if (deadline?.aborted && !callerSignal?.aborted) {
        return new MlPlatformError(
          TransportErrorCode.timeout,
          `${method} ${redactUrl(urlOf(context))} ${stalledAt(context)} within timeoutMs (${timeoutMs} ms).`,
          { cause: deadline.reason },
        );
      }
      if (context.phase !== 'reading' || signal?.aborted) return error;
      if (error instanceof SyntaxError) {
        // The SyntaxError is not kept: its message quotes the body, which may echo a credential.
        const contentType = context.response?.headers.get('content-type');
        return new MlPlatformError(
          ResponseErrorCode.invalidJson,
          `${method} ${redactUrl(urlOf(context))} answered HTTP ${context.response?.status ?? ''} with a body that ` +
            `is not valid JSON (content-type ${contentType || 'not set'}). Check that baseUrl points at the API ` +
            'itself, not at a proxy or a web page in front of it.',
        );
      }
      if (error instanceof TypeError) {
        // undici's `TypeError: terminated` while openapi-fetch read a body the guard left unwrapped.
        context.bodyBrokeOff = true;
        return bodyFailure({ method, url: urlOf(context) }, error);
      }
      return error;
    }
  }

  /** After a body broke off: idempotent calls (the retry policy's methods, or an Idempotency-Key) with attempts left. */
  function mayRepeat(context: CallContext, attempt: number): boolean {
    if (!retry || !context.bodyBrokeOff || attempt >= retry.maxAttempts) return false;
    return retry.methods.has(context.method) || context.request?.headers.has('idempotency-key') === true;
  }

  const client: Record<string, unknown> = {
    request: (method: string, path: string, init?: CallInit) =>
      call(String(method).toUpperCase(), path, init),
    use: (...middleware: Middleware[]) => inner.use(...middleware),
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  for (const method of METHODS) client[method] = (path: string, init?: CallInit) => call(method, path, init);
  // openapi-fetch's method types are generic over the paths; these functions forward whatever they are given.
  return client as unknown as Client<Paths>;
}

/** The URL the call went to, once a request was built; its target before. */
function urlOf(context: CallContext): string {
  return context.response?.url || context.request?.url || context.target;
}
