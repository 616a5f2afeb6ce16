/**
 * The tasks of an emulated run, as the Argo workflow KFP v2 compiles a
 * pipeline into and the API server reports back in `run_details.task_details`
 * (backend/src/apiserver/server/api_converter.go: `toModelTask` from a
 * workflow `util.NodeStatus`, then `toApiPipelineTaskDetail`): one task per
 * Argo node, its `pod_name` the node id, its children by pod name, a DAG node
 * per ParallelFor loop and per iteration. Every run of the test bed has the
 * same graph, a test bed rule:
 *
 *   root (DAG)
 *   ├─ prepare-data            -> dataset (system.Dataset)
 *   ├─ for-loop-1 (DAG, ParallelFor over `loopIterations` items)
 *   │   └─ for-loop-1-iteration-<i> (DAG)
 *   │       └─ train           <- dataset; -> model (system.Model, a directory), metrics (system.Metrics)
 *   └─ evaluate                <- dataset; -> metrics, confusion (system.ClassificationMetrics), report (system.Markdown)
 *
 * A run that ends FAILED fails in `evaluate`. Tasks start and end inside the
 * run's RUNNING window (prepare the first 30%, the loop up to 70%, evaluate
 * the rest); a task not started yet has no node, so it is not listed. A
 * terminated run's running tasks end CANCELED.
 */
import { createHash } from 'node:crypto';
import type { RunClock, RunTiming } from './run-lifecycle.js';

/** What one task of the graph produces, by output name. */
export type EmulatedArtifactKind =
  | 'system.Dataset'
  | 'system.Model'
  | 'system.Metrics'
  | 'system.ClassificationMetrics'
  | 'system.Markdown';

export interface PlannedTask {
  /** The Argo node id, which KFP reports as both `task_id` and `pod_name`. */
  nodeId: string;
  /** The pod a container task runs in (Argo `POD_NAMES=v2`: `<workflow>-<template>-<hash>`); DAGs have none. */
  podName?: string;
  /** The task's name in the pipeline spec (`train`), or the DAG's (`for-loop-1`, `root`). */
  taskName: string;
  /** What the UI shows: the task name, `for-loop-1-iteration-2` for an iteration. */
  displayName: string;
  kind: 'dag' | 'container';
  parentIndex?: number;
  iterationIndex?: number;
  /** Planned start and end as fractions of the RUNNING window. */
  from: number;
  to: number;
  /** Ends FAILED when the run fails. */
  failsRun: boolean;
  outputs: { name: string; kind: EmulatedArtifactKind }[];
  /** Inputs: the producing task's index and its output name. */
  inputs: { name: string; producer: number; output: string }[];
}

export interface RunPlan {
  /** The Argo workflow's name (KFP: the pipeline name plus a suffix). */
  workflowName: string;
  tasks: PlannedTask[];
}

/** A task as it stands at one moment. */
export interface TaskAt {
  index: number;
  task: PlannedTask;
  state: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  startAt: number;
  endAt?: number;
}

/** A short stable hash, as Argo derives node ids from the workflow name and node path. */
export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The graph above for one run. `loopIterations` ParallelFor items (default 3). */
export function planRun(runId: string, pipelineName: string, loopIterations = 3): RunPlan {
  const base = (pipelineName || 'pipeline')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 40);
  const workflowName = `${base}-${shortHash(runId, 5)}`;
  const tasks: PlannedTask[] = [];
  const add = (task: Omit<PlannedTask, 'nodeId' | 'podName'>, path: string) => {
    const hash = shortHash(`${workflowName}/${path}`);
    tasks.push({
      ...task,
      nodeId: task.taskName === 'root' ? workflowName : `${workflowName}-${hash}`,
      ...(task.kind === 'container' ? { podName: `${workflowName}-system-container-impl-${hash}` } : {}),
    });
    return tasks.length - 1;
  };
  const dag = { kind: 'dag' as const, outputs: [], inputs: [], failsRun: false };
  const root = add(
    { ...dag, taskName: 'root', displayName: workflowName, from: 0, to: 1, failsRun: true },
    '',
  );
  const prepare = add(
    {
      kind: 'container',
      taskName: 'prepare-data',
      displayName: 'prepare-data',
      parentIndex: root,
      from: 0,
      to: 0.3,
      failsRun: false,
      outputs: [{ name: 'dataset', kind: 'system.Dataset' }],
      inputs: [],
    },
    'prepare-data',
  );
  const loop = add(
    { ...dag, taskName: 'for-loop-1', displayName: 'for-loop-1', parentIndex: root, from: 0.3, to: 0.7 },
    'for-loop-1',
  );
  for (let i = 0; i < loopIterations; i++) {
    const iteration = add(
      {
        ...dag,
        taskName: 'for-loop-1',
        displayName: `for-loop-1-iteration-${i}`,
        parentIndex: loop,
        iterationIndex: i,
        from: 0.3,
        to: 0.7,
      },
      `for-loop-1/${i}`,
    );
    add(
      {
        kind: 'container',
        taskName: 'train',
        displayName: 'train',
        parentIndex: iteration,
        iterationIndex: i,
        from: 0.3,
        to: 0.7,
        failsRun: false,
        outputs: [
          { name: 'model', kind: 'system.Model' },
          { name: 'metrics', kind: 'system.Metrics' },
        ],
        inputs: [{ name: 'dataset', producer: prepare, output: 'dataset' }],
      },
      `for-loop-1/${i}/train`,
    );
  }
  add(
    {
      kind: 'container',
      taskName: 'evaluate',
      displayName: 'evaluate',
      parentIndex: root,
      from: 0.7,
      to: 1,
      failsRun: true,
      outputs: [
        { name: 'metrics', kind: 'system.Metrics' },
        { name: 'confusion', kind: 'system.ClassificationMetrics' },
        { name: 'report', kind: 'system.Markdown' },
      ],
      inputs: [{ name: 'dataset', producer: prepare, output: 'dataset' }],
    },
    'evaluate',
  );
  return { workflowName, tasks };
}

/**
 * Each started task's state at `now`. A run that never ends (`RUNNING`
 * outcome) keeps its last task running; a terminated run's running tasks end
 * CANCELED at the terminate request.
 */
export function tasksAt(plan: RunPlan, clock: RunClock, timing: Required<RunTiming>, now: number): TaskAt[] {
  const runningAt = clock.startedAt + timing.pendingMs;
  const at = (fraction: number) => runningAt + Math.round(fraction * timing.runningMs);
  const result: TaskAt[] = [];
  plan.tasks.forEach((task, index) => {
    const startAt = at(task.from);
    if (now < startAt || (clock.terminatedAt !== undefined && clock.terminatedAt < startAt)) return;
    const plannedEnd = clock.outcome === 'RUNNING' && task.to === 1 ? Number.POSITIVE_INFINITY : at(task.to);
    const cut =
      clock.terminatedAt !== undefined && clock.terminatedAt < plannedEnd ? clock.terminatedAt : undefined;
    const endAt = cut ?? plannedEnd;
    if (now < endAt) {
      result.push({ index, task, state: 'RUNNING', startAt });
      return;
    }
    const state =
      cut !== undefined ? 'CANCELED' : clock.outcome === 'FAILED' && task.failsRun ? 'FAILED' : 'SUCCEEDED';
    result.push({ index, task, state, startAt, endAt });
  });
  return result;
}

/**
 * ML Metadata ids of a run's records, derived from the run id so that every
 * reader (the API's `execution_id`, the MLMD stand-in) agrees without shared
 * state: the run's context, each task's execution, each output artifact.
 */
export function mlmdIdsOf(runId: string) {
  const base = Number.parseInt(shortHash(runId, 5), 16) * 65_536;
  return {
    context: base,
    execution: (taskIndex: number) => base + 1 + taskIndex,
    artifact: (taskIndex: number, outputIndex: number) => base + 32_768 + taskIndex * 8 + outputIndex,
  };
}
