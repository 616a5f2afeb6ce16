/** Stable codes of {@link OidcAuthWarning}: problems the plugin recovered from. */
export const OidcAuthWarningCode = {
  /** The refresh token was refused (revoked, expired, rotated elsewhere); the flow's next step runs. */
  refreshRejected: 'AUTH_OIDC_REFRESH_REJECTED',
  /** The token cache file was not valid JSON of the expected shape; it is replaced on the next save. */
  tokenCacheCorrupt: 'AUTH_OIDC_TOKEN_CACHE_CORRUPT',
  /** The token cache file could not be read, locked or written; tokens are kept in memory only. */
  tokenCacheUnavailable: 'AUTH_OIDC_TOKEN_CACHE_UNAVAILABLE',
} as const;

/** One of the `OidcAuthWarningCode` strings an `OidcAuthWarning` carries as `code`. */
export type OidcAuthWarningCodeValue = (typeof OidcAuthWarningCode)[keyof typeof OidcAuthWarningCode];

/** A non-fatal problem, for logs. Its message never contains a token, secret or password. */
export interface OidcAuthWarning {
  readonly code: OidcAuthWarningCodeValue;
  readonly message: string;
}

export type WarningSink = (code: OidcAuthWarningCodeValue, message: string) => void;

export function createWarningSink(onWarning: ((warning: OidcAuthWarning) => void) | undefined): WarningSink {
  return (code, message) => {
    const text = `[@ml-platform/auth-oidc] ${message}`;
    if (onWarning) onWarning({ code, message: text });
    else process.emitWarning(text, { code });
  };
}
