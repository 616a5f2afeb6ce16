import { sendWithin } from './call/deadline.js';
import { createConnectionFetch } from './connection-fetch.js';
import type { FetchFunction } from './fetch-function.js';
import { NetworkErrorCode, toNetworkError } from './network-error.js';
import { describeProxy, resolveProxy } from './proxy-option.js';
import { type RetryOptions, resolveRetryPolicy } from './retry/retry-options.js';
import { withRetries } from './retry/with-retries.js';
import { checkTlsOptions, type TlsOptions } from './tls.js';
import { invalidOption } from './validate/invalid-option.js';
import { checkTimeoutMs } from './validate/timeout-option.js';

/** Stable codes of transport failures. */
export const TransportErrorCode = {
  timeout: 'REQUEST_TIMEOUT',
  ...NetworkErrorCode,
} as const;

export interface TransportOptions {
  /** A fetch to send requests with (tests, instrumentation). Defaults to the global fetch. */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Abort each request after this many milliseconds (the caller's own `signal` still applies). */
  timeoutMs?: number | undefined;
  /** Custom CA bundle, client certificate (mutual TLS), or explicitly turned-off verification. Ignored when `fetch` is given. */
  tls?: TlsOptions | undefined;
  /**
   * A forward proxy, `http://[user:password@]host:port` (HTTPS is tunnelled with
   * CONNECT), or `false` for none. Left out: `HTTPS_PROXY`, `HTTP_PROXY` and
   * `NO_PROXY` (upper or lower case) decide. Cannot be combined with `fetch`.
   */
  proxy?: string | URL | false | undefined;
  /**
   * Retries of idempotent requests after 429, 502, 503, 504 and dropped
   * connections, with exponential backoff and full jitter; `Retry-After` is
   * honoured up to a bound. On by default; `false` turns it off.
   */
  retry?: false | RetryOptions | undefined;
  /** Sent as `User-Agent` unless the request sets its own. */
  userAgent?: string | undefined;
}

/**
 * How requests reach the server: a custom fetch, undici with TLS and proxy
 * settings, or the global fetch. Failures below HTTP become `NETWORK_ERROR`,
 * `TLS_ERROR` or `PROXY_ERROR`, naming the call; an abort stays the caller's.
 */
function connectionFor(options: TransportOptions): FetchFunction {
  const tls = checkTlsOptions(options.tls);
  if (options.fetch !== undefined && options.proxy !== undefined && options.proxy !== false) {
    // Ignoring it would send the requests around the proxy without a word.
    throw invalidOption('proxy cannot be combined with fetch: the custom fetch decides how to connect.');
  }
  const proxy = options.fetch ? ({ kind: 'direct' } as const) : resolveProxy(options.proxy);
  const send: FetchFunction =
    options.fetch ??
    (tls || proxy.kind !== 'direct'
      ? createConnectionFetch({ tls, proxy })
      : (request) => globalThis.fetch(request));
  const context = { proxy: describeProxy(proxy), clientCertificate: tls?.cert !== undefined };
  return (request) =>
    send(request).catch((error: unknown) => {
      if (request.signal.aborted) throw error;
      throw toNetworkError(error, request, context);
    });
}

/**
 * The fetch every client and plugin sends with: TLS and proxies through an
 * undici dispatcher, retries, a per-request timeout through `AbortSignal`,
 * and a User-Agent. Auth plugins use it for their own calls (token
 * endpoints, login pages) so TLS and proxy settings apply there too.
 */
export function createTransport(options: TransportOptions = {}): FetchFunction {
  const { timeoutMs, userAgent } = options;
  checkTimeoutMs(timeoutMs);
  const send = withRetries(connectionFor(options), resolveRetryPolicy(options.retry));
  if (timeoutMs === undefined && userAgent === undefined) return send;
  return (request) => {
    const next = request;
    if (userAgent && !request.headers.has('user-agent')) next.headers.set('user-agent', userAgent);
    if (timeoutMs === undefined) return send(next);
    return sendWithin(send, next, timeoutMs);
  };
}
