import { ApiError, TransportErrorCode } from '@ml-platform/core';
import { invalidOption } from './validate.js';

export interface PollTiming {
  /** Delay before the second poll. */
  pollIntervalMs?: number;
  /** Longest delay between polls, however long the wait. */
  maxPollIntervalMs?: number;
  /** Each delay is the previous one times this (1 polls at a fixed rate). */
  backoffFactor?: number;
}

/** The delays between polls: `pollIntervalMs`, growing by `backoffFactor` up to `maxPollIntervalMs`. */
export function pollDelays(timing: PollTiming, defaults: Required<PollTiming>): () => number {
  const first = timing.pollIntervalMs ?? defaults.pollIntervalMs;
  const max = timing.maxPollIntervalMs ?? Math.max(defaults.maxPollIntervalMs, first);
  const factor = timing.backoffFactor ?? defaults.backoffFactor;
  for (const [name, value] of [
    ['pollIntervalMs', first],
    ['maxPollIntervalMs', max],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0))
      throw invalidOption(`${name} must be a number of milliseconds >= 0, got ${value}.`);
  }
  if (!(Number.isFinite(factor) && factor >= 1))
    throw invalidOption(`backoffFactor must be a number >= 1, got ${factor}.`);
  let next = first;
  return () => {
    const delay = Math.min(next, max);
    next = Math.min(next * factor, max);
    return delay;
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Failures worth polling again after: the gateway or API restarting (502, 503,
 * 504), a per-request timeout, a dropped connection. Anything else (401 after
 * the auth plugin gave up, 403, 404) will not heal by waiting.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 502 || error.status === 503 || error.status === 504;
  if (error instanceof Error && (error as { code?: unknown }).code === TransportErrorCode.timeout)
    return true;
  // fetch reports network failures (refused, reset, DNS) as a TypeError.
  return error instanceof TypeError;
}

/** The signal of the caller, combined with a deadline when `timeoutMs` is given. */
export function waitSignals(
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): { combined: AbortSignal; deadline: AbortSignal | undefined } {
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw invalidOption(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}.`);
  }
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
