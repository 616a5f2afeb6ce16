import { type KfpRunWaitOptions, waitForKfpRun } from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Run, RuntimeState } from '../schemas.js';
import { RunWaitError } from './errors.js';
import { getRun } from './runs.js';

/** The states a run does not leave: KFP's SUCCEEDED, FAILED, SKIPPED and CANCELED. */
export const TERMINAL_RUN_STATES: readonly RuntimeState[] = ['SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELED'];

/** Whether a run in this state will not change any more (succeeded, failed, skipped or canceled). */
export function isTerminalRunState(state: RuntimeState | undefined): boolean {
  return state !== undefined && TERMINAL_RUN_STATES.includes(state);
}

/** The options of `waitForRunCompletion`. */
export interface WaitForRunOptions extends KfpRunWaitOptions<Run> {}

/**
 * Polls a run until it reaches a terminal state and returns it, whatever that
 * state is (check `run.state`). Delays grow from `pollIntervalMs` to
 * `maxPollIntervalMs`; a 401 mid-wait is the auth plugin's to refresh and replay.
 */
export async function waitForRunCompletion(
  client: KfpV2Client,
  runId: string,
  options: WaitForRunOptions = {},
): Promise<Run> {
  return waitForKfpRun(runId, options, {
    getRun: (id, signal) => getRun(client, id, { signal }),
    isFinished: (run) => isTerminalRunState(run.state),
    progress: { name: 'state', of: (run) => run?.state },
    error: RunWaitError,
  });
}
