/**
 * Redaction for everything that ends up in an error message or a log line.
 * A URL keeps its origin and path (what a user needs to find the failing call)
 * and loses user info and the values of query parameters that carry secrets.
 */

const SECRET_QUERY_NAME =
  /token|secret|password|passwd|code|session|cookie|key|signature|state|nonce|assertion|credential/i;

/** What a secret is replaced with in messages and logs. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not redacted: replacing every `ab` in a message would garble it and hide nothing. */
const SHORTEST_REDACTED = 4;

/**
 * The URL fit for a message or a log line: origin and path kept, user info dropped, and the values
 * of query parameters that carry secrets (`token`, `code`, `password`, ...) replaced by
 * `[REDACTED]`.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return '[unparseable URL]';
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_NAME.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  // URLSearchParams re-encodes the marker; keep it readable.
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/**
 * The forms a secret takes in what this library sends, and so in what a
 * server may echo back: as is, percent-encoded (a URL), and form-encoded
 * (a login form or a token request body, where a space is `+`).
 */
export function encodingsOf(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  return [...new Set([secret, percent, form])];
}

/**
 * The base64 `id:secret` of an HTTP Basic `Authorization` header, in both
 * forms clients send: raw, and with both parts form-encoded first (RFC 6749
 * section 2.3.1, which openid-client follows). Redact these beside the secret
 * itself when a provider may echo the header.
 */
export function basicCredentialsOf(id: string, secret: string): string[] {
  const formEncode = (text: string) => new URLSearchParams({ s: text }).toString().slice(2);
  return [...new Set([base64(`${id}:${secret}`), base64(`${formEncode(id)}:${formEncode(secret)}`)])];
}

/** Replaces every occurrence of each secret (of 4+ characters), in each of its {@link encodingsOf}, in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret && secret.length >= SHORTEST_REDACTED)
      for (const form of encodingsOf(secret)) variants.add(form);
  }
  let result = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const variant of [...variants].sort((a, b) => b.length - a.length)) {
    if (result.includes(variant)) result = result.split(variant).join(REDACTED);
  }
  return result;
}

/** `value` with every string inside it (object values, array items, nested) passed through {@link redactSecrets}. */
export function redactDeep<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (depth > 16 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, secrets, depth + 1);
  return copy as T;
}

/** Base64 of the UTF-8 bytes of `text`, without Node's Buffer (core runs in browsers). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
