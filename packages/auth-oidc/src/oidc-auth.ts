import { inspect } from 'node:util';
import { type CredentialAuthPlugin, CredentialCache, createCredentialAuth } from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';
import type { OidcAuthOptions } from './options.js';
import { providerFetchFor } from './provider-fetch.js';
import { resolveOptions } from './resolve-options.js';
import type { TokenAcquisition } from './token-acquisition.js';
import type { OidcCredential } from './tokens.js';
import { createWarningSink } from './warnings.js';

/** The plugin `oidcAuth` returns: pass it as a client's `auth`. */
export type OidcAuth = CredentialAuthPlugin<OidcCredential> & {
  /** How many times tokens were acquired (initial, refresh, login) since creation: for diagnostics and benchmarks. */
  readonly acquisitions: number;
  /** The token requests are signed with (acquiring one first if needed), for calls made without a client. */
  getToken(): Promise<string>;
  /** Forgets this issuer's and client's tokens, in memory and in the token cache file. Other entries stay. */
  logout(): Promise<void>;
};

/**
 * Signs requests with OIDC tokens from any provider (Dex behind deployKF,
 * Keycloak in front of Seldon Deploy, ...): `Authorization: Bearer <id_token>`
 * by default. Tokens are refreshed before they expire, concurrent requests
 * share one acquisition, a refused request is replayed once with a new token,
 * and interactive logins are cached on disk.
 *
 * @example
 * const auth = oidcAuth({ issuer: 'https://kubeflow.example.com/dex', flow: 'authorization_code' });
 * const kfp = createKfpV2Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth });
 */
export function oidcAuth(options: OidcAuthOptions): OidcAuth {
  const resolved = resolveOptions(options);
  const warn = createWarningSink(resolved.onWarning);
  const providerFetch = providerFetchFor(resolved);
  // openid-client, the flows and the token cache file load with the first token, not with the program.
  let acquisition: Promise<TokenAcquisition> | undefined;
  const tokenAcquisition = (): Promise<TokenAcquisition> => {
    acquisition ??= import('./token-acquisition.js')
      .then(({ createTokenAcquisition }) =>
        createTokenAcquisition({ options: resolved, providerFetch, warn }),
      )
      .catch((error: unknown) => {
        acquisition = undefined;
        throw error;
      });
    return acquisition;
  };
  const acquire: TokenAcquisition['acquire'] = async (reason, previous) =>
    (await tokenAcquisition()).acquire(reason, previous);
  const cache = new CredentialCache<OidcCredential>({
    acquire,
    skewMs: resolved.skewMs,
    refreshAheadMs: resolved.refreshAheadMs,
    now: resolved.now,
  });
  const plugin = createCredentialAuth<OidcCredential>({
    name: PLUGIN_NAME,
    cache,
    apply(request, credential) {
      request.headers.set('authorization', `Bearer ${credential.value}`);
      return undefined;
    },
  });

  const describe = () =>
    `OidcAuth { issuer: '${resolved.issuer.href}', clientId: '${resolved.clientId}', flow: '${resolved.flow}', ` +
    `tokenType: '${resolved.tokenType}', acquisitions: ${cache.acquisitions} }`;

  const auth: OidcAuth = {
    ...plugin,
    get acquisitions() {
      return cache.acquisitions;
    },
    async getToken() {
      return (await cache.get()).value;
    },
    async logout() {
      cache.clear();
      if (resolved.tokenCachePath === undefined) return;
      await (await tokenAcquisition()).forget();
    },
  };
  // What logs show for the plugin: who it talks to, never what it holds.
  return Object.assign(auth, { toString: describe, [inspect.custom]: describe });
}
