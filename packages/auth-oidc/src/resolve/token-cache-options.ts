import { defaultTokenCachePath } from '../defaults.js';
import type { OidcAuthOptions } from '../options.js';
import { configError } from './option-readers.js';

/** The token cache file's path, or undefined for memory only. Default: on for interactive flows only. */
export function resolveTokenCachePath(
  options: OidcAuthOptions,
  interactiveFlow: boolean,
): string | undefined {
  const tokenCache = options.tokenCache ?? interactiveFlow;
  if (tokenCache === true) return defaultTokenCachePath();
  if (tokenCache === false) return undefined;
  if (
    typeof tokenCache === 'object' &&
    tokenCache !== null &&
    typeof tokenCache.path === 'string' &&
    tokenCache.path
  ) {
    return tokenCache.path;
  }
  throw configError('tokenCache must be true, false or { path: string }.');
}
