import { ApiError, requireText, sleep } from '@ml-platform/core';
import { KfpError, namespaceFor } from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Run } from '../schemas.js';
import { getExperiment } from './experiments.js';
import { RunInsightErrorCode } from './run-insight-errors.js';
import { type RunTask, taskTreeOf } from './run-task-tree.js';
import { getRun } from './runs.js';
import { linesOf } from './text-lines.js';
import { isUiRouteMissing, uiServerMissing, uiServerOf } from './ui-server-access.js';
import { isTerminalRunState } from './wait-for-run.js';

/** Options of {@link readTaskLogs}. */
export interface ReadTaskLogsOptions {
  runId: string;
  /** The task: its id, or its name / display name when only one task has it. */
  task: string;
  /** Keep reading new lines until the task ends. Default false: the log as it is now. */
  follow?: boolean;
  /** How often to look for new lines when following, ms. Default 2000. */
  pollIntervalMs?: number;
  /** The run's profile namespace; default the client's namespace, else the run's experiment's. */
  namespace?: string;
  signal?: AbortSignal;
}

/**
 * The log of one task of a run, line by line, as the KFP UI reads it: from
 * the UI server's `GET /k8s/pod/logs` (frontend/server/handlers/pod-logs.ts),
 * which asks Kubernetes while the pod exists and the log archive once it is
 * gone, on the client's `uiBaseUrl` (default its `baseUrl`) with its auth.
 * With `follow`, it asks again every `pollIntervalMs` and yields only the
 * lines not seen yet, until the task has ended. Lines stream in constant
 * memory; a line over 1 MiB comes in pieces.
 *
 * @throws {KfpError} `KFP_TASK_NOT_FOUND`, `KFP_TASK_AMBIGUOUS`, `KFP_TASK_HAS_NO_POD`,
 *   `KFP_TASK_LOG_NOT_FOUND`, or `KFP_UI_SERVER_NOT_FOUND` when nothing at the UI base URL serves logs.
 */
export async function* readTaskLogs(
  client: KfpV2Client,
  options: ReadTaskLogsOptions,
): AsyncGenerator<string> {
  const runId = requireText('runId', options.runId, "'5e0b…'");
  const wanted = requireText('task', options.task, "'train' or a task id");
  const { signal } = options;
  const ui = uiServerOf(client);
  let { run, task } = await taskToRead(client, runId, wanted, options);
  const namespace =
    options.namespace ??
    (await namespaceFor(client, undefined)) ??
    (await namespaceOfRun(client, run, signal));
  let seen = 0;
  while (true) {
    const ended = task.finishedAt !== undefined || isTerminalRunState(run.state);
    const query = new URLSearchParams({ podname: podNameOf(task), runid: runId });
    if (namespace) query.set('podnamespace', namespace);
    if (task.startedAt) query.set('createdat', task.startedAt.toISOString());
    let response: Response;
    try {
      response = await ui.fetch(`${ui.baseUrl}/k8s/pod/logs?${query}`, { signal });
    } catch (error) {
      if (isUiRouteMissing(error)) throw uiServerMissing(ui.baseUrl, '/k8s/pod/logs', error);
      if (error instanceof ApiError && error.status === 404) {
        throw new KfpError(
          RunInsightErrorCode.taskLogNotFound,
          `The KFP UI server has no log for task ${task.displayName} (pod ${task.podName}) of run ${runId}: the pod ` +
            'is gone and no log archive holds it.',
          { cause: error },
        );
      }
      throw error;
    }
    let index = 0;
    // While following, a last line without its line break may still grow: leave it for the next look.
    for await (const line of linesOf(response.body ?? new ReadableStream(), {
      completeOnly: options.follow && !ended,
    })) {
      if (index++ >= seen) {
        seen = index;
        yield line;
      }
    }
    if (!options.follow || ended) return;
    await sleep(options.pollIntervalMs ?? 2000, signal ?? new AbortController().signal);
    run = await getRun(client, runId, { signal });
    task = findTask(run, task.id);
  }
}

/**
 * The run and the task asked for. Following a run that is still going, a task
 * that has not started yet (or has no pod yet) is waited for, as `kubectl logs
 * -f` waits for its container, rather than refused: `mlp kfp run logs -f` is
 * often typed right after `run create`.
 */
async function taskToRead(
  client: KfpV2Client,
  runId: string,
  wanted: string,
  options: ReadTaskLogsOptions,
): Promise<{ run: Run; task: RunTask }> {
  const { signal } = options;
  while (true) {
    const run = await getRun(client, runId, { signal });
    const waiting = options.follow && !isTerminalRunState(run.state);
    try {
      const task = findTask(run, wanted);
      if (!waiting || task.podName || task.children.length > 0 || task.finishedAt !== undefined) {
        return { run, task };
      }
    } catch (error) {
      if (!(waiting && error instanceof KfpError && error.code === RunInsightErrorCode.taskNotFound))
        throw error;
    }
    await sleep(options.pollIntervalMs ?? 2000, signal ?? new AbortController().signal);
  }
}

function podNameOf(task: RunTask): string {
  if (task.podName && task.children.length === 0) return task.podName;
  throw new KfpError(
    RunInsightErrorCode.taskHasNoPod,
    `Task ${task.displayName} (${task.id}) ran in no pod${task.children.length ? ': it is a DAG; read the logs of the tasks inside it' : ' yet'}.`,
  );
}

/** The task by id, else by name or display name when exactly one task has it. */
export function findTask(run: Run, wanted: string): RunTask {
  const { tasks } = taskTreeOf(run);
  const byId = tasks.find((task) => task.id === wanted);
  if (byId) return byId;
  const shown = tasks.filter((task) => task.displayName === wanted);
  if (shown.length === 1 && shown[0]) return shown[0];
  const named = tasks.filter((task) => task.displayName === wanted || task.name === wanted);
  const containers = named.filter((task) => task.children.length === 0);
  const matches = containers.length ? containers : named;
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new KfpError(
      RunInsightErrorCode.taskAmbiguous,
      `${matches.length} tasks of run ${run.run_id} are named ${JSON.stringify(wanted)} (loop iterations): ask by ` +
        `task id, one of ${matches.map((task) => task.id).join(', ')}.`,
    );
  }
  const names = [...new Set(tasks.map((task) => task.displayName))].slice(0, 20);
  throw new KfpError(
    RunInsightErrorCode.taskNotFound,
    `Run ${run.run_id} has no task ${JSON.stringify(wanted)}` +
      (names.length ? `; its tasks are ${names.join(', ')}.` : ' (it has not started any task yet).'),
  );
}

async function namespaceOfRun(
  client: KfpV2Client,
  run: Run,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  if (!run.experiment_id) return undefined;
  const experiment = await getExperiment(client, run.experiment_id, { signal });
  return experiment.namespace || undefined;
}
