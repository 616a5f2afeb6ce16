import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import { getSeldonDeployment } from './deployments.js';
import { SeldonErrorCode, SeldonWaitError } from './errors.js';
import { isTransient, type PollTiming, pollDelays, sleep, waitSignals } from './polling.js';
import { invalidOption, requireText } from './validate.js';

export interface WaitAvailableOptions extends PollTiming {
  /** Give up after this many milliseconds with `SELDON_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number;
  /** Cancels the wait (and the request in flight) with `SELDON_WAIT_ABORTED`. */
  signal?: AbortSignal;
  /** Transient failures (HTTP 502/503/504, network errors, request timeouts) tolerated in a row. Default 3. */
  maxConsecutiveErrors?: number;
  /** Called with every deployment fetched, e.g. to log progress. */
  onPoll?: (deployment: SeldonDeployment) => void;
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
 * controller's `status.description` in the message), so a bad image or spec
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
  const nextDelay = pollDelays(options, DEFAULT_TIMING);
  const maxErrors = options.maxConsecutiveErrors ?? 3;
  if (!(Number.isSafeInteger(maxErrors) && maxErrors >= 0)) {
    throw invalidOption(`maxConsecutiveErrors must be an integer >= 0, got ${String(maxErrors)}.`);
  }
  const { combined, deadline } = waitSignals(options.timeoutMs, options.signal);
  const label = `SeldonDeployment ${where.namespace}/${where.name}`;
  let lastDeployment: SeldonDeployment | undefined;
  let errorsInARow = 0;
  try {
    for (;;) {
      combined.throwIfAborted();
      try {
        lastDeployment = await getSeldonDeployment(client, where.namespace, where.name, { signal: combined });
        errorsInARow = 0;
        options.onPoll?.(lastDeployment);
        if (isSeldonDeploymentAvailable(lastDeployment)) return lastDeployment;
      } catch (error) {
        if (combined.aborted || !isTransient(error) || errorsInARow >= maxErrors) throw error;
        errorsInARow += 1;
      }
      if (lastDeployment?.status?.state === 'Failed') {
        const why = lastDeployment.status.description ? `: ${lastDeployment.status.description}` : '';
        throw new SeldonWaitError(
          SeldonErrorCode.deploymentFailed,
          `${label} is in state Failed${why}. Fix the spec or image and update the deployment.`,
          { ...where, lastDeployment },
        );
      }
      await sleep(nextDelay(), combined);
    }
  } catch (error) {
    if (!combined.aborted) throw error;
    const state = lastDeployment?.status?.state || 'unknown (no poll succeeded)';
    if (deadline?.aborted && !options.signal?.aborted) {
      throw new SeldonWaitError(
        SeldonErrorCode.waitTimeout,
        `${label} was not Available within timeoutMs (${options.timeoutMs} ms); its last state was ${state}.`,
        { ...where, lastDeployment, cause: error },
      );
    }
    throw new SeldonWaitError(
      SeldonErrorCode.waitAborted,
      `Waiting for ${label} was cancelled; its last state was ${state}.`,
      {
        ...where,
        lastDeployment,
        cause: options.signal?.reason ?? error,
      },
    );
  }
}
