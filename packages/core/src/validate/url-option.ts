import { invalidOption } from './invalid-option.js';

/** What `requireHttpUrl` needs to explain a URL option it refuses. */
export interface UrlOptionShape {
  /** A correct value, shown in every message, e.g. `https://<kubeflow-host>/pipeline`. */
  example: string;
  /** The package whose option this is, prefixed to messages; leave out for a client's option. */
  plugin?: string | undefined;
  /** Also refuse a query string and a fragment (a base URL has neither). Default false. */
  noQuery?: boolean | undefined;
}

/**
 * Parses a URL option: absolute, http or https, and without user info. A URL
 * with `user:password@` is refused when the client or plugin is created, shown
 * as `http://***@host/...`: fetch would refuse it on every request with a
 * message that prints the password. The value itself is never echoed otherwise.
 */
export function requireHttpUrl(name: string, value: unknown, shape: UrlOptionShape): URL {
  const { example, plugin } = shape;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidOption(`${name} must be a non-empty URL string, e.g. ${example}.`, plugin);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidOption(
      `${name} must be an absolute URL with a scheme, e.g. ${example}; got an unparseable value.`,
      plugin,
    );
  }
  if (url.username || url.password) {
    throw invalidOption(
      `${name} must not contain user info, got ${url.protocol}//***@${url.host}${url.pathname}. ` +
        'Credentials go through an auth plugin (staticTokenAuth, dexSessionAuth, oidcAuth, ...), never the URL.',
      plugin,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOption(`${name} must use http or https (e.g. ${example}), got ${url.protocol}`, plugin);
  }
  if (shape.noQuery && (url.search || url.hash)) {
    throw invalidOption(`${name} must not contain a query or fragment, e.g. ${example}.`, plugin);
  }
  return url;
}
