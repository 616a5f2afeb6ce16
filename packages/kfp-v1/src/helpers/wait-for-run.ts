import { type KfpRunWaitOptions, waitForKfpRun } from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { RunDetail } from '../schemas.js';
import { RunWaitError } from './errors.js';
import { getRun } from './runs.js';

/** The v1beta1 `status` values a run does not leave (compared case-insensitively, as kfp.Client does). */
export const TERMINAL_RUN_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Skipped', 'Error'];

/** Whether a v1beta1 run status is final (Succeeded, Failed, Skipped, Error), in any letter case. */
export function isTerminalRunStatus(status: string | undefined): boolean {
  const lower = status?.toLowerCase();
  return lower !== undefined && TERMINAL_RUN_STATUSES.some((terminal) => terminal.toLowerCase() === lower);
}

/** The options of `waitForRunCompletion`. */
export interface WaitForRunOptions extends KfpRunWaitOptions<RunDetail> {}

/**
 * Polls a run until its status is terminal (Succeeded, Failed, Skipped, Error)
 * and returns it, whatever the outcome (check `run.run.status`). Delays grow
 * from `pollIntervalMs` to `maxPollIntervalMs`; a 401 mid-wait is the auth
 * plugin's to refresh and replay.
 */
export async function waitForRunCompletion(
  client: KfpV1Client,
  runId: string,
  options: WaitForRunOptions = {},
): Promise<RunDetail> {
  return waitForKfpRun(runId, options, {
    getRun: (id, signal) => getRun(client, id, { signal }),
    isFinished: (detail) => isTerminalRunStatus(detail.run?.status),
    // An empty status says as little as none.
    progress: { name: 'status', of: (detail) => detail?.run?.status || undefined },
    error: RunWaitError,
  });
}
