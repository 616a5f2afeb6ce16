import { ApiError } from '../api-error.js';
import { NetworkErrorCode } from '../network-error.js';
import { TransportErrorCode } from '../transport-error-code.js';

/**
 * Failures worth polling again after: the gateway or API restarting (502, 503,
 * 504), a per-request timeout, a dropped connection. Anything else (401 after
 * the auth plugin gave up, 403, 404, a TLS or proxy refusal) will not heal by waiting.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 502 || error.status === 503 || error.status === 504;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  if (code === TransportErrorCode.timeout || code === NetworkErrorCode.network) return true;
  // A custom fetch may still report network failures (refused, reset, DNS) as the bare TypeError of the fetch standard.
  return error instanceof TypeError;
}
