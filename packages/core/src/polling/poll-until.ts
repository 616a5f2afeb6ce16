import { invalidOption } from '../validate/invalid-option.js';
import { isTransient } from './is-transient.js';
import { type PollTiming, pollDelays } from './poll-delays.js';
import { sleep } from './sleep.js';
import { waitSignals } from './wait-signals.js';

/** What a caller may say about a wait; each helper documents its own error codes. */
export interface PollUntilOptions<T> extends PollTiming {
  /** Give up after this many milliseconds. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the wait and the request in flight. */
  signal?: AbortSignal | undefined;
  /** Transient failures (HTTP 502/503/504, network errors, request timeouts) tolerated in a row. Default 3. */
  maxConsecutiveErrors?: number | undefined;
  /** Called with every value fetched, e.g. to log progress. */
  onPoll?: ((value: T) => void) | undefined;
}

/** What is waited for, and the errors that end a wait early. */
export interface PollTarget<T> {
  /** Fetches the current value; pass `signal` on, so a cancelled wait cancels the request. */
  poll: (signal: AbortSignal) => Promise<T>;
  /** Whether the wait is over; the value is then returned. */
  isDone: (value: T) => boolean;
  /** The timing when the caller gives none. */
  defaults: Required<PollTiming>;
  /** An error ending the wait at once although the value is not done (a deployment in state `Failed`). */
  failure?: (value: T) => Error | undefined;
  /**
   * The error to throw when `timeoutMs` passed (`'timeout'`) or the caller's
   * signal aborted (`'aborted'`), given the last value seen and the cause
   * (the signal's reason, when the caller gave one).
   */
  stopped: (how: 'timeout' | 'aborted', last: T | undefined, cause: unknown) => Error;
}

/**
 * Polls until `target.isDone`, with delays growing from `pollIntervalMs` to
 * `maxPollIntervalMs`. A transient failure is polled again after (up to
 * `maxConsecutiveErrors` in a row); any other failure ends the wait as it is.
 * Options are validated before the first request.
 */
export async function pollUntil<T>(target: PollTarget<T>, options: PollUntilOptions<T> = {}): Promise<T> {
  const nextDelay = pollDelays(options, target.defaults);
  const maxErrors = options.maxConsecutiveErrors ?? 3;
  if (!(Number.isSafeInteger(maxErrors) && maxErrors >= 0)) {
    throw invalidOption(`maxConsecutiveErrors must be an integer >= 0, got ${String(maxErrors)}.`);
  }
  const { combined, deadline } = waitSignals(options.timeoutMs, options.signal);
  let last: T | undefined;
  let errorsInARow = 0;
  try {
    for (;;) {
      combined.throwIfAborted();
      try {
        last = await target.poll(combined);
        errorsInARow = 0;
        options.onPoll?.(last);
        if (target.isDone(last)) return last;
      } catch (error) {
        if (combined.aborted || !isTransient(error) || errorsInARow >= maxErrors) throw error;
        errorsInARow += 1;
      }
      const failure = last === undefined ? undefined : target.failure?.(last);
      if (failure) throw failure;
      await sleep(nextDelay(), combined);
    }
  } catch (error) {
    if (!combined.aborted) throw error;
    if (deadline?.aborted && !options.signal?.aborted) throw target.stopped('timeout', last, error);
    throw target.stopped('aborted', last, options.signal?.reason ?? error);
  }
}
