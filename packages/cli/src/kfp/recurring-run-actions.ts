import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { connectKfp } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { positiveIntegerOption } from '../option-values.js';
import { printDone, printResult } from '../output/print.js';
import { RECURRING_RUN_COLUMNS } from './columns.js';
import { type ListFlags, listSettings } from './list-options.js';
import { typedParameters } from './parameter-text.js';
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
  const window = {
    startTime: dateOption('--start-time', options.startTime),
    endTime: dateOption('--end-time', options.endTime),
  };
  // Both or neither is the library's to refuse, with its message; the CLI only converts the text.
  const schedule =
    options.intervalSecond !== undefined
      ? {
          ...window,
          intervalSeconds: positiveIntegerOption('--interval-second', options.intervalSecond) ?? 0,
          cron: options.cronExpression,
        }
      : { ...window, cron: options.cronExpression ?? '' };
  // A package is loaded and validated as the server would, its declared types given to the parameters and
  // the parameters checked against them, before any request.
  const spec = options.pipelinePackagePath ? await import('@ml-platform/kfp-pipeline-spec') : undefined;
  const loaded = spec && (await spec.loadPipelinePackage(options.pipelinePackagePath ?? ''));
  const runParameters = loaded ? typedParameters(loaded.parameters, parameters) : parameters;
  if (spec && loaded) spec.checkPipelineParameters(loaded, runParameters);
  const pipeline = loaded
    ? { pipelineSpec: loaded.pipelineSpec }
    : { pipelineVersion: { pipelineId: options.pipelineId ?? '', pipelineVersionId: options.versionId } };
  const { client, namespace } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  const experimentId =
    options.experimentId ??
    (options.experimentName === undefined
      ? undefined
      : (await kfp.getOrCreateExperiment(client, { name: options.experimentName, namespace })).experiment_id);
  const recurringRun = await kfp.createRecurringRun(client, {
    displayName: options.jobName,
    description: options.description,
    experimentId,
    parameters: runParameters,
    schedule: schedule as never,
    maxConcurrency: positiveIntegerOption('--max-concurrency', options.maxConcurrency),
    noCatchup: !options.catchup,
    enabled: !options.disabled,
    ...pipeline,
  });
  await printResult(globals, recurringRun, RECURRING_RUN_COLUMNS);
}

export async function recurringRunList({
  options,
  globals,
}: Invocation<ListFlags & { experimentId?: string }>) {
  const settings = listSettings(options);
  const { client, namespace } = await connectKfp(globals);
  const { collectAll } = await import('@ml-platform/kfp-v2');
  const recurringRuns = await collectAll(client, '/apis/v2beta1/recurringruns', {
    params: { query: options.experimentId ? { experiment_id: options.experimentId } : { namespace } },
    ...settings,
  });
  await printResult(globals, recurringRuns, RECURRING_RUN_COLUMNS);
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

export async function recurringRunChange({ args: [recurringRunId = ''], globals, command }: Invocation) {
  const [helper, done] = CHANGES[command.name() as keyof typeof CHANGES];
  const { client } = await connectKfp(globals);
  const kfp = await import('@ml-platform/kfp-v2');
  await kfp[helper](client, recurringRunId);
  await printDone(globals, `Recurring run ${recurringRunId} ${done}.`, {
    recurring_run_id: recurringRunId,
    action: command.name(),
  });
}
