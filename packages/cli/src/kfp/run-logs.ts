import type { KfpV2Client, RunTask } from '@ml-platform/kfp-v2';
import type { Invocation } from '../action.js';
import { connectKfp } from '../connection/clients.js';
import { outputFormat } from '../output/print.js';

interface LogFlags {
  task?: string;
  follow?: boolean;
}

/**
 * `mlp kfp run logs <run-id> [--task <name>] [-f]`: one task's log as it is,
 * or every task's, each line prefixed with its task; `-f` follows until the
 * tasks end. With `-o json` (or yaml) each line is a record `{ task, line }`.
 */
export async function runLogs({ args: [runId = ''], options, globals }: Invocation<LogFlags>): Promise<void> {
  const { client, namespace } = await connectKfp(globals);
  const format = outputFormat(globals);
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    if (options.task) {
      await printTask(client, runId, options.task, undefined, {
        ...options,
        namespace,
        format,
        signal: stop.signal,
      });
      return;
    }
    await printEveryTask(client, runId, { ...options, namespace, format, signal: stop.signal });
  } catch (error) {
    if (stop.signal.aborted) return;
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

interface PrintSettings {
  follow?: boolean;
  namespace: string | undefined;
  format: string;
  signal: AbortSignal;
}

async function printTask(
  client: KfpV2Client,
  runId: string,
  task: string,
  prefix: string | undefined,
  settings: PrintSettings,
): Promise<void> {
  const { readTaskLogs } = await import('@ml-platform/kfp-v2');
  const lines = readTaskLogs(client, {
    runId,
    task,
    follow: settings.follow,
    namespace: settings.namespace,
    signal: settings.signal,
    pollIntervalMs: 1000,
  });
  for await (const line of lines)
    process.stdout.write(render(prefix ?? task, line, settings.format, prefix !== undefined));
}

function render(task: string, line: string, format: string, prefixed: boolean): string {
  if (format === 'json') return `${JSON.stringify({ task, line })}\n`;
  if (format === 'yaml') return `- task: ${JSON.stringify(task)}\n  line: ${JSON.stringify(line)}\n`;
  return prefixed ? `[${task}] ${line}\n` : `${line}\n`;
}

/** The tasks that ran in a pod, in tree order, each with a label that tells loop iterations apart. */
function podTasks(roots: RunTask[]): { task: RunTask; label: string }[] {
  const out: { task: RunTask; label: string }[] = [];
  const visit = (task: RunTask, iteration: number | undefined) => {
    const inner = task.iteration ?? iteration;
    if (task.children.length === 0 && task.podName) {
      out.push({ task, label: inner === undefined ? task.displayName : `${task.displayName}[${inner}]` });
    }
    for (const child of task.children) visit(child, inner);
  };
  for (const root of roots) visit(root, undefined);
  return out;
}

/** Every task's log; with `follow`, tasks that start later too, until the run has ended and each task's log is read. */
async function printEveryTask(client: KfpV2Client, runId: string, settings: PrintSettings): Promise<void> {
  const { getRunTasks, isTerminalRunState } = await import('@ml-platform/kfp-v2');
  const { sleep } = await import('@ml-platform/core');
  const done = new Set<string>();
  while (true) {
    const { run, roots } = await getRunTasks(client, runId, { signal: settings.signal });
    for (const { task, label } of podTasks(roots)) {
      if (done.has(task.id)) continue;
      // Followed, a task's log is read to the task's end: it is done either way.
      await printTask(client, runId, task.id, label, settings);
      done.add(task.id);
    }
    if (!settings.follow || isTerminalRunState(run.state)) return;
    await sleep(1000, settings.signal);
  }
}
