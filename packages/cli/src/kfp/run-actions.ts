import type { KfpV2Client, Run } from '@ml-platform/kfp-v2';
import type { Invocation } from '../action.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectKfp } from '../connection/clients.js';
import { secondsOption } from '../option-values.js';
import { printDone, printResult } from '../output/print.js';
import { RUN_COLUMNS } from './columns.js';
import { printKfpList } from './list-command.js';
import { type ListFlags, listSettings } from './list-options.js';
import { parseParameters } from './parameters.js';
import { type RunTarget, runTarget, startRun } from './start-run.js';
import { printRunLink } from './ui-link.js';
import { outcomeError, watchRun } from './watch-run.js';

interface WatchFlags {
  watch?: boolean;
  timeout?: string;
  terminateOnInterrupt?: boolean;
}

interface CreateFlags extends WatchFlags {
  packageFile?: string;
  pipelineId?: string;
  pipelineName?: string;
  version?: string;
  experimentName?: string;
  experimentId?: string;
  runName?: string;
  description?: string;
  pipelineRoot?: string;
  serviceAccount?: string;
  enableCaching: boolean;
}

export async function runCreate({ args, options, globals }: Invocation<CreateFlags>): Promise<void> {
  const parameters = parseParameters(args);
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const target: RunTarget = runTarget(options);
  const { client, namespace } = await connectKfp(globals);
  const run = await startRun(client, target, {
    parameters,
    experimentName: options.experimentName,
    experimentId: options.experimentId,
    displayName: options.runName,
    description: options.description,
    enableCaching: options.enableCaching,
    namespace,
    pipelineRoot: options.pipelineRoot,
    serviceAccount: options.serviceAccount,
  });
  process.stderr.write(`Run ${run.display_name} (${run.run_id}) created.\n`);
  await printRunLink(globals, run.run_id);
  await finish(client, run, options, timeoutMs, globals);
}

export async function runGet({
  args: [runId = ''],
  options,
  globals,
}: Invocation<WatchFlags & { detail?: boolean }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const { client } = await connectKfp(globals);
  const { getRun } = await import('@ml-platform/kfp-v2');
  const run = await getRun(client, runId);
  if (options.detail && !options.watch) {
    await printResult({ ...globals, output: globals.output ?? 'json' }, run, RUN_COLUMNS);
    return;
  }
  await finish(client, run, options, timeoutMs, globals);
}

async function finish(
  client: KfpV2Client,
  run: Run,
  options: WatchFlags,
  timeoutMs: number | undefined,
  globals: Invocation['globals'],
): Promise<void> {
  if (!options.watch) {
    await printResult(globals, run, RUN_COLUMNS);
    return;
  }
  const finished = await watchRun(client, run.run_id ?? '', {
    timeoutMs,
    terminateOnInterrupt: options.terminateOnInterrupt,
  });
  await printResult(globals, finished, RUN_COLUMNS);
  // Printed after the run, so stdout has the result even when the exit code says it failed.
  const failure = outcomeError(finished);
  if (failure) throw failure;
}

export async function runList({ options, globals }: Invocation<ListFlags & { experimentId?: string }>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { listAll, listPage } = await import('@ml-platform/kfp-v2');
  const query = options.experimentId ? { experiment_id: options.experimentId } : { namespace };
  await printKfpList(
    globals,
    settings,
    {
      all: (paging) => listAll(client, '/apis/v2beta1/runs', { params: { query }, ...paging }),
      page: (paging) => listPage(client, '/apis/v2beta1/runs', { params: { query }, ...paging }),
    },
    RUN_COLUMNS,
  );
}

const CHANGES = {
  archive: ['archiveRun', 'archived', undefined],
  unarchive: ['unarchiveRun', 'restored', undefined],
  delete: ['deleteRun', 'deleted', 'Delete run'],
  terminate: ['terminateRun', 'asked to terminate', 'Terminate run'],
} as const;

/** archive | unarchive | delete | terminate, by the command's name; delete and terminate ask first. */
export async function runChange({
  args: [runId = ''],
  options,
  globals,
  command,
}: Invocation<{ yes?: boolean }>) {
  const [helper, done, question] = CHANGES[command.name() as keyof typeof CHANGES];
  if (question && !(await confirmDestructive(`${question} ${runId}?`, options.yes))) return;
  const { client } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  await kfp[helper](client, runId);
  await printDone(globals, `Run ${runId} ${done}.`, { run_id: runId, action: command.name() });
}
