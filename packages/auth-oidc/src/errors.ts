import { AuthError } from '@ml-platform/core';

export const PLUGIN_NAME = '@ml-platform/auth-oidc';

/** Stable codes of {@link OidcAuthError}; match on these, never on messages. */
export const OidcAuthErrorCode = {
  /** The issuer's discovery document could not be fetched or is not valid (wrong URL, TLS, not an OpenID Provider). */
  discoveryFailed: 'AUTH_OIDC_DISCOVERY_FAILED',
  /** The provider could not be reached for a token request (network, TLS, timeout). */
  providerUnreachable: 'AUTH_OIDC_PROVIDER_UNREACHABLE',
  /** The provider refused the client: wrong clientId/clientSecret or client authentication method. */
  clientRejected: 'AUTH_OIDC_CLIENT_REJECTED',
  /** The provider refused the username or password (password flow). */
  badCredentials: 'AUTH_OIDC_BAD_CREDENTIALS',
  /** The provider refused a grant for another reason (scope, grant type not allowed for the client, ...). */
  grantRefused: 'AUTH_OIDC_GRANT_REFUSED',
  /** The token response lacks the token `tokenType` asks for (e.g. no id_token for client_credentials). */
  tokenMissing: 'AUTH_OIDC_TOKEN_MISSING',
  /** The provider's answer failed validation (ID token signature, issuer, audience, nonce, state). */
  invalidResponse: 'AUTH_OIDC_INVALID_RESPONSE',
  /** A login is needed but `interactive: false` forbids asking the user. */
  loginRequired: 'AUTH_OIDC_LOGIN_REQUIRED',
  /** The user denied the login, or the authorization code was refused. */
  loginFailed: 'AUTH_OIDC_LOGIN_FAILED',
  /** No authorization code was entered. */
  loginCancelled: 'AUTH_OIDC_LOGIN_CANCELLED',
  /** The user did not finish logging in before the loopback wait or the device code expired. */
  loginTimeout: 'AUTH_OIDC_LOGIN_TIMEOUT',
  /** The token cache file is readable or writable by other users: refused, not read (`cause` names its mode). */
  tokenCacheFile: 'AUTH_OIDC_TOKEN_CACHE_FILE',
} as const;

/** One of the `OidcAuthErrorCode` strings an `OidcAuthError` carries as `code`. */
export type OidcAuthErrorCodeValue = (typeof OidcAuthErrorCode)[keyof typeof OidcAuthErrorCode];

/** Credentials could not be obtained from the OpenID Provider. `cause` keeps the openid-client error. */
export class OidcAuthError extends AuthError {
  /** The OAuth error code the provider answered with (`invalid_grant`, ...), when it answered one. */
  readonly oauthError: string | undefined;

  constructor(
    code: OidcAuthErrorCodeValue,
    message: string,
    options: { cause?: unknown; oauthError?: string | undefined } = {},
  ) {
    super(PLUGIN_NAME, code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.oauthError = options.oauthError;
  }
}
