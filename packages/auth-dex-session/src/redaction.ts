import { REDACTED, redactSecrets, redactUrl } from '@ml-platform/core';

/**
 * Query parameters of the login flow that core's redaction does not already
 * hide: Dex's auth request id (`req`, and `state` on the login form) and the
 * approval HMAC let anyone holding them continue a half-done login.
 */
const LOGIN_FLOW_SECRETS = new Set(['req', 'hmac', 'code_challenge', 'code_verifier', 'back']);

/** A URL of the login flow as it may appear in a message or log line. */
export function redactLoginUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return '[unparseable URL]';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (LOGIN_FLOW_SECRETS.has(name)) parsed.searchParams.set(name, REDACTED);
  }
  return redactUrl(parsed);
}

/** Text for a message or log line, with the user's credentials blanked even if a page echoed them. */
export function withoutCredentials(text: string, credentials: readonly string[]): string {
  return redactSecrets(text, credentials);
}
