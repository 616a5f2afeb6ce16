import {
  type Credential,
  type CredentialAuthPlugin,
  CredentialCache,
  createCredentialAuth,
} from '@ml-platform/core';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A client's `fetch` option answering with `handler`, keeping a copy of every request it saw. */
export function scriptedFetch(handler: FetchHandler): {
  fetch: (request: Request) => Promise<Response>;
  seen: Request[];
} {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request.clone());
    return handler(request);
  };
  return { fetch, seen };
}

/** A JSON response, as the APIs send them. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * An auth plugin whose token source hands out `tokens` in turn ('exhausted'
 * after them), as one refreshed after a 401 does; `cache.acquisitions` counts
 * the refreshes.
 */
export function rotatingTokenAuth(tokens: readonly string[] = ['token-1', 'token-2']): {
  auth: CredentialAuthPlugin<Credential>;
  cache: CredentialCache<Credential>;
} {
  const left = [...tokens];
  const cache = new CredentialCache({ acquire: async () => ({ value: left.shift() ?? 'exhausted' }) });
  const auth = createCredentialAuth({
    name: 'test-token-source',
    cache,
    apply: (request, credential) => {
      request.headers.set('authorization', `Bearer ${credential.value}`);
      return request;
    },
  });
  return { auth, cache };
}
