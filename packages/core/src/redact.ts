/**
 * Redaction for everything that ends up in an error message or a log line.
 * A URL keeps its origin and path (what a user needs to find the failing call)
 * and loses user info and the values of query parameters that carry secrets.
 */

const SECRET_QUERY_NAME =
  /token|secret|password|passwd|code|session|cookie|key|signature|state|nonce|assertion|credential/i;

export const REDACTED = '[REDACTED]';

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

/** Replaces every occurrence of each secret (of 4+ characters) in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}
