import type { AcquireReason } from '@ml-platform/core';
import type { CustomFetch } from 'openid-client';
import { createAcquire } from './acquire-credential.js';
import { flowFor } from './flows/flow-for.js';
import type { ResolvedOptions } from './options.js';
import { createConfigurationLoader } from './provider-configuration.js';
import { memoryOnlyStore, saveTokens, type TokenStore } from './token-store.js';
import type { OidcCredential } from './tokens.js';
import type { WarningSink } from './warnings.js';

/** Everything that talks to the provider or the token cache file, made ready on the first acquisition. */
export interface TokenAcquisition {
  acquire(reason: AcquireReason, previous: OidcCredential | undefined): Promise<OidcCredential>;
  /** Removes this issuer's and client's entry from the token cache file (nothing to do without one). */
  forget(): Promise<void>;
}

/** What `oidcAuth` resolved and built when it was created. */
export interface TokenAcquisitionInput {
  readonly options: ResolvedOptions;
  readonly providerFetch: CustomFetch;
  readonly warn: WarningSink;
}

/**
 * Loaded by `oidcAuth` with `import()` when the first token is needed, so
 * creating the plugin (and starting a program that may never call the
 * provider) does not load openid-client, the flows or the token cache file.
 */
export async function createTokenAcquisition({
  options,
  providerFetch,
  warn,
}: TokenAcquisitionInput): Promise<TokenAcquisition> {
  const [store, flow] = await Promise.all([storeFor(options, warn), flowFor(options)]);
  const configuration = createConfigurationLoader(options, providerFetch);
  const { acquire } = createAcquire({ options, configuration, store, flow, warn });
  return {
    acquire,
    async forget() {
      if (store === memoryOnlyStore) return;
      // The cache key is the provider's own issuer string, which needs discovery once.
      const config = await configuration();
      await saveTokens(store, { issuer: config.serverMetadata().issuer, clientId: options.clientId }, null);
    },
  };
}

async function storeFor(options: ResolvedOptions, warn: WarningSink): Promise<TokenStore> {
  if (!options.tokenCachePath) return memoryOnlyStore;
  const { createTokenCacheFile } = await import('./token-cache-file.js');
  return createTokenCacheFile(options.tokenCachePath, warn);
}
