import type { Run } from '@ml-platform/kfp-v2';
import { taskTreeLines } from './task-tree.js';

/** How long something has taken, as `1m05s` / `12.3s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return minutes < 60
    ? `${minutes}m${String(seconds).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function elapsed(from: string | undefined, to: string | undefined, now: number): string {
  if (!from) return '';
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? '' : formatDuration(Math.max(0, end - start));
}

/** The run's name, state and age, then its task tree, each task with its state and duration. */
export function progressLines(run: Run, now = Date.now()): string[] {
  const name = run.display_name ?? run.run_id ?? 'run';
  const lines = [`run ${name}  ${run.state ?? 'UNKNOWN'}  ${elapsed(run.created_at, run.finished_at, now)}`];
  return [...lines, ...taskTreeLines(run, now)];
}

/** What changed since the last poll, for logs (no cursor movement): the run's state and each task's. */
export function stateKey(run: Run): string {
  return [
    run.state,
    ...(run.run_details?.task_details ?? []).map((task) => `${task.display_name}=${task.state}`),
  ].join(',');
}

/** The final line: `Run nightly (5e0b...) SUCCEEDED in 12.3s`. */
export function summaryLine(run: Run): string {
  const took = elapsed(run.created_at, run.finished_at, Date.now());
  return `Run ${run.display_name ?? ''} (${run.run_id}) ${run.state}${took ? ` in ${took}` : ''}${
    run.error?.message ? `: ${run.error.message}` : ''
  }`;
}
