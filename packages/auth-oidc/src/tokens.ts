import { inspect } from 'node:util';
import { type Credential, jwtExpiresAt, REDACTED } from '@ml-platform/core';
import type { TokenEndpointResponse } from 'openid-client';
import type { OidcTokenType } from './options.js';

/** Everything kept about one login (in memory and in the cache file). */
export interface StoredTokens {
  readonly idToken?: string | undefined;
  readonly accessToken?: string | undefined;
  /** Epoch ms, from `expires_in` (access tokens may be opaque). */
  readonly accessTokenExpiresAt?: number | undefined;
  readonly refreshToken?: string | undefined;
  readonly scope?: string | undefined;
}

/**
 * Reads a token response. A refresh response without a new refresh token
 * means "keep using the old one" (RFC 6749 section 6), so `previous` supplies it.
 */
export function tokensFromResponse(response: TokenEndpointResponse, previous?: StoredTokens): StoredTokens {
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : undefined;
  return {
    idToken: response.id_token,
    accessToken: response.access_token,
    accessTokenExpiresAt:
      expiresIn === undefined ? jwtExpiresAt(response.access_token) : Date.now() + expiresIn * 1000,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    scope: response.scope ?? previous?.scope,
  };
}

/** The token of `tokenType` and when it stops being accepted, if there is one. */
export function pickToken(
  tokens: StoredTokens,
  tokenType: OidcTokenType,
): { value: string; expiresAt: number | undefined } | undefined {
  if (tokenType === 'id_token') {
    return tokens.idToken ? { value: tokens.idToken, expiresAt: jwtExpiresAt(tokens.idToken) } : undefined;
  }
  return tokens.accessToken
    ? {
        value: tokens.accessToken,
        expiresAt: tokens.accessTokenExpiresAt ?? jwtExpiresAt(tokens.accessToken),
      }
    : undefined;
}

const tokensOfCredential = new WeakMap<OidcCredential, StoredTokens>();

/**
 * What the cache hands to the auth plugin. The token is readable through
 * `value` (the plugin sends it) but never shows in `util.inspect`, `toString`
 * or `JSON.stringify`; the rest of the login (refresh token) is not reachable at all.
 */
export class OidcCredential implements Credential {
  readonly #value: string;
  readonly expiresAt: number | undefined;
  readonly tokenType: OidcTokenType;

  constructor(value: string, expiresAt: number | undefined, tokenType: OidcTokenType, tokens: StoredTokens) {
    this.#value = value;
    this.expiresAt = expiresAt;
    this.tokenType = tokenType;
    tokensOfCredential.set(this, tokens);
  }

  get value(): string {
    return this.#value;
  }

  toString(): string {
    const expiry = this.expiresAt === undefined ? 'unknown' : new Date(this.expiresAt).toISOString();
    return `OidcCredential(${this.tokenType} ${REDACTED}, expires ${expiry})`;
  }

  /** The credential for `JSON.stringify`, with the token replaced by `[REDACTED]`. */
  toJSON(): Record<string, unknown> {
    return { tokenType: this.tokenType, expiresAt: this.expiresAt, value: REDACTED };
  }

  /** What `console.log` and `util.inspect` show: the token type and expiry, never the token. */
  [inspect.custom](): string {
    return this.toString();
  }
}

export function credentialFrom(tokens: StoredTokens, tokenType: OidcTokenType): OidcCredential | undefined {
  const picked = pickToken(tokens, tokenType);
  return picked && new OidcCredential(picked.value, picked.expiresAt, tokenType, tokens);
}

export function storedTokensOf(credential: OidcCredential | undefined): StoredTokens | undefined {
  return credential && tokensOfCredential.get(credential);
}
