import type { FetchFunction, SentSecrets, TlsOptions } from '@ml-platform/core';
import type { OidcPrompt } from './prompt.js';
import type { OidcAuthWarning } from './warnings.js';

/**
 * How tokens are obtained: the client credentials grant, the password grant, authorization code
 * with PKCE (a browser), or the device code flow.
 */
export type OidcFlow = 'client_credentials' | 'password' | 'authorization_code' | 'device_code';
/**
 * Which token signs requests: the ID token (what Kubeflow's oauth2-proxy checks by default) or the
 * access token.
 */
export type OidcTokenType = 'id_token' | 'access_token';
/**
 * How the client authenticates at the token endpoint: HTTP Basic, the secret in the form body, or
 * not at all (a public client).
 */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/**
 * The options of `oidcAuth`: the provider, the flow and its credentials, the token cache, and how
 * tokens are presented.
 */
export interface OidcAuthOptions {
  /** The OpenID Provider's issuer URL, exactly as in its discovery document. */
  issuer: string;
  /** How tokens are obtained when there is no valid cached token and refreshing is not possible. */
  flow: OidcFlow;
  /** Default `kubeflow-pipelines-sdk` (deployKF) for the interactive flows; required for the others. */
  clientId?: string | undefined;
  /** For confidential clients; required for `client_credentials`. */
  clientSecret?: string | undefined;
  /** Default: `client_secret_basic` unless the provider only advertises `client_secret_post`; `none` without a secret. */
  clientAuthMethod?: ClientAuthMethod | undefined;
  /** Space-separated scopes. Default `openid email groups profile offline_access`; none for `client_credentials`. */
  scope?: string | undefined;
  /** Which token goes into `Authorization: Bearer`. Default `id_token`. */
  tokenType?: OidcTokenType | undefined;
  /** RFC 8707 resource indicator(s), sent with every authorization and token request. */
  resource?: string | readonly string[] | undefined;
  /** `password` flow: the user's name. */
  username?: string | undefined;
  /** `password` flow: the user's password. */
  password?: string | undefined;
  /**
   * `password` flow: after the provider refused the username or password
   * (`invalid_grant`), do not send them again for this long (ms); every call
   * in that window fails at once with the same AUTH_OIDC_BAD_CREDENTIALS
   * error, so a retry loop cannot lock the account. `0` turns it off. Default 60000.
   */
  passwordCooldownMs?: number | undefined;
  /** `authorization_code` flow: `out-of-band` (default, paste the code) or `loopback` (RFC 8252 local redirect). */
  redirect?: 'out-of-band' | 'loopback' | undefined;
  /** Out-of-band redirect URI. Default `urn:ietf:wg:oauth:2.0:oob`. */
  redirectUri?: string | undefined;
  /** Loopback port on 127.0.0.1. Default 0: any free port (RFC 8252 section 7.3). */
  loopbackPort?: number | undefined;
  /** How interactive flows talk to the user. Default: stderr and stdin. */
  prompt?: OidcPrompt | undefined;
  /** `false`: never ask the user; fail with AUTH_OIDC_LOGIN_REQUIRED when only a login would help. Default true. */
  interactive?: boolean | undefined;
  /** How long to wait for the loopback redirect or the device approval, ms. Default 300000. */
  loginTimeoutMs?: number | undefined;
  /**
   * The token cache file: `true`/`false`, or `{ path }`. Default: on for
   * interactive flows, off otherwise. Written atomically, mode 0600 (missing
   * directories 0700); a file others can read or write is refused with
   * AUTH_OIDC_TOKEN_CACHE_FILE naming its mode, never read.
   */
  tokenCache?: boolean | { path: string } | undefined;
  /** Allow an `http://` issuer that is not on loopback. Anyone on the path can then read the tokens. */
  allowHttpIssuer?: boolean | undefined;
  /** Custom CA bundle, or explicitly turned-off verification, for discovery and token calls. */
  tls?: TlsOptions | undefined;
  /** Abort each call to the provider after this many ms. Default 30000. */
  timeoutMs?: number | undefined;
  /** A fetch for calls to the provider (instrumentation, tests). `tls` is ignored when given. */
  fetch?: FetchFunction | undefined;
  /**
   * A forward proxy for discovery and token calls, `http://[user:password@]host:port`, or
   * `false` for none. Left out: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` decide, as for the clients.
   */
  proxy?: string | URL | false | undefined;
  /** Treat a token as expired this long before its expiry. Default 30000 ms. */
  skewMs?: number | undefined;
  /** Start refreshing in the background this long before expiry. Default 60000 ms. */
  refreshAheadMs?: number | undefined;
  /** Clock for expiry decisions (tests). Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Receives non-fatal problems (refresh refused, corrupt cache file). Default: `process.emitWarning`. */
  onWarning?: ((warning: OidcAuthWarning) => void) | undefined;
}

export interface ResolvedOptions {
  issuer: URL;
  issuerText: string;
  allowInsecureRequests: boolean;
  flow: OidcFlow;
  interactiveFlow: boolean;
  clientId: string;
  clientSecret: string | undefined;
  clientAuthMethod: ClientAuthMethod | undefined;
  scope: string | undefined;
  tokenType: OidcTokenType;
  resource: readonly string[];
  username: string | undefined;
  password: string | undefined;
  passwordCooldownMs: number;
  redirect: 'out-of-band' | 'loopback';
  redirectUri: string;
  loopbackPort: number;
  prompt: OidcPrompt | undefined;
  interactive: boolean;
  loginTimeoutMs: number;
  tokenCachePath: string | undefined;
  tls: TlsOptions | undefined;
  timeoutMs: number;
  fetch: FetchFunction | undefined;
  proxy: string | URL | false | undefined;
  skewMs: number;
  refreshAheadMs: number;
  now: () => number;
  onWarning: ((warning: OidcAuthWarning) => void) | undefined;
  /** The exact credential bytes the plugin's calls to the provider carried, redacted from its errors. */
  sentSecrets: SentSecrets;
}
