import type { FailureContext } from './network-cause.js';

export { type FailureContext, NetworkErrorCode, networkCauseCode } from './network-cause.js';

/**
 * A network failure, not a misuse such as an invalid URL or a GET with a body
 * (also TypeErrors): undici gives the reason as `cause`; Bun puts the system
 * code (`ECONNREFUSED`) on the TypeError itself, where Node's misuse errors
 * carry an `ERR_` code; browsers say "Failed to fetch", "NetworkError when
 * attempting to fetch resource" or "Load failed".
 */
function looksLikeNetworkFailure(error: TypeError): boolean {
  const { code } = error as { code?: unknown };
  return (
    error.cause !== undefined ||
    (typeof code === 'string' && /^E(?!RR_)[A-Z]+$/.test(code)) ||
    /fetch|network|load failed/i.test(error.message)
  );
}

/**
 * The fetch standard reports every failure below HTTP as a bare `TypeError`
 * ("fetch failed"); this turns it into an error that names the call and says
 * what to do, keeping the original as `cause`. Anything else passes through.
 * The diagnosis and its texts are imported when the first failure happens, so
 * a client that never fails never loads them: await the result, then throw it.
 */
export async function toNetworkError(
  error: unknown,
  request: Request,
  context: FailureContext,
): Promise<unknown> {
  if (!(error instanceof TypeError) || !looksLikeNetworkFailure(error)) return error;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return error;
  }
  const { describeNetworkFailure } = await import('./network-diagnosis.js');
  return describeNetworkFailure(error, request, url, context);
}
