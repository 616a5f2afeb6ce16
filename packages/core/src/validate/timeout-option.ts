import { invalidOption } from './invalid-option.js';

/** Throws a ConfigError unless `timeoutMs` is left out or a positive, finite number of milliseconds. */
export function checkTimeoutMs(timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw invalidOption(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}.`);
  }
}
