import { invalidOption } from './invalid-option.js';

/** The longest delay timers accept: beyond it, Node and browsers fire at once instead of waiting. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Throws a ConfigError unless `timeoutMs` is left out or a positive number of milliseconds timers can wait. */
export function checkTimeoutMs(timeoutMs: unknown, plugin?: string, name = 'timeoutMs'): void {
  if (
    timeoutMs !== undefined &&
    !(
      typeof timeoutMs === 'number' &&
      Number.isFinite(timeoutMs) &&
      timeoutMs > 0 &&
      timeoutMs <= MAX_TIMEOUT_MS
    )
  ) {
    throw invalidOption(
      `${name} must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS} (about 24.8 days), got ${typeof timeoutMs === 'number' ? timeoutMs : typeof timeoutMs}.`,
      plugin,
    );
  }
}
