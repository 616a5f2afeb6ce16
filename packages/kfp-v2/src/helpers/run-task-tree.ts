import type { KfpV2Client } from '../client.js';
import type { Run, RuntimeState } from '../schemas.js';
import { getRun } from './runs.js';

/** One task of a run: a container step, a DAG, a ParallelFor loop or one of its iterations. */
export interface RunTask {
  /** The task's id (`task_id`: the orchestrator's node id). */
  id: string;
  /** The task's name in the pipeline (`train`, `for-loop-1`): the display name without an iteration suffix. */
  name: string;
  /** What the KFP UI shows (`display_name`), e.g. `for-loop-1-iteration-2`. */
  displayName: string;
  state: RuntimeState;
  startedAt?: Date;
  finishedAt?: Date;
  /** The pod the task ran in, when it ran in one (what logs are read by). */
  podName?: string;
  /** The ML Metadata execution of the task. */
  executionId?: string;
  /** The task this one runs inside (a DAG or loop iteration); undefined at the top. */
  parentId?: string;
  /** The tasks inside this one, in the order the server lists them. */
  children: RunTask[];
  /** For a ParallelFor iteration, its index. */
  iteration?: number;
  /** Why the task failed, as the server reports it. */
  error?: { code?: number; message?: string };
  /** The orchestrator's jobs for the task (main job, failed attempts), when the server reports them. */
  executorDetail?: {
    mainJob?: string;
    preCachingCheckJob?: string;
    failedMainJobs?: string[];
    failedPreCachingCheckJobs?: string[];
  };
}

/** A run's tasks as a tree, and flat. */
export interface RunTaskTree {
  runId: string;
  /** The run as the server answered it (its state, times, error). */
  run: Run;
  /** The tasks without a parent (normally the root DAG), in server order. */
  roots: RunTask[];
  /** Every task in server order. */
  tasks: RunTask[];
}

/** Options of {@link getRunTasks}. */
export interface GetRunTasksOptions {
  signal?: AbortSignal;
}

const ITERATION = /^(.*)-iteration-(\d+)$/;

/**
 * The tasks of a KFP v2 run, from `run_details.task_details` of
 * `GET /apis/v2beta1/runs/{run_id}`, as a tree: each task's state, times,
 * pod, ML Metadata execution and error, nested by `parent_task_id` so that
 * DAGs, ParallelFor loops and their iterations keep their structure. A task
 * that names a parent the server did not list is kept at the top.
 *
 * @example
 * const { roots } = await getRunTasks(kfp, runId);
 */
export async function getRunTasks(
  client: KfpV2Client,
  runId: string,
  options: GetRunTasksOptions = {},
): Promise<RunTaskTree> {
  const run = await getRun(client, runId, { signal: options.signal });
  return { runId, run, ...taskTreeOf(run) };
}

/** The task tree of a run already fetched (e.g. by a wait loop). */
export function taskTreeOf(run: Run): { roots: RunTask[]; tasks: RunTask[] } {
  const details = run.run_details?.task_details ?? [];
  const tasks = details.map((detail, index): RunTask => {
    const displayName = detail.display_name ?? '';
    const iteration = ITERATION.exec(displayName);
    const executor = detail.executor_detail;
    return {
      id: detail.task_id || `task-${index}`,
      name: iteration ? (iteration[1] ?? displayName) : displayName,
      displayName,
      state: detail.state ?? 'RUNTIME_STATE_UNSPECIFIED',
      ...(detail.start_time ? { startedAt: new Date(detail.start_time) } : {}),
      ...(detail.end_time ? { finishedAt: new Date(detail.end_time) } : {}),
      ...(detail.pod_name ? { podName: detail.pod_name } : {}),
      ...(detail.execution_id ? { executionId: detail.execution_id } : {}),
      ...(detail.parent_task_id ? { parentId: detail.parent_task_id } : {}),
      children: [],
      ...(iteration ? { iteration: Number(iteration[2]) } : {}),
      ...(detail.error ? { error: { code: detail.error.code, message: detail.error.message } } : {}),
      ...(executor
        ? {
            executorDetail: {
              mainJob: executor.main_job,
              preCachingCheckJob: executor.pre_caching_check_job,
              failedMainJobs: executor.failed_main_jobs,
              failedPreCachingCheckJobs: executor.failed_pre_caching_check_jobs,
            },
          }
        : {}),
    };
  });
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const roots: RunTask[] = [];
  for (const task of tasks) {
    const parent = task.parentId === undefined ? undefined : byId.get(task.parentId);
    if (parent && parent !== task) parent.children.push(task);
    else roots.push(task);
  }
  // Parents that name each other in a loop would hide the whole loop from `roots`: lift one out per loop.
  const reached = new Set<RunTask>();
  const visit = (task: RunTask) => {
    if (reached.has(task)) return;
    reached.add(task);
    task.children.forEach(visit);
  };
  roots.forEach(visit);
  for (const task of tasks) {
    if (reached.has(task)) continue;
    const parent = task.parentId === undefined ? undefined : byId.get(task.parentId);
    if (parent) parent.children = parent.children.filter((child) => child !== task);
    roots.push(task);
    visit(task);
  }
  return { roots, tasks };
}
