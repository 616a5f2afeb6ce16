import { type PollUntilOptions, pollUntil, requireText } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import { describeCondition, failingCondition } from './conditions.js';
import { getSeldonDeployment } from './deployments.js';
import { SeldonErrorCode, SeldonWaitError } from './errors.js';

/**
 * The options of `waitForSeldonDeploymentAvailable`: its deadline, cancellation, progress callback
 * and poll timing.
 */
export interface WaitAvailableOptions extends PollUntilOptions<SeldonDeployment> {
  /** Give up after this many milliseconds with `SELDON_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the wait (and the request in flight) with `SELDON_WAIT_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** Called with every deployment fetched, e.g. to log progress. */
  onPoll?: ((deployment: SeldonDeployment) => void) | undefined;
}

const DEFAULT_TIMING = { pollIntervalMs: 2_000, maxPollIntervalMs: 30_000, backoffFactor: 1.5 };

/**
 * Whether the controller has rolled out the deployment as it is now: state
 * `Available`, and (when both are reported) the status describes the latest
 * generation, so an update is not mistaken for done by the old version's status.
 */
export function isSeldonDeploymentAvailable(deployment: SeldonDeployment): boolean {
  const { status, metadata } = deployment;
  if (status?.state !== 'Available') return false;
  const generation = metadata?.generation;
  const observed = status.observedGeneration;
  return generation === undefined || observed === undefined || observed >= generation;
}

/**
 * Polls a SeldonDeployment until it is Available and returns it. Throws
 * `SELDON_DEPLOYMENT_FAILED` as soon as its state is `Failed` (with the
 * controller's `status.description` and the failing condition in the message), so a bad image or spec
 * does not wait out the whole timeout.
 */
export async function waitForSeldonDeploymentAvailable(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: WaitAvailableOptions = {},
): Promise<SeldonDeployment> {
  const where = {
    namespace: requireText('namespace', namespace, "'seldon'"),
    name: requireText('name', name, "'iris-model'"),
  };
  const label = `SeldonDeployment ${where.namespace}/${where.name}`;
  return pollUntil(
    {
      poll: (signal) => getSeldonDeployment(client, where.namespace, where.name, { signal }),
      isDone: isSeldonDeploymentAvailable,
      defaults: DEFAULT_TIMING,
      failure: (lastDeployment) => {
        if (lastDeployment.status?.state !== 'Failed') return undefined;
        const why = lastDeployment.status.description ? `: ${lastDeployment.status.description}` : '';
        const condition = failingCondition(lastDeployment.status.conditions);
        const failing = condition ? `; failing condition ${describeCondition(condition)}` : '';
        return new SeldonWaitError(
          SeldonErrorCode.deploymentFailed,
          `${label} is in state Failed${why}${failing}. Fix the spec or image and update the deployment.`,
          { ...where, lastDeployment },
        );
      },
      stopped: (how, lastDeployment, cause) => {
        const state = lastDeployment?.status?.state || 'unknown (no poll succeeded)';
        if (how === 'timeout') {
          return new SeldonWaitError(
            SeldonErrorCode.waitTimeout,
            `${label} was not Available within timeoutMs (${options.timeoutMs} ms); its last state was ${state}.`,
            { ...where, lastDeployment, cause },
          );
        }
        return new SeldonWaitError(
          SeldonErrorCode.waitAborted,
          `Waiting for ${label} was cancelled; its last state was ${state}.`,
          { ...where, lastDeployment, cause },
        );
      },
    },
    options,
  );
}
