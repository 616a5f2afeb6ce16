import { AuthError } from '@ml-platform/core';

export const PLUGIN_NAME = '@ml-platform/auth-sa-token';

/** Stable codes of {@link ServiceAccountTokenError}. */
export const ServiceAccountTokenErrorCode = {
  /** No file at the token path (nothing there, or a dangling symlink). */
  missing: 'AUTH_SA_TOKEN_MISSING',
  /** Something is at the token path but cannot be read as a file (a directory, no permission). */
  unreadable: 'AUTH_SA_TOKEN_UNREADABLE',
  /** The file holds nothing but whitespace. */
  empty: 'AUTH_SA_TOKEN_EMPTY',
  /** The file holds something that cannot be a bearer token (several lines, control characters, too large). */
  malformed: 'AUTH_SA_TOKEN_MALFORMED',
  /** The token's `exp` has passed (or is within the clock-skew allowance) and the file was not replaced. */
  expired: 'AUTH_SA_TOKEN_EXPIRED',
} as const;

export type ServiceAccountTokenErrorCode =
  (typeof ServiceAccountTokenErrorCode)[keyof typeof ServiceAccountTokenErrorCode];

/** The token could not be obtained from its file. Never carries the token itself. */
export class ServiceAccountTokenError extends AuthError {
  /** The token file that was tried. */
  readonly path: string;

  constructor(
    code: ServiceAccountTokenErrorCode,
    path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(PLUGIN_NAME, code, message, options);
    this.path = path;
  }
}
