import { MlPlatformError } from '../errors.js';
import { NetworkErrorCode, networkCauseCode } from '../network-error.js';
import { redactUrl } from '../redact.js';
import { ResponseErrorCode } from './response-errors.js';
import { responseWithBody } from './response-with-body.js';

/** The call whose body is read: for messages, and to note a body that broke off. */
export interface BodyReadingCall {
  readonly method: string;
  readonly url: string;
  /** Aborted by the caller or the call's deadline: such a read failure is theirs, not the network's. */
  readonly signal: AbortSignal | undefined;
  /** Called when the connection failed while the body was streaming, so the call can be made again. */
  onBodyFailure?: () => void;
}

function tooLarge(call: BodyReadingCall, limit: number, size: string): MlPlatformError {
  return new MlPlatformError(
    ResponseErrorCode.tooLarge,
    `${call.method} ${redactUrl(call.url)} answered with ${size}, more than maxResponseBytes (${limit} bytes). ` +
      'Ask for less (a smaller page_size, a filter), or raise maxResponseBytes if such answers are expected.',
  );
}

/** A read of the body that failed below HTTP (`TypeError: terminated` from undici): part of the attempt, so coded. */
export function bodyFailure(
  call: { readonly method: string; readonly url: string },
  error: unknown,
): MlPlatformError {
  const code = networkCauseCode(error);
  return new MlPlatformError(
    NetworkErrorCode.network,
    `${call.method} ${redactUrl(call.url)} failed while reading the response body: the connection broke off ` +
      `before the answer was complete${code ? ` (${code})` : ''}.`,
    { cause: error },
  );
}

/**
 * `response` with a body that errors once more than `limit` bytes came out
 * of it, so openapi-fetch's `text()`/`json()` never holds more than the limit.
 * The bytes counted are the decoded ones: fetch inflates a gzip or brotli
 * body, so `Content-Length` (the compressed size) bounds nothing, and an
 * injected fetch may state any length. A declared length above the limit is
 * still refused before reading. A read that fails for any reason other than
 * the call's own abort becomes `NETWORK_ERROR` naming the call, with the
 * original as `cause`.
 */
export function limitBody(response: Response, call: BodyReadingCall, limit: number): Response {
  const declared = Number(response.headers.get('content-length'));
  if (response.headers.has('content-length') && Number.isFinite(declared) && declared > limit) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge(call, limit, `a body of ${declared} bytes`);
  }
  if (response.body === null) return response;
  const reader = response.body.getReader();
  let seen = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (call.signal?.aborted || error instanceof MlPlatformError) return controller.error(error);
        call.onBodyFailure?.();
        return controller.error(bodyFailure(call, error));
      }
      if (chunk.done) return controller.close();
      seen += chunk.value.byteLength;
      if (seen <= limit) return controller.enqueue(chunk.value);
      // Stop the source too: the rest of an inflating body is never decoded.
      reader.cancel().catch(() => undefined);
      controller.error(tooLarge(call, limit, `a body of over ${limit} bytes`));
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return responseWithBody(response, counted);
}
