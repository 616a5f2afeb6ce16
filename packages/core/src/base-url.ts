import { ConfigError, ConfigErrorCode } from './errors.js';

/**
 * Validates a client's `baseUrl`: an absolute http(s) URL, the one the spec's
 * paths are relative to. Trailing slashes are dropped so `https://h/pipeline/`
 * and `https://h/pipeline` mean the same.
 */
export function normalizeBaseUrl(baseUrl: unknown, example: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `baseUrl must be a non-empty URL string, e.g. ${example}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `baseUrl must be an absolute URL with a scheme, e.g. ${example}; got an unparseable value.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `baseUrl must use http or https (e.g. ${example}), got ${url.protocol}`,
    );
  }
  if (url.search || url.hash) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `baseUrl must not contain a query or fragment, e.g. ${example}.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
