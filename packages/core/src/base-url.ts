import { requireHttpUrl } from './validate/url-option.js';

/**
 * Validates a client's `baseUrl`: an absolute http(s) URL without user info,
 * the one the spec's paths are relative to. Trailing slashes are dropped so
 * `https://h/pipeline/` and `https://h/pipeline` mean the same.
 */
export function normalizeBaseUrl(baseUrl: unknown, example: string): string {
  return requireHttpUrl('baseUrl', baseUrl, { example, noQuery: true }).toString().replace(/\/+$/, '');
}
