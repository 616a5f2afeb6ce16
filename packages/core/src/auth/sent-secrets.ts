import { callContextOf } from '../call/call-context.js';

/**
 * Part of the plugin contract: a plugin that puts a credential on a request
 * calls this from its hook (with the hook's own parameters), so core redacts
 * that credential, in every encoding it may come back in, from everything it
 * builds from the response (an error page that echoes the Authorization
 * header it received). Credentials in `Authorization` and `Cookie` headers
 * are found without it; a credential in any other header needs it.
 */
export function rememberSentSecret(hook: { options?: object | undefined }, secret: string | undefined): void {
  if (secret) callContextOf(hook)?.secrets.add(secret);
}

/** The credentials in the headers a request went out with: bearer/basic tokens, cookie values. */
export function secretsInHeaders(headers: Headers): string[] {
  const found: string[] = [];
  for (const name of ['authorization', 'proxy-authorization']) {
    const value = headers.get(name);
    if (!value) continue;
    const [scheme, ...rest] = value.split(' ');
    const credential = rest.join(' ').trim();
    if (!credential) {
      found.push(value);
      continue;
    }
    found.push(credential);
    if (scheme?.toLowerCase() === 'basic') found.push(...basicParts(credential));
  }
  const cookie = headers.get('cookie');
  if (cookie) {
    for (const pair of cookie.split(';')) {
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (value) found.push(value);
    }
  }
  return found;
}

/** The secret of a Basic credential (`base64(id:secret)`); the id alone is not secret. */
function basicParts(encoded: string): string[] {
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)));
    const colon = decoded.indexOf(':');
    return colon >= 0 ? [decoded.slice(colon + 1)] : [];
  } catch {
    return [];
  }
}
