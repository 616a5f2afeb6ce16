import type { Middleware } from 'openapi-fetch';
import { ApiError, ApiErrorCode } from './api-error.js';

interface RequestSummary {
  method: string;
  url: string;
}

const requestOfResponse = new WeakMap<Response, RequestSummary>();

/** The method and URL of the request that produced `response`, when it went through a client. */
export function requestSummaryOf(response: Response): RequestSummary {
  return requestOfResponse.get(response) ?? { method: 'HTTP', url: response.url };
}

const HTML_HINT =
  'Expected JSON but got an HTML page: usually a login or sign-in page of the gateway in front of the API. ' +
  'Check that an auth plugin is configured and that baseUrl points at the API itself ' +
  '(KFP behind Kubeflow: https://<host>/pipeline; Seldon Deploy: https://<host>/seldon-deploy/api/v1alpha1).';

/**
 * Registered first, so its `onResponse` runs last: after auth plugins had their
 * chance to refresh and replay. It remembers which request produced each
 * response (for error messages) and turns an HTML page into an error that says
 * so, instead of a JSON parse failure or a silent `undefined`.
 */
export const responseGuard: Middleware = {
  onResponse({ request, response }) {
    const summary = { method: request.method, url: response.url || request.url };
    requestOfResponse.set(response, summary);
    const contentType = response.headers.get('content-type') ?? '';
    if (/\btext\/html\b/i.test(contentType)) {
      throw new ApiError({
        code: ApiErrorCode.htmlResponse,
        status: response.status,
        method: summary.method,
        url: summary.url,
        requestId: response.headers.get('x-request-id') ?? undefined,
        hint: HTML_HINT,
      });
    }
    return undefined;
  },
};
