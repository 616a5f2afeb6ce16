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
 * server may echo back: as is; percent-encoded (encodeURIComponent, and the
 * stricter forms that also encode `!'()*~` and `-._`, in upper- and
 * lower-case hex); form-encoded (a space as `+`); JSON-escaped (with
 * non-ASCII and `/` escaped or not); base64 and base64url of its UTF-8 bytes.
 * Redacting what a request actually carried ({@link secretsOfRequest}) comes
 * first; these cover a secret echoed in a form no request used.
 */
export function encodingsOf(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const strict = percent.replace(/[!'()*~]/g, hexEscape);
  const strictest = strict.replace(/[-._]/g, hexEscape);
  const forms = [percent, strict, strictest].flatMap((encoded) => [encoded, encoded.replaceAll('%20', '+')]);
  const whatwgForm = new URLSearchParams({ s: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const jsonForms = [json, asciiJson, json.replaceAll('/', '\\/'), asciiJson.replaceAll('/', '\\/')];
  const encoded = base64(secret);
  const base64url = encoded.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  const all = [secret, ...forms, ...forms.map(lowerHex), whatwgForm, ...jsonForms, encoded, base64url];
  return [...new Set(all)];
}

function hexEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (sequence) => sequence.toLowerCase());
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
