import { MlPlatformError } from '@ml-platform/core';
import type { SeldonDeployment } from '../schemas.js';

/** Stable codes of the errors the Seldon Deploy helpers throw (match on these, never on messages). */
export const SeldonErrorCode = {
  /** `waitForSeldonDeploymentAvailable` reached `timeoutMs` before the deployment was Available. */
  waitTimeout: 'SELDON_WAIT_TIMEOUT',
  /** `waitForSeldonDeploymentAvailable` was cancelled through its `signal`. */
  waitAborted: 'SELDON_WAIT_ABORTED',
  /** The deployment reached the `Failed` state while being waited for. */
  deploymentFailed: 'SELDON_DEPLOYMENT_FAILED',
} as const;

export type SeldonErrorCodeValue = (typeof SeldonErrorCode)[keyof typeof SeldonErrorCode];

/** An error raised by a Seldon Deploy helper itself (API failures stay `ApiError`). */
export class SeldonError extends MlPlatformError {}

/**
 * Waiting for a SeldonDeployment ended without it becoming Available:
 * `SELDON_WAIT_TIMEOUT`, `SELDON_WAIT_ABORTED` or `SELDON_DEPLOYMENT_FAILED`.
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
