import { ConfigError, ConfigErrorCode } from '../errors.js';

/** The `CONFIG_INVALID_OPTION` error every helper throws for an option it cannot use. */
export function invalidOption(message: string): ConfigError {
  return new ConfigError(ConfigErrorCode.invalidOption, message);
}
