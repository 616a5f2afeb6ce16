import type { RuntimeState } from './model.js';

/** How long an emulated run spends in each state, ms. */
export interface RunTiming {
  /** PENDING: the workflow is created, its pods are scheduled. Default 500. */
  pendingMs?: number;
  /** RUNNING: the tasks execute. Default 2000. */
  runningMs?: number;
  /** CANCELING after a terminate request, before CANCELED. Default 300. */
  cancelingMs?: number;
}

/** How a run ends; `RUNNING` never ends on its own (only a terminate request stops it). */
export type RunOutcome = 'SUCCEEDED' | 'FAILED' | 'RUNNING';

/**
 * The test bed's deterministic outcomes, for tests of what a client does with
 * a failed or stuck run: a pipeline whose `pipelineInfo.name` ends in `-fails`
 * ends FAILED, one ending in `-hangs` stays RUNNING until terminated, any other
 * succeeds. A test bed rule, not KFP behaviour.
 */
export function outcomeOfPipelineName(name: string): RunOutcome {
  if (name.endsWith('-fails')) return 'FAILED';
  if (name.endsWith('-hangs')) return 'RUNNING';
  return 'SUCCEEDED';
}

export interface RunClock {
  startedAt: number;
  outcome: RunOutcome;
  terminatedAt?: number;
}

export interface RunStatus {
  state: RuntimeState;
  /** Each state entered so far with the time it was entered (KFP's `state_history`). */
  history: { state: RuntimeState; at: number }[];
  finishedAt?: number;
}

/**
 * A run's state at `now`, derived from the clock rather than timers (nothing
 * to stop, nothing keeping a process alive). It follows what the persistence
 * agent reports from the Argo workflow (backend/src/agent/persistence,
 * apiserver model `RuntimeState`): Pending -> PENDING, Running -> RUNNING,
 * Succeeded -> SUCCEEDED, Failed/Error -> FAILED; a terminate request puts an
 * unfinished run in CANCELING until its pods are gone, then CANCELED.
 */
export function runStatusAt(clock: RunClock, timing: Required<RunTiming>, now: number): RunStatus {
  const runningAt = clock.startedAt + timing.pendingMs;
  const doneAt = clock.outcome === 'RUNNING' ? Number.POSITIVE_INFINITY : runningAt + timing.runningMs;
  const history: RunStatus['history'] = [{ state: 'PENDING', at: clock.startedAt }];
  const terminatedAt =
    clock.terminatedAt !== undefined && clock.terminatedAt < doneAt ? clock.terminatedAt : undefined;
  const until = Math.min(now, terminatedAt ?? Number.POSITIVE_INFINITY);
  if (until >= runningAt) history.push({ state: 'RUNNING', at: runningAt });
  if (terminatedAt !== undefined && now >= terminatedAt) {
    history.push({ state: 'CANCELING', at: terminatedAt });
    const canceledAt = terminatedAt + timing.cancelingMs;
    if (now >= canceledAt) history.push({ state: 'CANCELED', at: canceledAt });
  } else if (now >= doneAt && clock.outcome !== 'RUNNING') {
    history.push({ state: clock.outcome, at: doneAt });
  }
  const last = history[history.length - 1]!;
  const finished = last.state === 'SUCCEEDED' || last.state === 'FAILED' || last.state === 'CANCELED';
  return { state: last.state, history, finishedAt: finished ? last.at : undefined };
}

export function resolveTiming(timing: RunTiming = {}): Required<RunTiming> {
  return {
    pendingMs: timing.pendingMs ?? 500,
    runningMs: timing.runningMs ?? 2000,
    cancelingMs: timing.cancelingMs ?? 300,
  };
}
