import { ApiError, parseUpstreamError } from './api-error.js';
import { requestSummaryOf } from './call/request-summary.js';

/** The shape every openapi-fetch call resolves to. */
export interface FetchResultLike<Data> {
  data?: Data | undefined;
  error?: unknown;
  response: Response;
}

/**
 * Returns the data of a successful call, or throws an {@link ApiError} carrying
 * the status, the upstream code and message, the method and the redacted URL.
 *
 * @example const { experiments } = unwrap(await client.GET('/apis/v2beta1/experiments'));
 */
export function unwrap<Data>(result: FetchResultLike<Data>): Data {
  const { response } = result;
  if (response.ok && result.error === undefined) return result.data as Data;
  const { method, url, secrets, hint } = requestSummaryOf(response);
  // A 404 the API itself answered (with its own error code) is about the resource, not about where the API is.
  const apiAnswered = response.status === 404 && parseUpstreamError(result.error)?.code !== undefined;
  throw new ApiError({
    status: response.status,
    method,
    url,
    body: result.error,
    secrets,
    hint: apiAnswered ? undefined : hint,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
