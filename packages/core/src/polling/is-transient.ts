import { ApiError } from '../api-error.js';
import { TransportErrorCode } from '../transport.js';

/**
 * Failures worth polling again after: the gateway or API restarting (502, 503,
 * 504), a per-request timeout, a dropped connection. Anything else (401 after
 * the auth plugin gave up, 403, 404) will not heal by waiting.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 502 || error.status === 503 || error.status === 504;
  if (error instanceof Error && (error as { code?: unknown }).code === TransportErrorCode.timeout)
    return true;
  // fetch reports network failures (refused, reset, DNS) as a TypeError.
  return error instanceof TypeError;
}
