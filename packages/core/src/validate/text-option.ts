import { invalidOption } from './invalid-option.js';

/** Throws a ConfigError naming `option` unless `value` is a non-blank string; returns it trimmed. */
export function requireText(option: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidOption(
      `${option} must be a non-empty string (e.g. ${example}), got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  return value.trim();
}

/** Like {@link requireText}, for options that may be left out. */
export function optionalText(option: string, value: unknown, example: string): string | undefined {
  return value === undefined ? undefined : requireText(option, value, example);
}
