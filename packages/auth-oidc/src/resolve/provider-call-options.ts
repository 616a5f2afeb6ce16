import { checkTimeoutMs } from '@ml-platform/core';
import { PLUGIN_NAME } from '../errors.js';
import type { OidcAuthOptions } from '../options.js';
import { configError, optionalDuration } from './option-readers.js';

/**
 * How calls to the provider are made (a custom fetch, timeouts) and when a
 * token counts as expired (skew, refresh ahead, the clock). `tls` and `proxy`
 * are checked by core's transport, built from them when the plugin is created.
 */
export function resolveProviderCalls(options: OidcAuthOptions) {
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw configError('fetch must be a function (request: Request) => Promise<Response>.');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw configError('now must be a function returning epoch milliseconds.');
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw configError('onWarning must be a function.');
  }
  checkTimeoutMs(options.timeoutMs, PLUGIN_NAME);
  const skewMs = optionalDuration(options, 'skewMs', 30_000);
  const refreshAheadMs = optionalDuration(options, 'refreshAheadMs', 60_000);
  return {
    tls: options.tls,
    timeoutMs: optionalDuration(options, 'timeoutMs', 30_000, 1),
    fetch: options.fetch,
    proxy: options.proxy,
    skewMs,
    refreshAheadMs: Math.max(refreshAheadMs, skewMs),
    now: options.now ?? Date.now,
    onWarning: options.onWarning,
  };
}
