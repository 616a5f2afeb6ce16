import type { SentSecrets } from './auth/sent-secrets.js';
import { BODY_ON_GET_HEADER, BodyOnGetErrorCode, type BodyOnGetSender } from './call/body-on-get.js';
import { type ConnectionSettings, createConnectionFetch } from './connection-fetch.js';
import { MlPlatformError } from './errors.js';
import type { FetchFunction } from './fetch-function.js';
import { toNetworkError } from './network-error.js';
import { describeProxy, resolveProxy } from './proxy-option.js';
import { redactUrl } from './redact.js';
import { type RetryOptions, resolveRetryPolicy } from './retry/retry-options.js';
import { withRetries } from './retry/with-retries.js';
import { checkTlsOptions, type TlsOptions } from './tls.js';
import { invalidOption } from './validate/invalid-option.js';
import { checkTimeoutMs } from './validate/timeout-option.js';

export { TransportErrorCode } from './transport-error-code.js';

/**
 * How a client sends requests: its fetch, timeout, TLS, proxy and retries (part of every client's
 * options).
 */
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
  /**
   * Receives the exact credential bytes every request carries (see
   * `secretsOfRequest`), so a plugin can redact them from errors about its own calls.
   */
  sentSecrets?: SentSecrets | undefined;
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
  const sendBodyOnGet = bodyOnGetSenderFor(
    options.fetch ? 'custom fetch' : tls || proxy.kind !== 'direct' ? { tls, proxy } : undefined,
  );
  return (request) => {
    const bodyOn = request.headers.get(BODY_ON_GET_HEADER);
    return (bodyOn ? sendBodyOnGet(request, bodyOn) : send(request)).catch(async (error: unknown) => {
      if (request.signal.aborted) throw error;
      // The diagnosis loads with the first failure, so toNetworkError is async.
      throw await toNetworkError(error, request, context);
    });
  };
}

/**
 * How a request built with a body on GET or HEAD is sent (see body-on-get.ts):
 * through undici's `request`, loaded when the first such call happens. A
 * custom fetch takes only a `Request`, which cannot hold one: refused.
 */
function bodyOnGetSenderFor(settings: ConnectionSettings | undefined | 'custom fetch'): BodyOnGetSender {
  let loaded: Promise<BodyOnGetSender> | undefined;
  return async (request, method) => {
    if (settings === 'custom fetch') {
      throw new MlPlatformError(
        BodyOnGetErrorCode.unsupported,
        `${method} ${redactUrl(request.url)} needs a request body on a ${method}, which a custom fetch cannot be ` +
          'given (a Request with a body on GET or HEAD cannot be built). Leave the fetch option out for this call.',
      );
    }
    loaded ??= import('#send-body-on-get').then(({ createBodyOnGetSender }) =>
      createBodyOnGetSender(settings),
    );
    return (await loaded)(request, method);
  };
}

/**
 * The fetch every client and plugin sends with: TLS and proxies through an
 * undici dispatcher, retries, a per-request timeout through `AbortSignal`,
 * and a User-Agent. Auth plugins use it for their own calls (token
 * endpoints, login pages) so TLS and proxy settings apply there too.
 */
export function createTransport(options: TransportOptions = {}): FetchFunction {
  const { timeoutMs, userAgent, sentSecrets } = options;
  checkTimeoutMs(timeoutMs);
  const send = withRetries(connectionFor(options), resolveRetryPolicy(options.retry));
  const withAgent: FetchFunction = userAgent
    ? (request) => {
        if (!request.headers.has('user-agent')) request.headers.set('user-agent', userAgent);
        return send(request);
      }
    : send;
  // A client's calls take the first branch: no async step of their own on the way out.
  if (timeoutMs === undefined && sentSecrets === undefined) return withAgent;
  // Only a plugin's own calls (token endpoints, login pages) come here; what they need loads with the first one.
  return async (request) => {
    if (sentSecrets) {
      const { secretsOfRequest } = await import('./auth/sent-secrets.js');
      sentSecrets.add(...(await secretsOfRequest(request)));
    }
    if (timeoutMs === undefined) return withAgent(request);
    const { sendWithin } = await import('./call/deadline.js');
    return sendWithin(withAgent, request, timeoutMs);
  };
}
