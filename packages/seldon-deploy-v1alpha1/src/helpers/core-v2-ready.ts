import { type PollUntilOptions, pollUntil, requireText } from '@ml-platform/core';
import type { Condition } from '../schemas.js';
import { conditionOf, describeCondition, failingCondition } from './conditions.js';
import { SeldonErrorCode, type SeldonResourceKind, SeldonResourceWaitError } from './errors.js';

/** A Seldon Core v2 resource as the API returns it (a Model or a Pipeline). */
export interface CoreV2Resource {
  metadata?: { name?: string | undefined; generation?: number | undefined } | undefined;
  status?: { conditions?: Condition[] | undefined; observedGeneration?: number | undefined } | undefined;
}

/**
 * The options of `waitForCoreV2Ready`: its deadline, cancellation, progress callback and poll
 * timing.
 */
export interface WaitReadyOptions<T> extends PollUntilOptions<T> {
  /** Give up after this many milliseconds with `SELDON_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the wait (and the request in flight) with `SELDON_WAIT_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** Called with every resource fetched, e.g. to log progress. */
  onPoll?: ((resource: T) => void) | undefined;
}

const READY_TIMING = { pollIntervalMs: 1_000, maxPollIntervalMs: 15_000, backoffFactor: 1.5 };

/**
 * Whether the Seldon Core v2 operator reports the resource ready as it is
 * now: condition `Ready` is `True` (the operator's summary of `ModelReady`,
 * or `PipelineReady` and `ModelsReady`), for the latest generation.
 */
export function isCoreV2Ready(resource: CoreV2Resource): boolean {
  if (conditionOf(resource.status?.conditions, 'Ready')?.status !== 'True') return false;
  const generation = resource.metadata?.generation;
  const observed = resource.status?.observedGeneration;
  return generation === undefined || observed === undefined || observed >= generation;
}

/**
 * The condition saying the resource will not become ready by waiting: a
 * `False` one whose reason is a failure the scheduler reports
 * (`ModelFailed`, `ScheduleFailed`, `PipelineFailed`), not a step on the
 * way (`ModelProgressing`, `PipelineCreating`).
 */
export function failedCondition(resource: CoreV2Resource): Condition | undefined {
  const condition = failingCondition(resource.status?.conditions);
  return condition?.reason && /Failed$/.test(condition.reason) ? condition : undefined;
}

function stateOf(resource: CoreV2Resource | undefined): string {
  const ready = conditionOf(resource?.status?.conditions, 'Ready');
  if (!resource) return 'unknown (no poll succeeded)';
  if (!ready) return 'no Ready condition yet';
  return `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}`;
}

/** Polls a Seldon Core v2 model or pipeline until it is ready; fails fast on a failed condition. */
export async function waitForCoreV2Ready<T extends CoreV2Resource>(
  kind: Extract<SeldonResourceKind, 'Model' | 'Pipeline'>,
  namespace: string,
  name: string,
  read: (namespace: string, name: string, signal: AbortSignal) => Promise<T>,
  options: WaitReadyOptions<T>,
): Promise<T> {
  const where = {
    kind,
    namespace: requireText('namespace', namespace, "'seldon'"),
    name: requireText('name', name, "'iris'"),
  };
  const label = `${kind} ${where.namespace}/${where.name}`;
  return pollUntil<T>(
    {
      poll: (signal) => read(where.namespace, where.name, signal),
      isDone: isCoreV2Ready,
      defaults: READY_TIMING,
      failure: (last) => {
        const condition = failedCondition(last);
        if (!condition) return undefined;
        return new SeldonResourceWaitError(
          SeldonErrorCode.resourceFailed,
          `${label} failed: ${describeCondition(condition)}. Fix the spec (storage URI, requirements, server) and update it.`,
          { ...where, last, lastState: stateOf(last) },
        );
      },
      stopped: (how, last, cause) =>
        how === 'timeout'
          ? new SeldonResourceWaitError(
              SeldonErrorCode.waitTimeout,
              `${label} was not ready within timeoutMs (${options.timeoutMs} ms); it was ${stateOf(last)}.`,
              { ...where, last, lastState: stateOf(last), cause },
            )
          : new SeldonResourceWaitError(
              SeldonErrorCode.waitAborted,
              `Waiting for ${label} was cancelled; it was ${stateOf(last)}.`,
              { ...where, last, lastState: stateOf(last), cause },
            ),
    },
    options,
  );
}
