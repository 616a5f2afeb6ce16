import type { Middleware } from '@ml-platform/core';
import { rememberSecret } from '../secrets.js';

/**
 * Remembers, for the CLI's own redaction, the credentials each request went
 * out with (a bearer token read from a file by a plugin, OIDC tokens, session
 * cookies): whatever the plugin sent, the CLI never prints. Runs on the
 * request as sent, after every auth plugin signed it.
 */
export function rememberWhatWasSent(): Middleware {
  const remember = (request: Request) => {
    const authorization = request.headers.get('authorization');
    if (authorization) {
      rememberSecret(authorization);
      rememberSecret(authorization.replace(/^\S+\s+/, ''));
    }
    const cookie = request.headers.get('cookie');
    if (cookie) {
      rememberSecret(cookie);
      for (const pair of cookie.split(/;\s*/)) rememberSecret(pair.slice(pair.indexOf('=') + 1));
    }
  };
  return {
    onResponse({ request }) {
      remember(request);
      return undefined;
    },
    onError({ request }) {
      remember(request);
      return undefined;
    },
  };
}
