/**
 * `#send-body-on-get` in a browser: fetch there cannot send a body on GET or
 * HEAD, and no other way out exists, so the call is refused before anything is sent.
 */
import { BodyOnGetErrorCode, type BodyOnGetSender } from '../call/body-on-get.js';
import type { ConnectionSettings } from '../connection-fetch.js';
import { MlPlatformError } from '../errors.js';
import { redactUrl } from '../redact.js';

export function createBodyOnGetSender(_settings: ConnectionSettings | undefined): BodyOnGetSender {
  return async (request, method) => {
    throw new MlPlatformError(
      BodyOnGetErrorCode.unsupported,
      `${method} ${redactUrl(request.url)} needs a request body, which the API defines on a ${method} but a ` +
        "browser's fetch cannot send (the Fetch standard forbids a body on GET and HEAD). Make this call from " +
        'Node.js, Bun or Deno.',
    );
  };
}
