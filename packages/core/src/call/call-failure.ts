/**
 * What a failed call throws, worked out once it failed (loaded then, so a
 * client whose calls succeed never loads these messages): a deadline as
 * REQUEST_TIMEOUT in every phase, a 2xx body that is not JSON as
 * RESPONSE_INVALID_JSON (never a SyntaxError quoting the body), a body read
 * that failed below HTTP as NETWORK_ERROR. Anything else passes through.
 */
import { MlPlatformError } from '../errors.js';
import { redactUrl } from '../redact.js';
import { TransportErrorCode } from '../transport-error-code.js';
import { bodyFailure } from './body-limit.js';
import { type CallContext, urlOf } from './call-context.js';
import { ResponseErrorCode } from './response-errors.js';

/** The call's bounds, to tell its own deadline from the caller's abort. */
export interface CallBounds {
  readonly timeoutMs: number | undefined;
  readonly deadline: AbortSignal | undefined;
  readonly callerSignal: AbortSignal | undefined;
  /** The signal the call ran under (the caller's, the deadline, or both). */
  readonly signal: AbortSignal | undefined;
}

function stalledAt(context: CallContext): string {
  if (context.waitingFor) return `was still waiting for credentials from ${context.waitingFor}`;
  return context.phase === 'reading' ? 'got no complete response body' : 'got no response';
}

/** The error to throw for `error`, which the call described by `context` failed with. */
export function callFailure(error: unknown, context: CallContext, bounds: CallBounds): unknown {
  const { method } = context;
  if (bounds.deadline?.aborted && !bounds.callerSignal?.aborted) {
    return new MlPlatformError(
      TransportErrorCode.timeout,
      `${method} ${redactUrl(urlOf(context))} ${stalledAt(context)} within timeoutMs (${bounds.timeoutMs} ms).`,
      { cause: bounds.deadline.reason },
    );
  }
  if (context.phase !== 'reading' || bounds.signal?.aborted) return error;
  if (error instanceof SyntaxError) {
    // The SyntaxError is not kept: its message quotes the body, which may echo a credential.
    const contentType = context.response?.headers.get('content-type');
    return new MlPlatformError(
      ResponseErrorCode.invalidJson,
      `${method} ${redactUrl(urlOf(context))} answered HTTP ${context.response?.status ?? ''} with a body that ` +
        `is not valid JSON (content-type ${contentType || 'not set'}). Check that baseUrl points at the API ` +
        'itself, not at a proxy or a web page in front of it.',
    );
  }
  if (error instanceof TypeError) {
    // undici's `TypeError: terminated` while openapi-fetch read a body the guard left unwrapped.
    context.bodyBrokeOff = true;
    return bodyFailure({ method, url: urlOf(context) }, error);
  }
  return error;
}
