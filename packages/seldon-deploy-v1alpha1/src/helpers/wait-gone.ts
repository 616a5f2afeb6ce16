import { isNotFound, type PollTiming, pollUntil } from '@ml-platform/core';

/** Options of the delete-and-wait helpers. */
export interface WaitGoneOptions extends PollTiming {
  /** Give up after this many milliseconds with `SELDON_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the delete and the wait with `SELDON_WAIT_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** Transient failures tolerated in a row while polling. Default 3. */
  maxConsecutiveErrors?: number | undefined;
}

const GONE_TIMING = { pollIntervalMs: 1_000, maxPollIntervalMs: 10_000, backoffFactor: 1.5 };

/**
 * Polls `read` until the API answers 404: Kubernetes keeps a deleted
 * resource (with a `deletionTimestamp`) until its finalizers ran, so it
 * is listed and readable for a while after the DELETE returned.
 */
export async function pollUntilGone<T>(
  read: (signal: AbortSignal) => Promise<T>,
  options: WaitGoneOptions,
  stopped: (how: 'timeout' | 'aborted', last: T | undefined, cause: unknown) => Error,
): Promise<void> {
  let last: T | undefined;
  await pollUntil<T | undefined>(
    {
      poll: async (signal) => {
        try {
          last = await read(signal);
          return last;
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      },
      isDone: (value) => value === undefined,
      defaults: GONE_TIMING,
      stopped: (how, _value, cause) => stopped(how, last, cause),
    },
    options,
  );
}
