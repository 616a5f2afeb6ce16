import { ConfigError, ConfigErrorCode } from '../errors.js';
import type { AuthPlugin } from './auth-plugin.js';

const HEADER_UNSAFE = /[\r\n]/;

function requireHeaderValue(plugin: string, option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(ConfigErrorCode.invalidOption, `[${plugin}] ${option} must be a non-empty string.`);
  }
  if (HEADER_UNSAFE.test(value)) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `[${plugin}] ${option} must not contain line breaks.`,
    );
  }
  return value.trim();
}

/**
 * Sends `Authorization: Bearer <token>` on every request: what `existing_token`
 * is to `kfp.Client`. The token is fixed; a 401 is returned to the caller.
 */
export function staticTokenAuth(token: string): AuthPlugin {
  const name = 'staticTokenAuth';
  const value = `Bearer ${requireHeaderValue(name, 'token', token)}`;
  return {
    name,
    onRequest({ request }) {
      request.headers.set('authorization', value);
      return undefined;
    },
  };
}

/**
 * Sends a fixed `Cookie` header on every request: what `cookies` is to
 * `kfp.Client` (e.g. `authservice_session=...` copied from a browser).
 */
export function staticCookieAuth(cookie: string): AuthPlugin {
  const name = 'staticCookieAuth';
  const value = requireHeaderValue(name, 'cookie', cookie);
  return {
    name,
    onRequest({ request }) {
      request.headers.set('cookie', value);
      return undefined;
    },
  };
}
