/**
 * What the response guard does with an answer that is not a plain 2xx: an
 * HTML page, an error status. Loaded on the first such answer, so a client
 * that only ever gets JSON never loads the error classes, hints and
 * redaction this needs.
 */
import { ApiError, ApiErrorCode } from '../api-error.js';
import { secretsInHeaders } from '../auth/sent-secrets.js';
import { type BodyReadingCall, limitBody } from './body-limit.js';
import { realMethodOf } from './body-on-get.js';
import type { CallContext } from './call-context.js';
import { attachRequestSummary, type RequestSummary } from './request-summary.js';
import { HTML_HINT, NO_CREDENTIALS_HINT } from './response-hints.js';

export { limitBody };

/** The call whose body is read, for {@link limitBody}: its messages, and a body that broke off marks the call. */
export function readingCall(call: CallContext, request: Request): BodyReadingCall {
  return {
    method: realMethodOf(request),
    url: call.response?.url || request.url,
    signal: request.signal,
    onBodyFailure: () => {
      call.bodyBrokeOff = true;
    },
  };
}

/** An HTML page where JSON was expected: a login page of a gateway, most of the time. */
export function htmlResponseError(request: Request, response: Response): ApiError {
  response.body?.cancel().catch(() => undefined);
  return new ApiError({
    code: ApiErrorCode.htmlResponse,
    status: response.status,
    method: realMethodOf(request),
    url: response.url || request.url,
    requestId: response.headers.get('x-request-id') ?? undefined,
    hint: HTML_HINT,
  });
}

/** A non-2xx response, bounded at `maxResponseBytes`, carrying what an error built from it needs. */
export function summarized(
  call: CallContext,
  request: Request,
  response: Response,
  options: { maxResponseBytes: number; notFoundHint: string | undefined },
): Response | undefined {
  const secrets = [...(call.secrets ?? []), ...secretsInHeaders(request.headers)];
  const hint =
    response.status === 401 && secrets.length === 0
      ? NO_CREDENTIALS_HINT
      : response.status === 404
        ? options.notFoundHint
        : undefined;
  const summary: RequestSummary = {
    method: realMethodOf(request),
    url: response.url || request.url,
    secrets,
    hint,
  };
  const limited = limitBody(response, readingCall(call, request), options.maxResponseBytes);
  attachRequestSummary(limited, summary);
  return limited === response ? undefined : limited;
}
