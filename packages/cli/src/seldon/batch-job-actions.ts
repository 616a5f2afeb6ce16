import type {
  BatchJob,
  BatchJobDefinition,
  BatchJobDescription,
  BatchJobTarget,
} from '@ml-platform/seldon-deploy-v1alpha1';
import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { connectSeldon } from '../connection/clients.js';
import { ExitCode } from '../exit-codes.js';
import { positiveIntegerOption, secondsOption } from '../option-values.js';
import { type Column, printList, printResult } from '../output/print.js';
import { untilInterrupted } from './interrupt.js';
import { readObjectDocument } from './read-document.js';

interface TargetFlags {
  deployment?: string;
  pipeline?: string;
}

/** `--deployment NAME` (a SeldonDeployment) or `--pipeline NAME` (a Core v2 pipeline), exactly one. */
function targetOf(flags: TargetFlags, namespace: string): BatchJobTarget {
  if ((flags.deployment === undefined) === (flags.pipeline === undefined))
    throw new CliError(
      CliErrorCode.usage,
      'Batch jobs run against one target: pass --deployment NAME (a SeldonDeployment) or --pipeline NAME (a Core v2 pipeline).',
      ExitCode.usage,
    );
  return flags.deployment !== undefined
    ? { namespace, seldonDeployment: flags.deployment }
    : { namespace, pipeline: flags.pipeline ?? '' };
}

const JOB_COLUMNS: Column<BatchJobDescription>[] = [
  { heading: 'Job', value: (job) => job.workflowName },
  { heading: 'Status', value: (job) => job.workflowStatus },
  { heading: 'Started at', value: (job) => job.StartedAt },
  { heading: 'Finished at', value: (job) => job.FinishedAt },
];

/** A job as `get` returns it: its definition beside the description the list shows. */
const JOB_DETAIL_COLUMNS: Column<BatchJob>[] = JOB_COLUMNS.map((column) => ({
  ...column,
  value: (job: BatchJob) => column.value(job.Description ?? {}),
}));

export async function batchJobSubmit({
  options,
  globals,
}: Invocation<TargetFlags & { file: string; wait?: boolean; timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const definition = await readObjectDocument(options.file, 'batch job definition');
  const { client, namespace } = await connectSeldon(globals);
  const target = targetOf(options, namespace);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  // The API checks the definition's fields (inputData, outputData, ...) and names what is wrong.
  const submitted = await seldon.submitBatchJob(client, target, definition as BatchJobDefinition);
  process.stderr.write(`Batch job ${submitted.workflowName} submitted.\n`);
  if (!options.wait) {
    await printResult(globals, submitted, [{ heading: 'Job', value: (job) => job.workflowName }]);
    return;
  }
  await printResult(
    globals,
    await waitJob(target, submitted.workflowName, timeoutMs, globals),
    RESULT_COLUMNS,
  );
}

export async function batchJobGet({ args: [jobName = ''], options, globals }: Invocation<TargetFlags>) {
  const { client, namespace } = await connectSeldon(globals);
  const target = targetOf(options, namespace);
  const { getBatchJob } = await import('@ml-platform/seldon-deploy-v1alpha1');
  await printResult(globals, await getBatchJob(client, target, jobName), JOB_DETAIL_COLUMNS);
}

export async function batchJobList({ options, globals }: Invocation<TargetFlags & { maxSize?: string }>) {
  const limit = positiveIntegerOption('--max-size', options.maxSize) ?? 100;
  const { client, namespace } = await connectSeldon(globals);
  const target = targetOf(options, namespace);
  const { listBatchJobs } = await import('@ml-platform/seldon-deploy-v1alpha1');
  await printList(globals, listBatchJobs(client, target, { limit }), JOB_COLUMNS);
}

export async function batchJobWait({
  args: [jobName = ''],
  options,
  globals,
}: Invocation<TargetFlags & { timeout?: string }>) {
  const timeoutMs = secondsOption('--timeout', options.timeout);
  const { namespace } = await connectSeldon(globals);
  await printResult(
    globals,
    await waitJob(targetOf(options, namespace), jobName, timeoutMs, globals),
    RESULT_COLUMNS,
  );
}

type Result = Awaited<ReturnType<typeof import('@ml-platform/seldon-deploy-v1alpha1').waitForBatchJob>>;

const RESULT_COLUMNS: Column<Result>[] = [
  { heading: 'Job', value: (result) => result.jobName },
  { heading: 'Status', value: (result) => result.status },
  { heading: 'Output', value: (result) => result.outputData },
  { heading: 'Finished at', value: (result) => result.finishedAt },
];

async function waitJob(
  target: BatchJobTarget,
  jobName: string,
  timeoutMs: number | undefined,
  globals: Invocation['globals'],
): Promise<Result> {
  const { client } = await connectSeldon(globals);
  const { waitForBatchJob } = await import('@ml-platform/seldon-deploy-v1alpha1');
  let last = '';
  const result = await untilInterrupted((signal) =>
    waitForBatchJob(client, target, jobName, {
      timeoutMs,
      signal,
      onPoll: (job) => {
        const line = `${jobName}: ${job.Description?.workflowStatus ?? 'no status yet'}`;
        if (line !== last) process.stderr.write(`${line}\n`);
        last = line;
      },
    }),
  );
  process.stderr.write(`Batch job ${jobName} ${result.status}.\n`);
  return result;
}
