import type { JsonWebKey } from 'node:crypto';

export interface JsonWebKeySet {
  keys: JsonWebKey[];
}

/** Where a JWT rule gets its issuer's public keys; `refresh` asks again (a key id it does not know). */
export interface JwksSource {
  keys(options?: { refresh?: boolean }): Promise<JsonWebKeySet>;
}

/** Keys held in memory, e.g. the emulated Kubernetes API server's. */
export function inMemoryJwks(get: () => JsonWebKeySet): JwksSource {
  return { keys: async () => get() };
}

/**
 * An OpenID Provider's keys, found the way Istio finds them when a
 * RequestAuthentication gives only `issuer`: the discovery document's
 * `jwks_uri`, fetched and cached, fetched again when a token names an unknown
 * key id (the provider rotated its keys), at most once a second.
 */
export function discoveredJwks(issuer: string): JwksSource {
  let cached: JsonWebKeySet | undefined;
  let fetchedAt = 0;
  let pending: Promise<JsonWebKeySet> | undefined;

  const load = async (): Promise<JsonWebKeySet> => {
    const discovery = await getJson(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    const jwksUri = (discovery as { jwks_uri?: unknown }).jwks_uri;
    if (typeof jwksUri !== 'string') throw new Error(`${issuer} has no jwks_uri in its discovery document.`);
    const jwks = (await getJson(jwksUri)) as JsonWebKeySet;
    if (!Array.isArray(jwks.keys)) throw new Error(`${jwksUri} is not a JSON Web Key Set.`);
    cached = jwks;
    fetchedAt = Date.now();
    return jwks;
  };

  return {
    keys({ refresh = false } = {}) {
      const fresh = cached && !(refresh && Date.now() - fetchedAt > 1000);
      if (fresh && cached) return Promise.resolve(cached);
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}.`);
  return response.json();
}
