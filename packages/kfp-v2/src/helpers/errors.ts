import { KfpError, type KfpErrorCodeValue } from '@ml-platform/kfp-common';
import type { Run, RuntimeState } from '../schemas.js';

/**
 * `waitForRunCompletion` stopped before the run reached a terminal state:
 * `KFP_RUN_WAIT_TIMEOUT` or `KFP_RUN_WAIT_ABORTED`. Carries what was last seen,
 * so a caller can log it or decide to terminate the run.
 */
export class RunWaitError extends KfpError {
  readonly runId: string;
  /** The run as last fetched, when any poll succeeded. */
  readonly lastRun: Run | undefined;
  readonly lastState: RuntimeState | undefined;

  constructor(
    code: KfpErrorCodeValue,
    message: string,
    init: { runId: string; lastRun?: Run; cause?: unknown },
  ) {
    super(code, message, { cause: init.cause });
    this.runId = init.runId;
    this.lastRun = init.lastRun;
    this.lastState = init.lastRun?.state;
  }
}
