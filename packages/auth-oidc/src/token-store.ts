import type { StoredTokens } from './tokens.js';

/** Whose tokens: one login per issuer and client. */
export interface CacheKey {
  readonly issuer: string;
  readonly clientId: string;
}

/** What a step under the store's lock decided: its result, and what to save (`null` removes the entry). */
export interface StoreStep<T> {
  readonly result: T;
  readonly write?: StoredTokens | null | undefined;
}

/**
 * Where logins outlive the process. `update` reads this login's saved tokens,
 * lets `step` decide (use them, refresh them, drop them) and saves the
 * outcome, with no other writer in between: that is what keeps two processes
 * from refreshing the same refresh token twice or overwriting each other.
 */
export interface TokenStore {
  update<T>(key: CacheKey, step: (saved: StoredTokens | undefined) => Promise<StoreStep<T>>): Promise<T>;
}

/** No file: every step starts from nothing saved and its writes are dropped. */
export const memoryOnlyStore: TokenStore = {
  async update(_key, step) {
    return (await step(undefined)).result;
  },
};

export function saveTokens(store: TokenStore, key: CacheKey, tokens: StoredTokens | null): Promise<void> {
  return store.update(key, async () => ({ result: undefined, write: tokens }));
}
