import { sendWithin } from './call/deadline.js';
import { createTlsFetch, type FetchFunction, type TlsOptions } from './tls.js';
import { checkTimeoutMs } from './validate/timeout-option.js';

/** Stable codes of transport failures. */
export const TransportErrorCode = {
  timeout: 'REQUEST_TIMEOUT',
} as const;

export interface TransportOptions {
  /** A fetch to send requests with (tests, proxies, instrumentation). Defaults to the global fetch. */
  fetch?: (input: Request) => Promise<Response>;
  /** Abort each request after this many milliseconds (the caller's own `signal` still applies). */
  timeoutMs?: number;
  /** Custom CA bundle, or explicitly turned-off verification. Ignored when `fetch` is given. */
  tls?: TlsOptions;
  /** Sent as `User-Agent` unless the request sets its own. */
  userAgent?: string;
}

/**
 * The fetch every client and plugin sends with: TLS through an undici
 * dispatcher, a per-request timeout through `AbortSignal`, and a User-Agent.
 * Auth plugins use it for their own calls (token endpoints, login pages) so
 * TLS settings apply there too.
 */
export function createTransport(options: TransportOptions = {}): FetchFunction {
  const { timeoutMs, userAgent } = options;
  checkTimeoutMs(timeoutMs);
  const send: FetchFunction =
    options.fetch ?? (options.tls ? createTlsFetch(options.tls) : (request) => globalThis.fetch(request));
  if (timeoutMs === undefined && userAgent === undefined) return send;
  return (request) => {
    const next = request;
    if (userAgent && !request.headers.has('user-agent')) next.headers.set('user-agent', userAgent);
    if (timeoutMs === undefined) return send(next);
    return sendWithin(send, next, timeoutMs);
  };
}
