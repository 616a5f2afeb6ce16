/**
 * What core knows about one call while it runs: set up by the whole-call
 * wrapper, carried to the middleware chain on the first Request, found again
 * by every hook through openapi-fetch's per-call `options` object.
 */
export interface CallContext {
  readonly method: string;
  /** The URL actually requested, once the chain has built it. */
  url: string;
  /** Every credential sent on this call (first request and replay), to be redacted from what comes back. */
  readonly secrets: Set<string>;
  /** Where the call is: before its response (credentials, sending), or reading the body. */
  phase: 'sending' | 'reading';
  /** The plugin whose credential the call is waiting for, while it waits. */
  waitingFor?: string | undefined;
  /** The status and content type of the response, once one came. */
  status?: number | undefined;
  contentType?: string | undefined;
  /** The connection broke off while the body streamed: the attempt failed after its answer began, and may be made again. */
  bodyBrokeOff?: { readonly idempotencyKey: boolean } | undefined;
}

/** The init key openapi-fetch copies onto the first Request of a call (it copies unknown init keys). */
export const CALL_CONTEXT_KEY = 'mlPlatformCall';

const contexts = new WeakMap<object, CallContext>();

export function newCallContext(method: string, url: string): CallContext {
  return { method, url, secrets: new Set(), phase: 'sending' };
}

/** Links the call's `options` (one frozen object per call, passed to every hook) to its context. */
export function attachCallContext(options: object, request: Request): CallContext {
  const carried = (request as unknown as Record<string, unknown>)[CALL_CONTEXT_KEY] as
    | CallContext
    | undefined;
  const context = carried ?? newCallContext(request.method, request.url);
  contexts.set(options, context);
  return context;
}

/** The context of the call a middleware hook is running for, when the client is core's. */
export function callContextOf(hook: { options?: object | undefined }): CallContext | undefined {
  return hook.options ? contexts.get(hook.options) : undefined;
}
