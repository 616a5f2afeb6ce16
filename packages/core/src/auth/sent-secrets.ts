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

/** Form parameters that carry a credential in OAuth 2.0, OIDC and login forms. */
const SECRET_PARAMETERS =
  /^(password|passwd|client_secret|refresh_token|access_token|id_token|code|code_verifier|device_code|assertion|client_assertion|subject_token|actor_token|login|token)$/i;

/**
 * The exact credential bytes `request` carries, as they go out: the
 * `Authorization` and `Proxy-Authorization` values (and a Basic header's
 * decoded secret, raw and form-decoded), cookie values, and the values of
 * credential parameters of a form body, both as encoded on the wire and
 * decoded. Redacting these bytes needs no guess at how a library encoded
 * them (openid-client form-encodes more characters than encodeURIComponent).
 */
export async function secretsOfRequest(request: Request): Promise<string[]> {
  const found = secretsInHeaders(request.headers);
  for (const name of ['authorization', 'proxy-authorization']) {
    const credential = request.headers.get(name)?.split(' ').slice(1).join(' ').trim();
    const secret = credential ? basicParts(credential)[0] : undefined;
    if (secret) found.push(formDecode(secret));
  }
  const type = request.headers.get('content-type') ?? '';
  if (request.body !== null && /application\/x-www-form-urlencoded/i.test(type)) {
    const text = await request.clone().text();
    for (const pair of text.split('&')) {
      const equals = pair.indexOf('=');
      if (equals < 0 || !SECRET_PARAMETERS.test(formDecode(pair.slice(0, equals)))) continue;
      const wire = pair.slice(equals + 1);
      if (wire) found.push(wire, formDecode(wire));
    }
  }
  return [...new Set(found.filter((secret) => secret !== ''))];
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/**
 * The credentials recently sent by one plugin's own calls (token endpoint,
 * login form), kept so its errors can redact exactly those bytes. Bounded:
 * the oldest are forgotten past `capacity`, as refresh tokens keep changing.
 */
export class SentSecrets implements Iterable<string> {
  readonly #values = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 64) {
    this.#capacity = capacity;
  }

  /** Records secrets a request carried; the oldest are forgotten past the capacity. */
  add(...secrets: string[]): void {
    for (const secret of secrets) {
      this.#values.delete(secret);
      this.#values.add(secret);
    }
    for (const oldest of this.#values) {
      if (this.#values.size <= this.#capacity) break;
      this.#values.delete(oldest);
    }
  }

  /** The secrets recorded, oldest first, for redaction. */
  [Symbol.iterator](): Iterator<string> {
    return this.#values[Symbol.iterator]();
  }
}
