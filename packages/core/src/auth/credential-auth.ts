import { abortable } from '../call/abortable.js';
import { callContextOf } from '../call/call-context.js';
import { replayCopyOf } from '../call/replay-copy.js';
import { AuthError } from '../errors.js';
import { isSendableHeaderValue } from '../validate/header-option.js';
import type { AuthPlugin, AuthPluginDiagnostics } from './auth-plugin.js';
import type { Credential, CredentialCache } from './credential-cache.js';
import { rememberSentSecret } from './sent-secrets.js';

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
   * or work that may invalidate the cached one (a rotation check).
   */
  beforeSign?: ((request: Request) => void | Promise<void>) | undefined;
  /** Whether the server refused the credential. Default: HTTP 401. */
  isRejected?: ((response: Response, request: Request) => boolean) | undefined;
}

interface SentWith<C> {
  credential: C;
  /** An unread copy of a request that has a body, for clients that are not core's (which keep their own). */
  replayCopy: Request | undefined;
}

/**
 * An auth plugin built on a `CredentialCache`, as `createCredentialAuth` returns it; every
 * credential plugin of this project is one.
 */
export type CredentialAuthPlugin<C extends Credential> = AuthPlugin & {
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
  // Keyed by the call (openapi-fetch's per-call options object), not by the Request: a later middleware may
  // replace the Request this plugin signed, and the response must still find what it was signed with.
  const sent = new WeakMap<object, SentWith<C>>();

  const sign = (request: Request, credential: C): Request => apply(request, credential) ?? request;

  /** Waits for `work` no longer than the request's signal allows, telling the call what it waits for. */
  const waitFor = async <T>(
    hook: { options?: object | undefined },
    request: Request,
    work: () => Promise<T>,
  ): Promise<T> => {
    const call = callContextOf(hook);
    if (call) call.waitingFor = name;
    const result = await abortable(work(), request.signal);
    // Left set when the wait is aborted, so the call's timeout error can say what it was waiting for.
    if (call?.waitingFor === name) call.waitingFor = undefined;
    return result;
  };

  return {
    name,
    cache,
    diagnostics: () => diagnosticsOf(cache),
    async onRequest(hook) {
      const { request } = hook;
      request.signal.throwIfAborted();
      const credential = await waitFor(hook, request, async () => {
        await beforeSign?.(request);
        return cache.get();
      });
      rememberSentSecret(hook, credential.value);
      refuseUnsendable(name, credential);
      // A core client keeps a copy of the request as finally sent; any other client gets one from here.
      const replayCopy = request.body === null || callContextOf(hook) ? undefined : request.clone();
      const signed = sign(request, credential);
      sent.set(hook.options, { credential, replayCopy });
      return signed === request ? undefined : signed;
    },
    async onResponse(hook) {
      const { request, response, options: clientOptions } = hook;
      if (!isRejected(response, request)) return undefined;
      const first = sent.get(hook.options);
      if (!first) return undefined;
      const fresh = await waitFor(hook, request, () => cache.replace(first.credential));
      if (fresh.value === first.credential.value) return undefined;
      const copy = replayCopyOf(request) ?? first.replayCopy ?? new Request(request);
      await response.body?.cancel().catch(() => undefined);
      rememberSentSecret(hook, fresh.value);
      refuseUnsendable(name, fresh);
      return clientOptions.fetch(sign(copy, fresh));
    },
  };
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
