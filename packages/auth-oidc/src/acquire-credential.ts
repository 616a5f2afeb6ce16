import type { AcquireReason } from '@ml-platform/core';
import type { Configuration } from 'openid-client';
import { OidcAuthError, OidcAuthErrorCode } from './errors.js';
import type { Flow } from './flows/flow.js';
import { refreshTokens } from './flows/refresh-token.js';
import type { ResolvedOptions } from './options.js';
import { type CacheKey, type StoreStep, saveTokens, type TokenStore } from './token-store.js';
import {
  credentialFrom,
  type OidcCredential,
  pickToken,
  type StoredTokens,
  storedTokensOf,
  tokensFromResponse,
} from './tokens.js';
import { OidcAuthWarningCode, type WarningSink } from './warnings.js';

export interface AcquireDependencies {
  options: ResolvedOptions;
  configuration: () => Promise<Configuration>;
  store: TokenStore;
  flow: Flow;
  warn: WarningSink;
}

/**
 * The "next step" logic behind core's CredentialCache, which already provides
 * single flight, expiry with skew, refresh-ahead and the 401 replay. Each
 * acquisition takes the first step that works:
 *   1. a token another process (or an earlier run) saved, if it is better than the one in hand;
 *   2. the refresh token (under the cache lock, so two processes never spend the same one);
 *   3. the flow itself: repeat client_credentials / password, or ask the user again.
 * A refused refresh token is reported as a warning and dropped; anything else
 * that fails is an OidcAuthError.
 */
export function createAcquire(dependencies: AcquireDependencies) {
  const { options, configuration, store, flow, warn } = dependencies;
  let cacheKey: CacheKey | undefined;

  /** Whether saved tokens beat what the cache just gave up (`previous`). */
  const usable = (
    saved: StoredTokens,
    reason: AcquireReason,
    previous: OidcCredential | undefined,
  ): boolean => {
    const picked = pickToken(saved, options.tokenType);
    if (!picked) return false;
    if (reason !== 'initial' && picked.value === previous?.value) return false;
    const margin = reason === 'expiring' ? options.refreshAheadMs : options.skewMs;
    return picked.expiresAt === undefined || picked.expiresAt - options.now() > margin;
  };

  const refreshStep = async (
    config: Configuration,
    saved: StoredTokens | undefined,
    reason: AcquireReason,
    previous: OidcCredential | undefined,
  ): Promise<StoreStep<OidcCredential | undefined>> => {
    if (saved && usable(saved, reason, previous)) return { result: credentialFrom(saved, options.tokenType) };
    const known = saved ?? storedTokensOf(previous);
    const refreshToken = known?.refreshToken;
    if (!refreshToken) return { result: undefined };
    try {
      const tokens = tokensFromResponse(await refreshTokens(options, config, refreshToken), known);
      const credential = credentialFrom(tokens, options.tokenType);
      if (credential) return { result: credential, write: tokens };
      warn(
        OidcAuthWarningCode.refreshRejected,
        `The refresh at ${options.issuer.href} returned no ${options.tokenType}; ${nextStepText()}.`,
      );
      return { result: undefined, write: { ...tokens, refreshToken: undefined } };
    } catch (error) {
      // Only the provider saying no ends the refresh token; an unreachable provider would fail the next step too.
      if (!(error instanceof OidcAuthError) || error.oauthError === undefined) throw error;
      warn(
        OidcAuthWarningCode.refreshRejected,
        `The provider refused the refresh token of client "${options.clientId}" (${error.oauthError}); ${nextStepText()}.`,
      );
      return { result: undefined, write: saved ? null : undefined };
    }
  };

  const nextStepText = () =>
    flow.interactive
      ? options.interactive
        ? 'logging in again'
        : 'a new login is needed'
      : `repeating the ${flow.step} grant`;

  const acquire = async (
    reason: AcquireReason,
    previous: OidcCredential | undefined,
  ): Promise<OidcCredential> => {
    const config = await configuration();
    cacheKey ??= { issuer: config.serverMetadata().issuer, clientId: options.clientId };
    const key = cacheKey;

    const fromStore = await store.update(key, (saved) => refreshStep(config, saved, reason, previous));
    if (fromStore) return fromStore;

    if (flow.interactive && !options.interactive) {
      throw new OidcAuthError(
        OidcAuthErrorCode.loginRequired,
        `No valid token for client "${options.clientId}" at ${options.issuer.href} and interactive is false, so ` +
          'nobody can be asked to log in. Log in once interactively (the token cache keeps the login) or set interactive: true.',
      );
    }
    const tokens = tokensFromResponse(await flow.obtain(config));
    const credential = credentialFrom(tokens, options.tokenType);
    if (!credential) {
      const alternative = options.tokenType === 'id_token' ? 'access_token' : 'id_token';
      throw new OidcAuthError(
        OidcAuthErrorCode.tokenMissing,
        `The ${flow.step} grant for client "${options.clientId}" returned no ${options.tokenType}` +
          (options.tokenType === 'id_token'
            ? " (providers issue ID tokens only for a user and with scope 'openid')"
            : '') +
          `. Set tokenType: '${alternative}' if the API accepts it, or ask for scope 'openid'.`,
      );
    }
    await saveTokens(store, key, tokens);
    return credential;
  };

  return { acquire };
}
