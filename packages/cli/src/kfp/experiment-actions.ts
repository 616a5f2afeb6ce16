import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectKfp } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import { EXPERIMENT_COLUMNS } from './columns.js';
import { printKfpList } from './list-command.js';
import { type ListFlags, listSettings } from './list-options.js';

export async function experimentCreate({
  args: [name = ''],
  options,
  globals,
}: Invocation<{ description?: string }>) {
  const { client, namespace } = await connectKfp(globals);
  const { unwrap } = await import('@ml-platform/kfp-v2');
  const experiment = unwrap(
    await client.POST('/apis/v2beta1/experiments', {
      body: { display_name: name, description: options.description, namespace },
    }),
  );
  await printResult(globals, experiment, EXPERIMENT_COLUMNS);
}

export async function experimentList({ options, globals }: Invocation<ListFlags>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { listAll, listPage } = await import('@ml-platform/kfp-v2');
  const query = { namespace };
  await printKfpList(
    globals,
    settings,
    {
      all: (paging) => listAll(client, '/apis/v2beta1/experiments', { params: { query }, ...paging }),
      page: (paging) => listPage(client, '/apis/v2beta1/experiments', { params: { query }, ...paging }),
    },
    EXPERIMENT_COLUMNS,
  );
}

export async function experimentGet({ args: [experimentId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { unwrap } = await import('@ml-platform/kfp-v2');
  const experiment = unwrap(
    await client.GET('/apis/v2beta1/experiments/{experiment_id}', {
      params: { path: { experiment_id: experimentId } },
    }),
  );
  await printResult(globals, experiment, EXPERIMENT_COLUMNS);
}

const CHANGES = {
  archive: ['archiveExperiment', 'archived'],
  unarchive: ['unarchiveExperiment', 'restored'],
  delete: ['deleteExperiment', 'deleted'],
} as const;

/** archive | unarchive | delete, by id (argument or --experiment-id) or by --experiment-name. */
export async function experimentChange({
  args: [positionalId],
  options,
  globals,
  command,
}: Invocation<{ experimentId?: string; experimentName?: string; yes?: boolean }>) {
  const [helper, done] = CHANGES[command.name() as keyof typeof CHANGES];
  const given = [positionalId ?? options.experimentId, options.experimentName].filter(
    (value) => value !== undefined,
  );
  if (given.length !== 1) {
    throw new CliError(
      CliErrorCode.usage,
      `mlp kfp experiment ${command.name()} takes exactly one of an experiment id and --experiment-name.`,
      ExitCode.usage,
    );
  }
  const { client, namespace } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  let experimentId = positionalId ?? options.experimentId;
  if (experimentId === undefined) {
    const found = await kfp.findExperimentByName(client, { name: options.experimentName ?? '', namespace });
    if (!found?.experiment_id) {
      throw new kfp.KfpError(kfp.KfpErrorCode.notFound, `No experiment named "${options.experimentName}".`);
    }
    experimentId = found.experiment_id;
  }
  const named = options.experimentName ? ` "${options.experimentName}"` : '';
  if (
    command.name() === 'delete' &&
    !(await confirmDestructive(`Delete experiment${named} ${experimentId}?`, options.yes))
  )
    return;
  await kfp[helper](client, experimentId);
  await printDone(globals, `Experiment ${experimentId} ${done}.`, {
    experiment_id: experimentId,
    action: command.name(),
  });
}
