import { abortable } from '../call/abortable.js';
import { type CallContext, callContextOf, type HookParams, rememberSecret } from '../call/call-context.js';
import { AuthError } from '../errors.js';
import type { FetchFunction } from '../fetch-function.js';
import { isSendableHeaderValue } from '../validate/header-option.js';
import type { AuthPlugin, AuthPluginDiagnostics } from './auth-plugin.js';
import type { Credential, CredentialCache } from './credential-cache.js';

/** Stable codes of the errors createCredentialAuth raises itself. */
export const CredentialAuthErrorCode = {
  /** The credential holds a character no HTTP header can carry (CR, LF, NUL, beyond Latin-1). */
  unsendable: 'AUTH_CREDENTIAL_UNSENDABLE',
} as const;

/**
 * The options of `createCredentialAuth`: the plugin's name, its credential cache, and how a
 * credential is put on a request and recognised as refused.
 */
export interface CredentialAuthOptions<C extends Credential> {
  /** Plugin name, e.g. `@ml-platform/auth-sa-token`. */
  name: string;
  /** Where credentials come from; shared by every request this plugin signs. */
  cache: CredentialCache<C>;
  /** Puts the credential on the request (mutate its headers, or return a new Request). */
  apply: (request: Request, credential: C) => Request | undefined;
  /**
   * Called before each request is signed, before a credential is fetched: a
   * check that the request may get the credential at all (throw to refuse),
   * or work that may invalidate the cached one (a rotation check). `request`
   * is undefined when the credential is asked for by `acquire()`.
   */
  beforeSign?: ((request: Request | undefined) => void | Promise<void>) | undefined;
  /** Whether the server refused the credential. Default: HTTP 401. */
  isRejected?: ((response: Response, request: Request) => boolean) | undefined;
}

/**
 * An auth plugin built on a `CredentialCache`, as `createCredentialAuth` returns it; every
 * credential plugin of this project is one.
 */
export type CredentialAuthPlugin<C extends Credential> = AuthPlugin & {
  /**
   * The credential the plugin would send now: the cached one, or a fresh one
   * acquired as a request would (a login, a token request, a file read), as
   * Octokit's `auth()` returns its token. For tools that show who is signed
   * in or hand the token to another program; never log its value.
   */
  acquire(options?: { signal?: AbortSignal | undefined }): Promise<C>;
  /** The cache behind the plugin (acquisition count, explicit reset). */
  readonly cache: CredentialCache<C>;
  /** How many credentials were acquired, and whether one is cached and until when: for logs and support. */
  diagnostics(): AuthPluginDiagnostics;
};

/**
 * Builds an auth plugin from a credential cache: every request waits for a
 * fresh credential (one acquisition shared by all concurrent requests), and a
 * request the server refuses is replayed once, body included, after the
 * refused credential is replaced. When acquiring again yields the same
 * credential, the refusal is returned as is: replaying it could not succeed.
 * Waiting for a credential stops when the request's signal aborts (the
 * call's `signal` or `timeoutMs`); the shared acquisition goes on for others.
 */
export function createCredentialAuth<C extends Credential>(
  options: CredentialAuthOptions<C>,
): CredentialAuthPlugin<C> {
  const { name, cache, apply, beforeSign } = options;
  const isRejected = options.isRejected ?? ((response: Response) => response.status === 401);
  // This plugin's key in a call's `signedWith`: several credential plugins may sign one call.
  const signerKey = {};

  const sign = (request: Request, credential: C): Request => apply(request, credential) ?? request;

  /** Waits for `work` no longer than `signal` allows, telling the call (when there is one) what it waits for. */
  const waitFor = async <T>(
    call: CallContext | undefined,
    signal: AbortSignal | undefined,
    work: () => Promise<T>,
  ): Promise<T> => {
    if (call) call.waitingFor = name;
    const result = await abortable(work(), signal);
    // Left set when the wait is aborted, so the call's timeout error can say what it was waiting for.
    if (call?.waitingFor === name) call.waitingFor = undefined;
    return result;
  };

  /** The credential to sign with once `beforeSign`'s check (if it returned one) is done: the fresh one, else the shared acquisition. */
  const current = async (
    call: CallContext | undefined,
    signal: AbortSignal | undefined,
    checking: void | Promise<void>,
  ): Promise<C> => {
    if (checking) await waitFor(call, signal, () => checking);
    return cache.fresh() ?? waitFor(call, signal, () => cache.get());
  };

  // The last value found sendable: a credential is checked once, not on every request it signs.
  let sendable: string | undefined;
  const checkSendable = (credential: C): void => {
    if (credential.value === sendable) return;
    refuseUnsendable(name, credential);
    sendable = credential.value;
  };

  return {
    name,
    cache,
    diagnostics: () => diagnosticsOf(cache),
    async acquire(acquireOptions) {
      const signal = acquireOptions?.signal;
      signal?.throwIfAborted();
      const credential = await current(undefined, signal, beforeSign?.(undefined));
      checkSendable(credential);
      return credential;
    },
    onRequest(hook) {
      const { request } = hook;
      request.signal.throwIfAborted();
      const call = callContextOf(hook);
      const checking = beforeSign?.(request);
      // Steady state: a fresh credential is at hand, so the request is signed without an await.
      const ready = checking ? undefined : cache.fresh();
      if (ready) return signCall(call, request, ready);
      return current(call, request.signal, checking).then((credential) =>
        signCall(call, request, credential),
      );
    },
    onResponse(hook) {
      const { request, response } = hook;
      if (!isRejected(response, request)) return undefined;
      return replay(hook);
    },
  };

  /** Signs `request` with `credential` and records on the call what it was signed with. */
  function signCall(call: CallContext, request: Request, credential: C): Request | undefined {
    rememberSecret(call, credential.value);
    checkSendable(credential);
    // A core client keeps a copy of the request as finally sent (below every middleware); any other client gets one
    // from here, as the request is now.
    if (!call.foreign) call.keepsReplayCopy = true;
    else if (request.body !== null) call.replayCopy = request.clone();
    // Kept on the call, not the Request: a later middleware may replace the Request this plugin signed.
    call.signedWith ??= new Map();
    call.signedWith.set(signerKey, credential);
    const signed = sign(request, credential);
    return signed === request ? undefined : signed;
  }

  /** After a refusal: the call again with a fresh credential, unless acquiring again yields the refused one. */
  async function replay(hook: HookParams & { response: Response; options: { fetch: FetchFunction } }) {
    const { request, response } = hook;
    const call = callContextOf(hook);
    const first = call.signedWith?.get(signerKey) as C | undefined;
    if (!first) return undefined;
    const fresh = await waitFor(call, request.signal, () => cache.replace(first));
    if (fresh.value === first.value) return undefined;
    const copy = call.replayCopy ?? new Request(request);
    await response.body?.cancel().catch(() => undefined);
    rememberSecret(call, fresh.value);
    checkSendable(fresh);
    call.signedWith?.set(signerKey, fresh);
    return hook.options.fetch(sign(copy, fresh));
  }
}

/** Refuses a credential fetch could not send, before fetch refuses it with a message that quotes it. */
function refuseUnsendable(plugin: string, credential: Credential): void {
  if (!isSendableHeaderValue(credential.value)) {
    throw new AuthError(
      plugin,
      CredentialAuthErrorCode.unsendable,
      'The credential obtained holds a line break or another character an HTTP header cannot carry; ' +
        'the value is not shown. Check what the credential source returns (a token file with extra lines, a proxy rewriting the token response).',
    );
  }
}

function diagnosticsOf<C extends Credential>(cache: CredentialCache<C>): AuthPluginDiagnostics {
  const current = cache.peek();
  return {
    acquisitions: cache.acquisitions,
    hasCredential: current !== undefined,
    expiresAt: current?.expiresAt === undefined ? undefined : new Date(current.expiresAt),
  };
}
