import type { Middleware } from 'openapi-fetch';
import { ApiError, ApiErrorCode } from './api-error.js';
import { secretsInHeaders } from './auth/sent-secrets.js';
import { limitBody } from './call/body-limit.js';
import { realMethodOf } from './call/body-on-get.js';
import { attachCallContext, callContextOf } from './call/call-context.js';

export interface RequestSummary {
  method: string;
  url: string;
  /** The credentials the request (and its replay) carried, to redact from what is built from the response. */
  secrets: readonly string[];
  /** What to add to an error built from this response, when the status alone does not explain it. */
  hint?: string | undefined;
}

const requestOfResponse = new WeakMap<Response, RequestSummary>();

/** The method and URL of the request that produced `response`, when it went through a client. */
export function requestSummaryOf(response: Response): RequestSummary {
  return requestOfResponse.get(response) ?? { method: 'HTTP', url: response.url, secrets: [] };
}

const HTML_HINT =
  'Expected JSON but got an HTML page: usually a login or sign-in page of the gateway in front of the API. ' +
  'Check that an auth plugin is configured and that baseUrl points at the API itself ' +
  '(KFP behind Kubeflow: https://<host>/pipeline; Seldon Deploy: https://<host>/seldon-deploy/api/v1alpha1).';

const NO_CREDENTIALS_HINT =
  "The request carried no credentials. Add an auth plugin as the client's auth option: serviceAccountTokenAuth() " +
  '(@ml-platform/auth-sa-token) inside a Kubernetes pod, dexSessionAuth() (@ml-platform/auth-dex-session) for a ' +
  'Kubeflow login with username and password, oidcAuth() (@ml-platform/auth-oidc) for an OpenID provider, or ' +
  'staticTokenAuth(token) / staticCookieAuth(cookie) from @ml-platform/core.';

export interface ResponseGuardOptions {
  maxResponseBytes: number;
  /** Shown on a 404 that is not the API's own answer (no upstream error code), e.g. a gateway's 404. */
  notFoundHint: string | undefined;
}

/**
 * Registered first, so its `onRequest` runs first (it links the call to its
 * context) and its `onResponse` last: after auth plugins had their chance to
 * refresh and replay. It remembers which request produced each response and
 * what credentials went out with it (for error messages and their
 * redaction), bounds the body at `maxResponseBytes`, and turns an HTML page
 * into an error that says so, instead of a JSON parse failure or a silent `undefined`.
 */
export function createResponseGuard(options: ResponseGuardOptions): Middleware {
  return {
    onRequest({ request, options: callOptions }) {
      attachCallContext(callOptions, request);
      return undefined;
    },
    onResponse({ request, response, options: callOptions }) {
      const call = callContextOf({ options: callOptions });
      const secrets = [...(call?.secrets ?? []), ...secretsInHeaders(request.headers)];
      const summary: RequestSummary = {
        method: realMethodOf(request),
        url: response.url || request.url,
        secrets,
        hint: hintFor(response.status, secrets.length > 0, options.notFoundHint),
      };
      if (call) {
        call.phase = 'reading';
        call.url = summary.url;
        call.status = response.status;
        call.contentType = response.headers.get('content-type') ?? '';
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (/\btext\/html\b/i.test(contentType)) {
        response.body?.cancel().catch(() => undefined);
        throw new ApiError({
          code: ApiErrorCode.htmlResponse,
          status: response.status,
          method: summary.method,
          url: summary.url,
          requestId: response.headers.get('x-request-id') ?? undefined,
          hint: HTML_HINT,
        });
      }
      const readsWhole = callOptions.parseAs === 'json' || callOptions.parseAs === 'text' || !response.ok;
      const checked = readsWhole
        ? limitBody(
            response,
            {
              method: summary.method,
              url: summary.url,
              signal: request.signal,
              onBodyFailure: call
                ? () => {
                    call.bodyBrokeOff = { idempotencyKey: request.headers.has('idempotency-key') };
                  }
                : undefined,
            },
            options.maxResponseBytes,
          )
        : response;
      requestOfResponse.set(checked, summary);
      return checked === response ? undefined : checked;
    },
  };
}

function hintFor(
  status: number,
  sentCredentials: boolean,
  notFoundHint: string | undefined,
): string | undefined {
  if (status === 401 && !sentCredentials) return NO_CREDENTIALS_HINT;
  if (status === 404) return notFoundHint;
  return undefined;
}
