/**
 * Every error this project throws is an `MlPlatformError` with a stable `code`
 * (match on it, never on the message) and, where one exists, the `cause`.
 * Messages never contain secrets: callers pass redacted text only.
 */
export class MlPlatformError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A setting given to a client or plugin is missing or malformed. */
export class ConfigError extends MlPlatformError {}

/** Stable codes of {@link ConfigError}. */
export const ConfigErrorCode = {
  invalidOption: 'CONFIG_INVALID_OPTION',
  noBaseUrl: 'CONFIG_NO_BASE_URL',
  /** A path parameter is empty, `.` or `..`, which would make the URL name another resource; nothing is sent. */
  invalidPathParameter: 'CONFIG_INVALID_PATH_PARAMETER',
} as const;

/**
 * Credentials could not be obtained, or were refused. Plugins define their own
 * codes (`AUTH_SA_TOKEN_MISSING`, `AUTH_DEX_BAD_CREDENTIALS`, ...).
 */
export class AuthError extends MlPlatformError {
  /** The plugin that raised it, e.g. `@ml-platform/auth-sa-token`. */
  readonly plugin: string;

  constructor(plugin: string, code: string, message: string, options?: { cause?: unknown }) {
    super(code, `[${plugin}] ${message}`, options);
    this.plugin = plugin;
  }
}
