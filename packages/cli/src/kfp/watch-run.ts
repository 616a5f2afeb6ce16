import type { KfpV2Client, Run } from '@ml-platform/kfp-v2';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { progressLines, stateKey, summaryLine } from './run-progress.js';

export interface WatchOptions {
  timeoutMs?: number;
  /** Ctrl-C terminates the run instead of leaving it running. */
  terminateOnInterrupt?: boolean;
}

/**
 * Follows a run until it finishes: on a terminal, the run's state and each
 * task's state and duration redrawn in place; otherwise a plain line per
 * change. Ends with a summary line; a FAILED or CANCELED run throws, with
 * its own exit code. Ctrl-C stops watching and leaves the run running.
 */
export async function watchRun(client: KfpV2Client, runId: string, options: WatchOptions): Promise<Run> {
  const { terminateRun, waitForRunCompletion } = await import('@ml-platform/kfp-v2');
  const stderr = process.stderr;
  const live = stderr.isTTY
    ? (await import('log-update')).createLogUpdate(stderr, { showCursor: true })
    : undefined;
  let lastKey = '';
  let lastRun: Run | undefined;
  const show = (run: Run) => {
    lastRun = run;
    if (live) {
      live(progressLines(run).join('\n'));
      return;
    }
    const key = stateKey(run);
    if (key === lastKey) return;
    lastKey = key;
    for (const line of progressLines(run)) stderr.write(`${line}\n`);
  };
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Error('interrupted'));
  // `on`, not `once`: the listener stays until the wait has unwound, so a second Ctrl-C is not the default kill.
  process.on('SIGINT', onInterrupt);
  // Redraws the durations between polls.
  const ticker = live ? setInterval(() => lastRun && show(lastRun), 1000) : undefined;
  try {
    const finished = await waitForRunCompletion(client, runId, {
      timeoutMs: options.timeoutMs,
      signal: stop.signal,
      pollIntervalMs: 1000,
      maxPollIntervalMs: 10_000,
      onPoll: show,
    });
    // The last frame stays as plain lines, above the summary.
    if (live) {
      live.clear();
      for (const line of progressLines(finished)) stderr.write(`${line}\n`);
    } else {
      show(finished);
    }
    stderr.write(`${summaryLine(finished)}\n`);
    return finished;
  } catch (error) {
    live?.done();
    if (live) stderr.write('\n');
    const code = (error as { code?: string }).code;
    if (code === 'KFP_RUN_WAIT_ABORTED') {
      if (options.terminateOnInterrupt) {
        await terminateRun(client, runId);
        stderr.write(`Stopped watching and asked KFP to terminate run ${runId}.\n`);
      } else {
        stderr.write(
          `Stopped watching. Run ${runId} continues; mlp kfp run get ${runId} -w watches it again, ` +
            `mlp kfp run terminate ${runId} stops it.\n`,
        );
      }
    } else if (code === 'KFP_RUN_WAIT_TIMEOUT') {
      stderr.write(`Run ${runId} is still ${lastRun?.state ?? 'running'}; it continues on the cluster.\n`);
    }
    throw error;
  } finally {
    if (ticker) clearInterval(ticker);
    process.off('SIGINT', onInterrupt);
  }
}

/** A finished run's outcome as an error when it did not succeed, so the process exits with its code. */
export function outcomeError(run: Run): CliError | undefined {
  if (run.state === 'SUCCEEDED') return undefined;
  if (run.state === 'FAILED')
    return new CliError(CliErrorCode.runFailed, `Run ${run.run_id} FAILED.`, ExitCode.runFailed);
  return new CliError(
    CliErrorCode.runCanceled,
    `Run ${run.run_id} ended ${run.state}.`,
    ExitCode.runCanceled,
  );
}
