import { ConfigError, ConfigErrorCode } from '../errors.js';

/**
 * The `CONFIG_INVALID_OPTION` error every helper and plugin throws for an
 * option it cannot use. `plugin` (the package name) prefixes the message the
 * way Octokit's auth strategies do: `[@ml-platform/auth-oidc] issuer is required`.
 */
export function invalidOption(message: string, plugin?: string): ConfigError {
  return new ConfigError(ConfigErrorCode.invalidOption, plugin ? `[${plugin}] ${message}` : message);
}
