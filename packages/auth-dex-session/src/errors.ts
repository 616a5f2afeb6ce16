import { AuthError } from '@ml-platform/core';

export const PLUGIN_NAME = '@ml-platform/auth-dex-session';

/** Stable codes of the errors this plugin raises (match on these, never on messages). */
export const DexSessionErrorCode = {
  /** Dex showed its login form again after the credentials were posted (wrong username or password). */
  badCredentials: 'AUTH_DEX_BAD_CREDENTIALS',
  /** The configured connector is not among those Dex offers. */
  unknownConnector: 'AUTH_DEX_UNKNOWN_CONNECTOR',
  /** Dex or the gateway answered with an error page (locked account, approval rejected, CSRF failure...). */
  loginFailed: 'AUTH_DEX_LOGIN_FAILED',
  /** A page or response the login flow cannot interpret. */
  unexpectedResponse: 'AUTH_DEX_UNEXPECTED_RESPONSE',
  /** A redirect or form led to an origin other than the endpoint's and Dex's, or from https to http. */
  redirectRefused: 'AUTH_DEX_REDIRECT_REFUSED',
  /** The flow did not finish within `maxRedirects` requests. */
  tooManyRedirects: 'AUTH_DEX_TOO_MANY_REDIRECTS',
  /** The flow finished but the gateway set no cookie for the endpoint. */
  noSessionCookie: 'AUTH_DEX_NO_SESSION_COOKIE',
  /** A request of the login flow failed (network, TLS, timeout). */
  requestFailed: 'AUTH_DEX_REQUEST_FAILED',
  /** A request to sign is not on the endpoint's origin, where the session cookie belongs. */
  originMismatch: 'AUTH_DEX_ORIGIN_MISMATCH',
  /** The session file cannot be read or written, or other users can read it. */
  sessionFile: 'AUTH_DEX_SESSION_FILE',
} as const;

/** One of the `DexSessionErrorCode` strings an error of this package carries as `code`. */
export type DexSessionErrorCodeValue = (typeof DexSessionErrorCode)[keyof typeof DexSessionErrorCode];

/** The request of the login flow an error happened at. */
export type LoginStep =
  | 'endpoint'
  | 'sign-in'
  | 'dex-authorize'
  | 'connector'
  | 'login-form'
  | 'credentials'
  | 'approval'
  | 'callback'
  | 'redirect';

/** A login through Dex that stopped: which step, at which (redacted) URL, with which HTTP status. */
export class DexLoginError extends AuthError {
  readonly step: LoginStep;
  /** The URL of the request where the flow stopped, with secrets in its query redacted. */
  readonly url: string;
  /** The HTTP status of that request's response, when one came. */
  readonly status: number | undefined;

  constructor(
    code: DexSessionErrorCodeValue,
    message: string,
    where: { step: LoginStep; url: string; status?: number },
    options?: { cause?: unknown },
  ) {
    super(PLUGIN_NAME, code, message, options);
    this.step = where.step;
    this.url = where.url;
    this.status = where.status;
  }
}
