import { MlPlatformError } from '@ml-platform/core';
import type { RunDetail } from '../schemas.js';

/** Stable codes of the errors the KFP helpers throw (match on these, never on messages). */
export const KfpErrorCode = {
  /** `waitForRunCompletion` reached `timeoutMs` before the run finished. */
  runWaitTimeout: 'KFP_RUN_WAIT_TIMEOUT',
  /** `waitForRunCompletion` was cancelled through its `signal`. */
  runWaitAborted: 'KFP_RUN_WAIT_ABORTED',
  /** More than one resource has the name a helper looked up. */
  ambiguousName: 'KFP_AMBIGUOUS_NAME',
  /** A resource a helper needs (a pipeline named in `pipelineName`) does not exist. */
  notFound: 'KFP_NOT_FOUND',
  /** The server handed back the page token it was just given; following it would loop forever. */
  pageTokenRepeated: 'KFP_PAGE_TOKEN_REPEATED',
  /** A pipeline package could not be read (missing file, empty content, unknown format). */
  packageUnreadable: 'KFP_PACKAGE_UNREADABLE',
  /** `~/.config/kfp/context.json` (or the file given) is not a JSON object. */
  contextFileInvalid: 'KFP_CONTEXT_INVALID',
} as const;

export type KfpErrorCodeValue = (typeof KfpErrorCode)[keyof typeof KfpErrorCode];

/** An error raised by a KFP helper itself (API failures stay `ApiError`). */
export class KfpError extends MlPlatformError {}

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
