import { invalidOption } from '../validate/invalid-option.js';
import { checkTimeoutMs } from '../validate/timeout-option.js';

/** The signal of the caller, combined with a deadline when `timeoutMs` is given. */
export function waitSignals(
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): { combined: AbortSignal; deadline: AbortSignal | undefined } {
  checkTimeoutMs(timeoutMs);
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw invalidOption(
      'signal must be an AbortSignal, e.g. AbortSignal.timeout(60_000) or controller.signal.',
    );
  }
  const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [signal, deadline].filter((s): s is AbortSignal => s !== undefined);
  // With nothing to listen to, a signal that never aborts keeps the loop uniform.
  const combined =
    signals.length === 0
      ? new AbortController().signal
      : signals.length === 1
        ? signals[0]!
        : AbortSignal.any(signals);
  return { combined, deadline };
}
