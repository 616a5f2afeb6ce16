import { type PollUntilOptions, pollUntil, requireText } from '@ml-platform/core';
import { KfpErrorCode, type KfpErrorCodeValue } from './errors.js';

/** How `waitForRunCompletion` waits: its deadline, cancellation, progress callback and poll timing. */
export interface KfpRunWaitOptions<Run> extends PollUntilOptions<Run> {
  /** Give up after this many milliseconds with `KFP_RUN_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the wait (and the request in flight) with `KFP_RUN_WAIT_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** Called with every run fetched, e.g. to log progress. */
  onPoll?: ((run: Run) => void) | undefined;
}

/** What tells an API version's run apart: how to fetch it, when it is over, what its progress is called. */
export interface KfpRunWatch<Run> {
  /** Fetches the run once. */
  getRun(runId: string, signal: AbortSignal): Promise<Run>;
  /** Whether the run is in a final state. */
  isFinished(run: Run): boolean;
  /** `status` in v1beta1, `state` in v2beta1, and where a run keeps it. */
  progress: {
    /** What the version calls a run's progress. */
    name: 'status' | 'state';
    /** The progress of a run, or undefined before the first fetch. */
    of: (run: Run | undefined) => string | undefined;
  };
  /** The version's `RunWaitError`, carrying the run as last seen. */
  error: new (
    code: KfpErrorCodeValue,
    message: string,
    init: { runId: string; lastRun?: Run | undefined; cause?: unknown },
  ) => Error;
}

const KFP_RUN_POLL_TIMING = { pollIntervalMs: 1_000, maxPollIntervalMs: 30_000, backoffFactor: 1.5 };

/**
 * Polls a run until it is finished and returns it, whatever the outcome.
 * Stopped by `timeoutMs` or `signal`, it throws the version's `RunWaitError`
 * naming the run's last status or state.
 */
export async function waitForKfpRun<Run>(
  runId: string,
  options: KfpRunWaitOptions<Run>,
  watch: KfpRunWatch<Run>,
): Promise<Run> {
  const id = requireText('runId', runId, "'5e0b…'");
  return pollUntil(
    {
      poll: (signal) => watch.getRun(id, signal),
      isDone: (run) => watch.isFinished(run),
      defaults: KFP_RUN_POLL_TIMING,
      stopped: (how, lastRun, cause) => {
        const last = `its last ${watch.progress.name} was ${watch.progress.of(lastRun) ?? 'unknown (no poll succeeded)'}`;
        if (how === 'timeout') {
          return new watch.error(
            KfpErrorCode.runWaitTimeout,
            `Run ${id} did not finish within timeoutMs (${options.timeoutMs} ms); ${last}. ` +
              'Wait longer, or stop it with terminateRun.',
            { runId: id, lastRun, cause },
          );
        }
        return new watch.error(KfpErrorCode.runWaitAborted, `Waiting for run ${id} was cancelled; ${last}.`, {
          runId: id,
          lastRun,
          cause,
        });
      },
    },
    options,
  );
}
