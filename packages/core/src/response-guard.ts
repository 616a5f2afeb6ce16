import type { Middleware } from 'openapi-fetch';
import { ApiError, ApiErrorCode } from './api-error.js';
import { secretsInHeaders } from './auth/sent-secrets.js';
import { limitBody } from './call/body-limit.js';
import { realMethodOf } from './call/body-on-get.js';
import { type CallContext, callContextOf } from './call/call-context.js';

/** What an error built from a response needs to know about the request that produced it. */
export interface RequestSummary {
  method: string;
  url: string;
  /** The credentials the request (and its replay) carried, to redact from what is built from the response. */
  secrets: readonly string[];
  /** What to add to an error built from this response, when the status alone does not explain it. */
  hint?: string | undefined;
}

/** Where a non-2xx response carries its summary; `Symbol.for`, so another copy of core reads it too. */
const REQUEST_SUMMARY = Symbol.for('@ml-platform/core.request-summary');

/** The method and URL of the request that produced a non-2xx `response`, when it went through a client. */
export function requestSummaryOf(response: Response): RequestSummary {
  return (
    (response as { [REQUEST_SUMMARY]?: RequestSummary })[REQUEST_SUMMARY] ?? {
      method: 'HTTP',
      url: response.url,
      secrets: [],
    }
  );
}

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
      if (contentType !== null && /\btext\/html\b/i.test(contentType)) return refuseHtml(request, response);
      if (!response.ok) return summarized(call, request, response, options);
      const readsWhole = callOptions.parseAs === 'json' || callOptions.parseAs === 'text';
      if (!readsWhole || (options.lengthBoundsBody && lengthWithin(response, limit))) return undefined;
      return limitBody(response, readingCall(call, request), limit);
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

function readingCall(call: CallContext, request: Request) {
  return {
    method: realMethodOf(request),
    url: call.response?.url || request.url,
    signal: request.signal,
    onBodyFailure: () => {
      call.bodyBrokeOff = true;
    },
  };
}

async function refuseHtml(request: Request, response: Response): Promise<never> {
  response.body?.cancel().catch(() => undefined);
  const { HTML_HINT } = await import('./call/response-hints.js');
  throw new ApiError({
    code: ApiErrorCode.htmlResponse,
    status: response.status,
    method: realMethodOf(request),
    url: response.url || request.url,
    requestId: response.headers.get('x-request-id') ?? undefined,
    hint: HTML_HINT,
  });
}

/** A non-2xx response, bounded, carrying what its error needs (see {@link requestSummaryOf}). */
async function summarized(
  call: CallContext,
  request: Request,
  response: Response,
  options: ResponseGuardOptions,
): Promise<Response | undefined> {
  const secrets = [...(call.secrets ?? []), ...secretsInHeaders(request.headers)];
  const { NO_CREDENTIALS_HINT } = await import('./call/response-hints.js');
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
  Object.defineProperty(limited, REQUEST_SUMMARY, { value: summary });
  return limited === response ? undefined : limited;
}
