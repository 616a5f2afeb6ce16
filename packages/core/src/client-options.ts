import type { HeadersOptions, Middleware } from 'openapi-fetch';
import type { AuthPlugin } from './auth/auth-plugin.js';
import { checkTlsOptions } from './tls.js';
import type { TransportOptions } from './transport.js';
import { checkHeadersOption, checkHeaderValue } from './validate/header-option.js';
import { invalidOption } from './validate/invalid-option.js';
import { checkOptions } from './validate/option-keys.js';
import { checkTimeoutMs } from './validate/timeout-option.js';

/** Options every API client takes. */
export interface ApiClientOptions extends TransportOptions {
  /** The URL the spec's paths are relative to (what `host` is to the Python SDKs). */
  baseUrl: string;
  /** One auth plugin or a list; they sign every request in order. */
  auth?: AuthPlugin | readonly AuthPlugin[] | undefined;
  /** More openapi-fetch middleware, run before the auth plugins. */
  middleware?: readonly Middleware[] | undefined;
  /** Headers sent with every request. */
  headers?: HeadersOptions | undefined;
  /**
   * Bound each call as a whole: credential acquisition (and waiting on another
   * request's), the request, a re-acquisition and replay after a 401, and
   * reading the body. At most 2^31-1. A per-call `signal` still applies.
   */
  timeoutMs?: number | undefined;
  /**
   * Refuse a response body larger than this many bytes (`RESPONSE_TOO_LARGE`),
   * instead of holding it in memory. Default 64 MiB.
   */
  maxResponseBytes?: number | undefined;
}

/**
 * Every key a client accepts, checked against `ApiClientOptions` by the
 * compiler. The transport's options are listed here too: a new
 * TransportOptions key must be added, or clients refuse it as unknown.
 */
export const CLIENT_OPTION_KEYS: readonly string[] = [
  'baseUrl',
  'auth',
  'middleware',
  'headers',
  'maxResponseBytes',
  'fetch',
  'timeoutMs',
  'tls',
  'userAgent',
  // TransportOptions of the transport work (proxies, retries), merged beside this list.
  'proxy',
  'retry',
] satisfies readonly (keyof ApiClientOptions)[];

/** Checks a client's options up front: shape, known keys, and every value core can check before the first request. */
export function checkClientOptions(options: Partial<ApiClientOptions>, baseUrlExample: string): void {
  checkOptions(options, CLIENT_OPTION_KEYS, { example: `{ baseUrl: '${baseUrlExample}' }` });
  checkTimeoutMs(options.timeoutMs);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw invalidOption('fetch must be a function (request: Request) => Promise<Response>.');
  }
  if (options.middleware !== undefined && !Array.isArray(options.middleware)) {
    throw invalidOption('middleware must be an array of openapi-fetch middleware, e.g. [{ onRequest }].');
  }
  checkHeadersOption(options.headers);
  if (options.userAgent !== undefined) {
    if (typeof options.userAgent !== 'string' || options.userAgent.trim() === '') {
      throw invalidOption(`userAgent must be a non-empty string such as 'my-tool/1.0'.`);
    }
    checkHeaderValue('userAgent', options.userAgent);
  }
  const max = options.maxResponseBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0)) {
    throw invalidOption(`maxResponseBytes must be a positive integer number of bytes, got ${String(max)}.`);
  }
  checkTlsOptions(options.tls);
}
