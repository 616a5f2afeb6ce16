import { type Middleware, redactUrl } from '@ml-platform/core';

/**
 * `--debug`: one line per request and per response (or failure) on stderr,
 * with the time the call took, the URL redacted by core's rule and no header
 * at all, so no token or cookie can appear in the log. Calls are matched by
 * openapi-fetch's per-call `id`: an auth plugin may replace the Request
 * object on the way out.
 */
export function debugLog(write: (line: string) => void): Middleware {
  const started = new Map<string, number>();
  const took = (id: string) => {
    const began = started.get(id);
    started.delete(id);
    return began === undefined ? '' : ` (${Math.round(performance.now() - began)} ms)`;
  };
  return {
    onRequest({ request, id }) {
      started.set(id, performance.now());
      write(`mlp: debug: -> ${request.method} ${redactUrl(request.url)}`);
      return undefined;
    },
    onResponse({ request, response, id }) {
      write(`mlp: debug: <- ${response.status} ${request.method} ${redactUrl(request.url)}${took(id)}`);
      return undefined;
    },
    onError({ request, id }) {
      write(`mlp: debug: <- failed ${request.method} ${redactUrl(request.url)}${took(id)}`);
      return undefined;
    },
  };
}
