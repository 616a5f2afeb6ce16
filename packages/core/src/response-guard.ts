import type { Middleware } from 'openapi-fetch';
import { callContextOf } from './call/call-context.js';

export interface ResponseGuardOptions {
  maxResponseBytes: number;
  /** Shown on a 404 that is not the API's own answer (no upstream error code), e.g. a gateway's 404. */
  notFoundHint: string | undefined;
  /**
   * Whether a `Content-Length` bounds what the body yields: true for the
   * runtime's own fetch on a server runtime (it delimits the body by it),
   * false for an injected fetch (it may state any length) and in a browser
   * (where a cross-origin answer hides its Content-Encoding).
   */
  lengthBoundsBody: boolean;
}

type UnusualResponse = typeof import('./call/unusual-response.js');
let unusual: UnusualResponse | undefined;
/** The non-2xx path, loaded once on first need and used without an `import()` after that. */
const loadUnusual = async (): Promise<UnusualResponse> => {
  unusual ??= await import('./call/unusual-response.js');
  return unusual;
};

/**
 * Registered first, so its `onResponse` runs last: after auth plugins had
 * their chance to refresh and replay. It marks the call as reading its body,
 * bounds the body at `maxResponseBytes`, turns an HTML page into an error
 * that says so (instead of a JSON parse failure or a silent `undefined`),
 * and gives a non-2xx response what an error built from it needs: the
 * method, URL, hint and every credential sent, for redaction. A 2xx answer
 * whose `Content-Length` bounds it is passed on untouched: no copy, no
 * counting stream, no redaction work.
 */
export function createResponseGuard(options: ResponseGuardOptions): Middleware {
  const limit = options.maxResponseBytes;
  return {
    onResponse(hook) {
      const { request, response, options: callOptions } = hook;
      const call = callContextOf(hook);
      call.phase = 'reading';
      call.request = request;
      call.response = response;
      const contentType = response.headers.get('content-type');
      if (contentType !== null && /\btext\/html\b/i.test(contentType)) {
        return loadUnusual().then((path) => Promise.reject(path.htmlResponseError(request, response)));
      }
      if (!response.ok)
        return loadUnusual().then((path) => path.summarized(call, request, response, options));
      const readsWhole = callOptions.parseAs === 'json' || callOptions.parseAs === 'text';
      if (!readsWhole || (options.lengthBoundsBody && lengthWithin(response, limit))) return undefined;
      // A body of unknown or decoded length (chunked, gzip, an injected fetch) is counted as it streams.
      if (unusual) return unusual.limitBody(response, unusual.readingCall(call, request), limit);
      return loadUnusual().then((path) => path.limitBody(response, path.readingCall(call, request), limit));
    },
  };
}

/** A declared length of at most `limit`, on a body that is not decoded into more. */
function lengthWithin(response: Response, limit: number): boolean {
  const length = response.headers.get('content-length');
  if (length === null || !(Number(length) <= limit)) return false;
  const encoding = response.headers.get('content-encoding');
  return encoding === null || encoding === 'identity';
}
