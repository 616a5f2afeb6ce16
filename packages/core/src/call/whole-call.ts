import type { Client, Middleware } from 'openapi-fetch';
import type { FetchFunction } from '../fetch-function.js';
import { sleep } from '../polling/sleep.js';
import { redactUrl } from '../redact.js';
import type { RetryEvent, RetryPolicy } from '../retry/retry-options.js';
import { backoffMs } from '../retry/with-retries.js';
import { abortable } from './abortable.js';
import { type CallContext, callFetch, newCallContext, urlOf } from './call-context.js';
import type { CallBounds } from './call-failure.js';
import { checkPathParameters } from './path-parameters.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** A call's init as openapi-fetch takes it: the part core reads, and the rest passed on untouched. */
type CallInit = {
  signal?: AbortSignal | null | undefined;
  params?: unknown;
  body?: unknown;
} & Record<string, unknown>;

/** openapi-fetch's `client.request`, untyped: core only forwards the call. */
type Request_ = (method: string, path: string, init: CallInit) => Promise<unknown>;

/** The failure a call ends with, worked out by call-failure.ts, loaded the first time a call fails. */
async function explained(error: unknown, context: CallContext, bounds: CallBounds): Promise<unknown> {
  return (await import('./call-failure.js')).callFailure(error, context, bounds);
}

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

  function call(method: string, path: string, init: CallInit | undefined): Promise<unknown> {
    try {
      checkPathParameters(method, path, init?.params);
    } catch (refused) {
      return Promise.reject(refused);
    }
    const callerSignal = init?.signal ?? undefined;
    const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signal =
      callerSignal && deadline ? AbortSignal.any([callerSignal, deadline]) : (callerSignal ?? deadline);
    let RequestClass: typeof Request | undefined;

    /** One attempt: a promise chain rather than an async function, so a call that succeeds adds no await of its own. */
    const attempt = (number: number): Promise<unknown> => {
      const context = newCallContext(method, `${baseUrl}${path}`);
      const callInit: CallInit = { ...init, fetch: callFetch(context, send) };
      if (signal) callInit.signal = signal;
      if (RequestClass) callInit.Request = RequestClass;
      const pending = request(method, path, callInit);
      return (signal ? abortable(pending, [callerSignal, deadline]) : pending).catch((error: unknown) =>
        afterFailure(error, context, number),
      );
    };

    const afterFailure = async (error: unknown, context: CallContext, number: number): Promise<unknown> => {
      const bounds = { timeoutMs, deadline, callerSignal, signal };
      const failure = await explained(error, context, bounds);
      if (signal?.aborted || !mayRepeat(context, number)) throw failure;
      // Reading the body is part of the attempt: a connection that broke off mid-body is retried
      // like one reset before the answer, the whole call again (fresh credentials, fresh request).
      const delayMs = backoffMs(number, retry as RetryPolicy);
      retry?.onRetry?.({
        attempt: number,
        delayMs,
        retryAfterMs: undefined,
        method,
        url: redactUrl(urlOf(context)),
        status: undefined,
        error: failure as RetryEvent['error'],
      });
      try {
        await sleep(delayMs, signal ?? new AbortController().signal);
      } catch (aborted) {
        throw await explained(aborted, context, bounds);
      }
      return attempt(number + 1);
    };

    // A body on GET (Seldon's ValidateSeldonDeployment) is built as a marked POST; the transport sends the real method.
    if ((method === 'GET' || method === 'HEAD') && init?.body !== undefined) {
      return import('./request-allowing-body-on-get.js').then(({ RequestAllowingBodyOnGet }) => {
        RequestClass = RequestAllowingBodyOnGet;
        return attempt(1);
      });
    }
    return attempt(1);
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
