import type { FetchFunction } from '../fetch-function.js';

/**
 * What core knows about one call while it runs. The call wrapper builds one
 * per attempt and hands openapi-fetch a fetch of that attempt's own (its
 * per-request `fetch` option) that carries it; openapi-fetch passes that fetch
 * to every middleware hook as `options.fetch`, so the response guard and the
 * auth plugins read and write the call's state there, as data, with nothing
 * kept beside it.
 */
export interface CallContext {
  readonly method: string;
  /** Where the call goes, until a request is built (the schema path below baseUrl). */
  readonly target: string;
  /** Every credential sent on this call (first request and replay), to be redacted from what comes back; made on the first. */
  secrets?: Set<string> | undefined;
  /** Where the call is: before its response (credentials, sending), or reading the body. */
  phase: 'sending' | 'reading';
  /** The plugin whose credential the call is waiting for, while it waits. */
  waitingFor?: string | undefined;
  /** The request that got the response and the response itself, once one came (for messages). */
  request?: Request | undefined;
  response?: Response | undefined;
  /** The connection broke off while the body streamed: the attempt failed after its answer began, and may be made again. */
  bodyBrokeOff?: boolean | undefined;
  /** Set by a plugin that may replay the call after a 401: the fetch then keeps an unread copy of what it sends. */
  keepsReplayCopy?: boolean | undefined;
  /** The unread copy of the last request sent with a body, as finally sent (every header every middleware set). */
  replayCopy?: Request | undefined;
  /** What each credential plugin signed this call with, so a refusal replaces exactly that credential. */
  signedWith?: Map<object, unknown> | undefined;
  /** The client is not core's (a plain openapi-fetch client using a plugin): nothing below the middleware keeps a replay copy. */
  readonly foreign?: boolean | undefined;
}

/**
 * Where a call's fetch carries its context. `Symbol.for`, so a plugin built on
 * one copy of core finds the context of a client built by another.
 */
const CALL_CONTEXT = Symbol.for('@ml-platform/core.call-context');

/** The fetch of one call, carrying its context. */
type CallFetch = FetchFunction & { readonly [CALL_CONTEXT]: CallContext };

/** The URL the call went to, once a request was built; its target before. */
export function urlOf(context: CallContext): string {
  return context.response?.url || context.request?.url || context.target;
}

export function newCallContext(method: string, target: string, foreign?: boolean): CallContext {
  return { method, target, phase: 'sending', foreign };
}

/**
 * The fetch openapi-fetch is given for one call: it sends through `send`,
 * after keeping an unread copy of the request when a plugin may replay it.
 * The copy is taken here, below every middleware, so a replay carries every
 * header they set and the same body bytes (JSON, multipart with its boundary).
 */
export function callFetch(context: CallContext, send: FetchFunction): CallFetch {
  const fetch = ((request: Request) => {
    if (context.keepsReplayCopy && request.body !== null) context.replayCopy = request.clone();
    return send(request);
  }) as FetchFunction & { [CALL_CONTEXT]: CallContext };
  fetch[CALL_CONTEXT] = context;
  return fetch;
}

/** Records a credential `context`'s call carried, for redaction. */
export function rememberSecret(context: CallContext, secret: string): void {
  context.secrets ??= new Set();
  context.secrets.add(secret);
}

// Only for clients that are not core's: their fetch carries no context, so one is made per call and kept
// here, keyed by openapi-fetch's per-call options object, for as long as that call lives.
const foreignCalls = new WeakMap<object, CallContext>();

/** The parameters of a middleware hook that lead to its call's context. */
export interface HookParams {
  readonly request: Request;
  readonly options?: { readonly fetch?: unknown } | undefined;
}

/**
 * The context of the call a middleware hook runs for. A core client's calls
 * carry theirs; a plain openapi-fetch client's call gets one on first ask.
 */
export function callContextOf(hook: HookParams): CallContext {
  const carried = (hook.options?.fetch as Partial<CallFetch> | undefined)?.[CALL_CONTEXT];
  if (carried) return carried;
  const key = hook.options;
  if (!key) return newCallContext(hook.request.method, hook.request.url, true);
  let context = foreignCalls.get(key);
  if (!context) {
    context = newCallContext(hook.request.method, hook.request.url, true);
    foreignCalls.set(key, context);
  }
  return context;
}
