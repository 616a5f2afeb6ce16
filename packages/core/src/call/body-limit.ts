import { MlPlatformError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { ResponseErrorCode } from './response-errors.js';

/** A JSON response larger than this is refused unless `maxResponseBytes` says otherwise: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function tooLarge(method: string, url: string, limit: number, size: string): MlPlatformError {
  return new MlPlatformError(
    ResponseErrorCode.tooLarge,
    `${method} ${redactUrl(url)} answered with ${size}, more than maxResponseBytes (${limit} bytes). ` +
      'Ask for less (a smaller page_size, a filter), or raise maxResponseBytes if such answers are expected.',
  );
}

/**
 * `response` with a body that errors once more than `limit` bytes went
 * through it, so openapi-fetch's `text()`/`json()` never holds more than the
 * limit. A declared Content-Length above the limit is refused before reading.
 */
export function limitBody(response: Response, method: string, url: string, limit: number): Response {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge(method, url, limit, `a body of ${declared} bytes`);
  }
  // A declared length within the limit needs no counting: fetch refuses a body longer than its Content-Length.
  if (response.body === null || (response.headers.has('content-length') && Number.isFinite(declared))) {
    return response;
  }
  let seen = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) controller.error(tooLarge(method, url, limit, `a body of over ${limit} bytes`));
      else controller.enqueue(chunk);
    },
  });
  const limited = new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` and `redirected` are read-only on Response; keep them for error messages and redirect checks.
  Object.defineProperty(limited, 'url', { value: response.url });
  Object.defineProperty(limited, 'redirected', { value: response.redirected });
  return limited;
}
