import { KfpError, type KfpErrorCodeValue } from '@ml-platform/kfp-common';
import type { RunDetail } from '../schemas.js';

/**
 * `waitForRunCompletion` stopped before the run reached a terminal state:
 * `KFP_RUN_WAIT_TIMEOUT` or `KFP_RUN_WAIT_ABORTED`. Carries what was last seen,
 * so a caller can log it or decide to terminate the run.
 */
export class RunWaitError extends KfpError {
  readonly runId: string;
  /** The run (with its pipeline runtime) as last fetched, when any poll succeeded. */
  readonly lastRun: RunDetail | undefined;
  /** The run's `status` as last seen: `Pending`, `Running`, ... */
  readonly lastState: string | undefined;

  constructor(
    code: KfpErrorCodeValue,
    message: string,
    init: { runId: string; lastRun?: RunDetail; cause?: unknown },
  ) {
    super(code, message, { cause: init.cause });
    this.runId = init.runId;
    this.lastRun = init.lastRun;
    this.lastState = init.lastRun?.run?.status;
  }
}
