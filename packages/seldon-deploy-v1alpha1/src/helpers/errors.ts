import { MlPlatformError } from '@ml-platform/core';
import type { SeldonDeployment } from '../schemas.js';

/** Stable codes of the errors the Seldon Deploy helpers throw (match on these, never on messages). */
export const SeldonErrorCode = {
  /** A wait reached its `timeoutMs` before what it waited for happened. */
  waitTimeout: 'SELDON_WAIT_TIMEOUT',
  /** A wait was cancelled through its `signal`. */
  waitAborted: 'SELDON_WAIT_ABORTED',
  /** The deployment reached the `Failed` state while being waited for. */
  deploymentFailed: 'SELDON_DEPLOYMENT_FAILED',
  /** A Seldon Core v2 model or pipeline reported a failed condition while being waited for. */
  resourceFailed: 'SELDON_RESOURCE_FAILED',
  /** A batch job's workflow ended `Failed` or `Error`. */
  batchJobFailed: 'SELDON_BATCH_JOB_FAILED',
  /** A manifest could not be read (missing file, unreadable). */
  manifestUnreadable: 'SELDON_MANIFEST_UNREADABLE',
  /** A manifest was read but is not a usable SeldonDeployment (bad YAML/JSON, wrong kind, no name). */
  manifestInvalid: 'SELDON_MANIFEST_INVALID',
  /** A paged list answered the same page again; stopping instead of looping. */
  pageRepeated: 'SELDON_PAGE_REPEATED',
  /** An inference request the model server would refuse or misread; `problems` lists every one. */
  inferenceRequestInvalid: 'SELDON_INFERENCE_REQUEST_INVALID',
} as const;

/** One of the `SeldonErrorCode` strings a `SeldonError` carries as `code`. */
export type SeldonErrorCodeValue = (typeof SeldonErrorCode)[keyof typeof SeldonErrorCode];

/** An error raised by a Seldon Deploy helper itself (API failures stay `ApiError`). */
export class SeldonError extends MlPlatformError {}

/**
 * An Open Inference Protocol request that the model server would refuse or misread
 * (`SELDON_INFERENCE_REQUEST_INVALID`): `problems` lists every one, each naming where it is
 * (`request.inputs[0].data[1][2] is a string, FP32 needs a finite number`), never a value.
 */
export class InvalidInferenceRequestError extends SeldonError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      SeldonErrorCode.inferenceRequestInvalid,
      `The inference request has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/**
 * Waiting for a SeldonDeployment ended without it reaching the state waited
 * for: `SELDON_WAIT_TIMEOUT`, `SELDON_WAIT_ABORTED` or `SELDON_DEPLOYMENT_FAILED`.
 * Carries the deployment as last seen, for its `status.description` and conditions.
 */
export class SeldonWaitError extends SeldonError {
  readonly namespace: string;
  /** The deployment's name (`name` is the error class's, as on every Error). */
  readonly deploymentName: string;
  readonly lastDeployment: SeldonDeployment | undefined;
  /** `status.state` as last seen: `Creating`, `Failed`, ... */
  readonly lastState: string | undefined;

  constructor(
    code: SeldonErrorCodeValue,
    message: string,
    init: { namespace: string; name: string; lastDeployment?: SeldonDeployment; cause?: unknown },
  ) {
    super(code, message, { cause: init.cause });
    this.namespace = init.namespace;
    this.deploymentName = init.name;
    this.lastDeployment = init.lastDeployment;
    this.lastState = init.lastDeployment?.status?.state;
  }
}

/** What a {@link SeldonResourceWaitError} was waiting on. */
export type SeldonResourceKind = 'Model' | 'Pipeline' | 'BatchJob';

/**
 * Waiting for a Seldon Core v2 model or pipeline, or a batch job, ended
 * without it reaching the state waited for: `SELDON_WAIT_TIMEOUT`,
 * `SELDON_WAIT_ABORTED`, `SELDON_RESOURCE_FAILED` or `SELDON_BATCH_JOB_FAILED`.
 * `last` is the resource as last fetched.
 */
export class SeldonResourceWaitError<Last = unknown> extends SeldonError {
  readonly kind: SeldonResourceKind;
  readonly namespace: string;
  /** The model's, pipeline's or job's name (`name` is the error class's). */
  readonly resourceName: string;
  readonly last: Last | undefined;
  /** The state as last seen, e.g. `Ready=False (ScheduleFailed)` or `Running`. */
  readonly lastState: string | undefined;

  constructor(
    code: SeldonErrorCodeValue,
    message: string,
    init: {
      kind: SeldonResourceKind;
      namespace: string;
      name: string;
      last?: Last;
      lastState?: string;
      cause?: unknown;
    },
  ) {
    super(code, message, { cause: init.cause });
    this.kind = init.kind;
    this.namespace = init.namespace;
    this.resourceName = init.name;
    this.last = init.last;
    this.lastState = init.lastState;
  }
}
