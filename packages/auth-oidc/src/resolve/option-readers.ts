import { invalidOption } from '@ml-platform/core';
import { PLUGIN_NAME } from '../errors.js';
import type { OidcAuthOptions } from '../options.js';

/** A ConfigError (CONFIG_INVALID_OPTION) prefixed with the plugin's name, as every option check throws. */
export const configError = (message: string) => invalidOption(message, PLUGIN_NAME);

/** The readers every option rule uses, so each kind of value is checked (and worded) the same way. */
export function optionalString(options: OidcAuthOptions, name: keyof OidcAuthOptions): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(
      `${name} must be a non-empty string when given, got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  return value;
}

export function optionalDuration(
  options: OidcAuthOptions,
  name: keyof OidcAuthOptions,
  fallback: number,
  min = 0,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw configError(`${name} must be a number of milliseconds >= ${min}, got ${String(value)}.`);
  }
  return value;
}

export function oneOf<T extends string>(
  options: OidcAuthOptions,
  name: keyof OidcAuthOptions,
  allowed: readonly T[],
): T | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw configError(
      `${name} must be one of ${allowed.map((item) => `'${item}'`).join(', ')}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}

export function optionalBoolean(options: OidcAuthOptions, name: 'interactive' | 'allowHttpIssuer'): void {
  if (options[name] !== undefined && typeof options[name] !== 'boolean') {
    throw configError(`${name} must be true or false, got ${typeof options[name]}.`);
  }
}
