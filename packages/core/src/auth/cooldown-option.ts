import { ConfigError, ConfigErrorCode } from '../errors.js';

/** Default time a refused password is not sent again: long enough that a retry loop cannot lock an account. */
export const DEFAULT_PASSWORD_COOLDOWN_MS = 60_000;
const LONGEST_COOLDOWN_MS = 2 ** 31 - 1;

/**
 * A cooldown option as given, checked when the plugin is created: a number of
 * milliseconds from 0 to 2^31-1 (what timers accept), the default when left out.
 * `plugin` prefixes the message, as plugins' option errors are.
 */
export function checkCooldownMs(value: unknown, name = 'cooldownMs', plugin?: string): number {
  if (value === undefined) return DEFAULT_PASSWORD_COOLDOWN_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > LONGEST_COOLDOWN_MS) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `${plugin ? `[${plugin}] ` : ''}${name} must be a number of milliseconds from 0 (no cooldown) to ${LONGEST_COOLDOWN_MS}, got ${typeof value === 'number' ? String(value) : typeof value}.`,
    );
  }
  return value;
}
