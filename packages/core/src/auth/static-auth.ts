import { checkHeaderValue } from '../validate/header-option.js';
import { invalidOption } from '../validate/invalid-option.js';
import type { AuthPlugin } from './auth-plugin.js';
import { rememberSentSecret } from './remember-sent-secret.js';

function requireHeaderValue(plugin: string, option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidOption(`${option} must be a non-empty string.`, plugin);
  }
  checkHeaderValue(option, value, plugin);
  return value.trim();
}

/**
 * Sends `Authorization: Bearer <token>` on every request: what `existing_token`
 * is to `kfp.Client`. The token is fixed; a 401 is returned to the caller.
 * A whole header value (`Bearer abc`, as copied from a browser) is taken as its token.
 */
export function staticTokenAuth(token: string): AuthPlugin {
  const name = 'staticTokenAuth';
  const bare = requireHeaderValue(name, 'token', token).replace(/^bearer\s+/i, '');
  if (bare === '') throw invalidOption('token must be a non-empty string after "Bearer".', name);
  const value = `Bearer ${bare}`;
  return {
    name,
    acquire: async () => ({ value: bare }),
    onRequest(context) {
      rememberSentSecret(context, bare);
      context.request.headers.set('authorization', value);
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
    acquire: async () => ({ value }),
    onRequest(context) {
      rememberSentSecret(context, value);
      context.request.headers.set('cookie', value);
      return undefined;
    },
  };
}
