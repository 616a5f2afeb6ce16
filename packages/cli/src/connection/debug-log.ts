import { type Middleware, redactUrl } from '@ml-platform/core';

/**
 * `--debug`: one line per request and per response on stderr, with the URL
 * redacted by core's rule and no header at all, so no token or cookie can
 * appear in the log.
 */
export function debugLog(write: (line: string) => void): Middleware {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
      write(`mlp: debug: -> ${request.method} ${redactUrl(request.url)}`);
      return undefined;
    },
    onResponse({ request, response }) {
      const began = started.get(request);
      const took = began === undefined ? '' : ` (${Math.round(performance.now() - began)} ms)`;
      write(`mlp: debug: <- ${response.status} ${request.method} ${redactUrl(request.url)}${took}`);
      return undefined;
    },
  };
}
