import { inspect } from 'node:util';
import { type CredentialAuthPlugin, CredentialCache, createCredentialAuth } from '@ml-platform/core';
import { createAcquire } from './acquire-credential.js';
import { PLUGIN_NAME } from './errors.js';
import { clientCredentialsFlow } from './flows/client-credentials.js';
import { deviceCodeFlow } from './flows/device-code.js';
import type { Flow } from './flows/flow.js';
import { loopbackFlow } from './flows/loopback.js';
import { outOfBandFlow } from './flows/out-of-band.js';
import { passwordFlow } from './flows/password.js';
import type { OidcAuthOptions, ResolvedOptions } from './options.js';
import { createTerminalPrompt } from './prompt.js';
import { createConfigurationLoader } from './provider-configuration.js';
import { resolveOptions } from './resolve-options.js';
import { createTokenCacheFile } from './token-cache-file.js';
import { type CacheKey, memoryOnlyStore, saveTokens } from './token-store.js';
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

function flowFor(options: ResolvedOptions): Flow {
  switch (options.flow) {
    case 'client_credentials':
      return clientCredentialsFlow(options);
    case 'password':
      return passwordFlow(options);
    case 'device_code':
      return deviceCodeFlow(options, options.prompt ?? createTerminalPrompt());
    case 'authorization_code': {
      const prompt = options.prompt ?? createTerminalPrompt();
      return options.redirect === 'loopback' ? loopbackFlow(options, prompt) : outOfBandFlow(options, prompt);
    }
  }
}

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
  const store = resolved.tokenCachePath
    ? createTokenCacheFile(resolved.tokenCachePath, warn)
    : memoryOnlyStore;
  const configuration = createConfigurationLoader(resolved);
  const { acquire } = createAcquire({
    options: resolved,
    configuration,
    store,
    flow: flowFor(resolved),
    warn,
  });
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
      if (store === memoryOnlyStore) return;
      // The cache key is the provider's own issuer string, which needs discovery once.
      const config = await configuration();
      const key: CacheKey = { issuer: config.serverMetadata().issuer, clientId: resolved.clientId };
      await saveTokens(store, key, null);
    },
  };
  // What logs show for the plugin: who it talks to, never what it holds.
  return Object.assign(auth, { toString: describe, [inspect.custom]: describe });
}
