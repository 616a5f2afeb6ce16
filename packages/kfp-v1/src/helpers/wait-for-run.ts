import type { KfpV1Client } from '../client.js';
import type { RunDetail } from '../schemas.js';
import { KfpErrorCode, RunWaitError } from './errors.js';
import { isTransient, type PollTiming, pollDelays, sleep, waitSignals } from './polling.js';
import { getRun } from './runs.js';
import { invalidOption, requireText } from './validate.js';

/** The v1beta1 `status` values a run does not leave (compared case-insensitively, as kfp.Client does). */
export const TERMINAL_RUN_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Skipped', 'Error'];

export function isTerminalRunStatus(status: string | undefined): boolean {
  const lower = status?.toLowerCase();
  return lower !== undefined && TERMINAL_RUN_STATUSES.some((terminal) => terminal.toLowerCase() === lower);
}

export interface WaitForRunOptions extends PollTiming {
  /** Give up after this many milliseconds with `KFP_RUN_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number;
  /** Cancels the wait (and the request in flight) with `KFP_RUN_WAIT_ABORTED`. */
  signal?: AbortSignal;
  /** Transient failures (HTTP 502/503/504, network errors, request timeouts) tolerated in a row. Default 3. */
  maxConsecutiveErrors?: number;
  /** Called with every run fetched, e.g. to log progress. */
  onPoll?: (run: RunDetail) => void;
}

const DEFAULT_TIMING = { pollIntervalMs: 1_000, maxPollIntervalMs: 30_000, backoffFactor: 1.5 };

/**
 * Polls a run until its status is terminal (Succeeded, Failed, Skipped, Error)
 * and returns it, whatever the outcome (check `run.run.status`). Delays grow
 * from `pollIntervalMs` to `maxPollIntervalMs`; a 401 mid-wait is the auth
 * plugin's to refresh and replay.
 */
export async function waitForRunCompletion(
  client: KfpV1Client,
  runId: string,
  options: WaitForRunOptions = {},
): Promise<RunDetail> {
  const id = requireText('runId', runId, "'5e0b…'");
  const nextDelay = pollDelays(options, DEFAULT_TIMING);
  const maxErrors = options.maxConsecutiveErrors ?? 3;
  if (!(Number.isSafeInteger(maxErrors) && maxErrors >= 0)) {
    throw invalidOption(`maxConsecutiveErrors must be an integer >= 0, got ${String(maxErrors)}.`);
  }
  const { combined, deadline } = waitSignals(options.timeoutMs, options.signal);
  let lastRun: RunDetail | undefined;
  let errorsInARow = 0;
  try {
    for (;;) {
      combined.throwIfAborted();
      try {
        lastRun = await getRun(client, id, { signal: combined });
        errorsInARow = 0;
        options.onPoll?.(lastRun);
        if (isTerminalRunStatus(lastRun.run?.status)) return lastRun;
      } catch (error) {
        if (combined.aborted || !isTransient(error) || errorsInARow >= maxErrors) throw error;
        errorsInARow += 1;
      }
      await sleep(nextDelay(), combined);
    }
  } catch (error) {
    if (!combined.aborted) throw error;
    const status = lastRun?.run?.status || 'unknown (no poll succeeded)';
    if (deadline?.aborted && !options.signal?.aborted) {
      throw new RunWaitError(
        KfpErrorCode.runWaitTimeout,
        `Run ${id} did not finish within timeoutMs (${options.timeoutMs} ms); its last status was ${status}. ` +
          'Wait longer, or stop it with terminateRun.',
        { runId: id, lastRun, cause: error },
      );
    }
    throw new RunWaitError(
      KfpErrorCode.runWaitAborted,
      `Waiting for run ${id} was cancelled; its last status was ${status}.`,
      {
        runId: id,
        lastRun,
        cause: options.signal?.reason ?? error,
      },
    );
  }
}
