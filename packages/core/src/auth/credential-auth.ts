import type { AuthPlugin } from './auth-plugin.js';
import type { Credential, CredentialCache } from './credential-cache.js';

export interface CredentialAuthOptions<C extends Credential> {
  /** Plugin name, e.g. `@ml-platform/auth-sa-token`. */
  name: string;
  /** Where credentials come from; shared by every request this plugin signs. */
  cache: CredentialCache<C>;
  /** Puts the credential on the request (mutate its headers, or return a new Request). */
  apply: (request: Request, credential: C) => Request | undefined;
  /** Whether the server refused the credential. Default: HTTP 401. */
  isRejected?: (response: Response, request: Request) => boolean;
}

interface SentWith<C> {
  credential: C;
  /** An unread copy of a request that has a body, so it can be sent a second time. */
  replayCopy: Request | undefined;
}

export type CredentialAuthPlugin<C extends Credential> = AuthPlugin & {
  /** The cache behind the plugin (acquisition count, explicit reset). */
  readonly cache: CredentialCache<C>;
};

/**
 * Builds an auth plugin from a credential cache: every request waits for a
 * fresh credential (one acquisition shared by all concurrent requests), and a
 * request the server refuses is replayed once, body included, after the
 * refused credential is replaced. When acquiring again yields the same
 * credential, the refusal is returned as is: replaying it could not succeed.
 */
export function createCredentialAuth<C extends Credential>(
  options: CredentialAuthOptions<C>,
): CredentialAuthPlugin<C> {
  const { name, cache, apply } = options;
  const isRejected = options.isRejected ?? ((response: Response) => response.status === 401);
  const sent = new WeakMap<Request, SentWith<C>>();

  const sign = (request: Request, credential: C): Request => apply(request, credential) ?? request;

  return {
    name,
    cache,
    async onRequest({ request }) {
      const credential = await cache.get();
      const replayCopy = request.body === null ? undefined : request.clone();
      const signed = sign(request, credential);
      sent.set(signed, { credential, replayCopy });
      return signed === request ? undefined : signed;
    },
    async onResponse({ request, response, options: clientOptions }) {
      if (!isRejected(response, request)) return undefined;
      const first = sent.get(request);
      if (!first) return undefined;
      const fresh = await cache.replace(first.credential);
      if (fresh.value === first.credential.value) return undefined;
      await response.body?.cancel().catch(() => undefined);
      const again = sign(first.replayCopy ?? new Request(request), fresh);
      return clientOptions.fetch(again);
    },
  };
}
