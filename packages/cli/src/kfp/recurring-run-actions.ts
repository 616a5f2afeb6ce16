import type { RecurringSchedule } from '@ml-platform/kfp-v2';
import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { confirmDestructive } from '../confirm-destructive.js';
import { connectKfp } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { positiveIntegerOption } from '../option-values.js';
import { printDone, printResult } from '../output/print.js';
import { RECURRING_RUN_COLUMNS } from './columns.js';
import { printKfpList } from './list-command.js';
import { type ListFlags, listSettings } from './list-options.js';
import { parseParameters } from './parameters.js';

interface CreateFlags {
  jobName: string;
  pipelinePackagePath?: string;
  pipelineId?: string;
  versionId?: string;
  experimentId?: string;
  experimentName?: string;
  cronExpression?: string;
  intervalSecond?: string;
  maxConcurrency: string;
  startTime?: string;
  endTime?: string;
  catchup: boolean;
  disabled?: boolean;
  description?: string;
}

function usage(message: string): CliError {
  return new CliError(CliErrorCode.usage, message, ExitCode.usage);
}

function dateOption(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw usage(`${name} takes an ISO 8601 time, e.g. 2026-07-01T00:00:00Z; got "${value}".`);
  return date;
}

export async function recurringRunCreate({ args, options, globals }: Invocation<CreateFlags>) {
  const parameters = parseParameters(args);
  if ((options.pipelinePackagePath === undefined) === (options.pipelineId === undefined))
    throw usage(
      'mlp kfp recurring-run create takes exactly one of --pipeline-package-path (-f) and --pipeline-id.',
    );
  const schedule = scheduleOf(options);
  const maxConcurrency = positiveIntegerOption('--max-concurrency', options.maxConcurrency);
  const common = {
    displayName: options.jobName,
    description: options.description,
    schedule,
    maxConcurrency,
    noCatchup: !options.catchup,
    enabled: !options.disabled,
  };
  const { client, namespace } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  if (options.pipelinePackagePath !== undefined) {
    // Read once: the file's declared types give the KEY=VALUE text its values, then the library checks them.
    const { loadPipelinePackage, parametersFromText } = await import('@ml-platform/kfp-pipeline-spec');
    const loaded = await loadPipelinePackage(options.pipelinePackagePath);
    const { recurringRun } = await kfp.createRecurringRunFromPackage(client, {
      ...common,
      source: loaded.platformSpec
        ? { pipeline_spec: loaded.pipelineSpec, platform_spec: loaded.platformSpec }
        : loaded.pipelineSpec,
      parameters: parametersFromText(loaded, parameters),
      experimentId: options.experimentId,
      experimentName: options.experimentName,
      namespace,
    });
    await printResult(globals, recurringRun, RECURRING_RUN_COLUMNS);
    return;
  }
  const experimentId =
    options.experimentId ??
    (options.experimentName === undefined
      ? undefined
      : (await kfp.getOrCreateExperiment(client, { name: options.experimentName, namespace })).experiment_id);
  const recurringRun = await kfp.createRecurringRun(client, {
    ...common,
    experimentId,
    parameters,
    pipelineVersion: { pipelineId: options.pipelineId ?? '', pipelineVersionId: options.versionId },
  });
  await printResult(globals, recurringRun, RECURRING_RUN_COLUMNS);
}

/** --cron-expression or --interval-second (exactly one; the library says so otherwise) and the time window. */
function scheduleOf(options: CreateFlags): RecurringSchedule {
  const window = {
    startTime: dateOption('--start-time', options.startTime),
    endTime: dateOption('--end-time', options.endTime),
  };
  if (options.intervalSecond !== undefined) {
    if (options.cronExpression !== undefined)
      throw usage('Pass one of --cron-expression and --interval-second, not both.');
    return {
      ...window,
      intervalSeconds: positiveIntegerOption('--interval-second', options.intervalSecond) ?? 0,
    };
  }
  if (options.cronExpression === undefined)
    throw usage(
      "Pass --cron-expression '0 0 2 * * *' (six fields, seconds first) or --interval-second 3600.",
    );
  return { ...window, cron: options.cronExpression };
}

export async function recurringRunList({
  options,
  globals,
}: Invocation<ListFlags & { experimentId?: string }>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { listAll, listPage } = await import('@ml-platform/kfp-v2');
  const query = options.experimentId ? { experiment_id: options.experimentId } : { namespace };
  const path = '/apis/v2beta1/recurringruns';
  await printKfpList(
    globals,
    settings,
    {
      all: (paging) => listAll(client, path, { params: { query }, ...paging }),
      page: (paging) => listPage(client, path, { params: { query }, ...paging }),
    },
    RECURRING_RUN_COLUMNS,
  );
}

export async function recurringRunGet({ args: [recurringRunId = ''], globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { unwrap } = await import('@ml-platform/kfp-v2');
  const recurringRun = unwrap(
    await client.GET('/apis/v2beta1/recurringruns/{recurring_run_id}', {
      params: { path: { recurring_run_id: recurringRunId } },
    }),
  );
  await printResult(globals, recurringRun, RECURRING_RUN_COLUMNS);
}

const CHANGES = {
  enable: ['enableRecurringRun', 'enabled'],
  disable: ['disableRecurringRun', 'disabled'],
  delete: ['deleteRecurringRun', 'deleted'],
} as const;

export async function recurringRunChange({
  args: [recurringRunId = ''],
  options,
  globals,
  command,
}: Invocation<{ yes?: boolean }>) {
  const [helper, done] = CHANGES[command.name() as keyof typeof CHANGES];
  if (
    command.name() === 'delete' &&
    !(await confirmDestructive(`Delete recurring run ${recurringRunId}?`, options.yes))
  )
    return;
  const { client } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  await kfp[helper](client, recurringRunId);
  await printDone(globals, `Recurring run ${recurringRunId} ${done}.`, {
    recurring_run_id: recurringRunId,
    action: command.name(),
  });
}
