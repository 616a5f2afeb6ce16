import { invalidOption, type PollUntilOptions, pollUntil, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components } from '../generated/schema.js';
import { namedPath } from './change-query.js';
import { SeldonError, SeldonErrorCode, SeldonResourceWaitError } from './errors.js';
import { checkPagingLimits } from './paging-limits.js';

type Schemas = components['schemas'];
/**
 * What a batch job is submitted with: input and output locations, workers, retries and the data
 * format (upstream `BatchJobDefinition`).
 */
export type BatchJobDefinition = Schemas['BatchJobDefinition'];
/**
 * A batch job as `getBatchJob` returns it, with its workflow's status (upstream
 * `BatchJobGetResponse`).
 */
export type BatchJob = Schemas['BatchJobGetResponse'];
/** A batch job as list responses describe it (upstream `BatchJobDescription`). */
export type BatchJobDescription = Schemas['BatchJobDescription'];
/** What submitting a batch job answers: the job's workflow name (upstream `BatchJobPostResponse`). */
export type SubmittedBatchJob = Schemas['BatchJobPostResponse'];

/** What a batch job runs against: a SeldonDeployment (Core v1) or a Seldon Core v2 pipeline. */
export type BatchJobTarget =
  | { namespace: string; seldonDeployment: string }
  | { namespace: string; pipeline: string };

function targetPath(target: BatchJobTarget): {
  kind: 'deployment' | 'pipeline';
  namespace: string;
  name: string;
} {
  if (!target || typeof target !== 'object') {
    throw invalidOption(
      "target must be { namespace, seldonDeployment } or { namespace, pipeline }, e.g. { namespace: 'seldon', seldonDeployment: 'iris' }.",
    );
  }
  if ('seldonDeployment' in target && target.seldonDeployment !== undefined) {
    return { kind: 'deployment', ...namedPath(target.namespace, target.seldonDeployment) };
  }
  if ('pipeline' in target && target.pipeline !== undefined) {
    return { kind: 'pipeline', ...namedPath(target.namespace, target.pipeline) };
  }
  throw invalidOption('target must name a seldonDeployment or a pipeline.');
}

/**
 * Submits a batch job: Seldon Deploy starts an Argo Workflow that reads
 * `inputData` from object storage, sends it to the target in batches and
 * writes the answers to `outputData`. Resolves to the workflow's name, the
 * `jobName` of the other batch helpers.
 */
export async function submitBatchJob(
  client: SeldonDeployClient,
  target: BatchJobTarget,
  definition: BatchJobDefinition,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SubmittedBatchJob & { workflowName: string }> {
  const { kind, namespace, name } = targetPath(target);
  requireText('definition.inputData', definition?.inputData, "'s3://data/iris/input.txt'");
  requireText('definition.outputData', definition?.outputData, "'s3://data/iris/output.txt'");
  const init = { params: { path: { namespace, name } }, body: definition, signal: options.signal };
  const submitted = unwrap(
    kind === 'deployment'
      ? await client.POST('/namespaces/{namespace}/seldondeployments/{name}/batchjobs', init)
      : await client.POST('/namespaces/{namespace}/pipelines/{name}/batchjobs', init),
  );
  if (!submitted?.workflowName) {
    throw new SeldonError(
      SeldonErrorCode.batchJobFailed,
      `Seldon Deploy accepted the batch job for ${namespace}/${name} but answered no workflowName to follow it by.`,
    );
  }
  return submitted as SubmittedBatchJob & { workflowName: string };
}

/** A batch job's definition and its workflow's status (`Description.workflowStatus`). */
export async function getBatchJob(
  client: SeldonDeployClient,
  target: BatchJobTarget,
  jobName: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<BatchJob> {
  const { kind, namespace, name } = targetPath(target);
  const path = { namespace, name, jobName: requireText('jobName', jobName, "'iris-batch-abc12'") };
  const init = { params: { path }, signal: options.signal };
  return unwrap(
    kind === 'deployment'
      ? await client.GET('/namespaces/{namespace}/seldondeployments/{name}/batchjobs/{jobName}', init)
      : await client.GET('/namespaces/{namespace}/pipelines/{name}/batchjobs/{jobName}', init),
  );
}

/**
 * Every batch job of the target, newest first as the API orders them,
 * fetched `pageSize` at a time (the API's `limit` and `Page`, counted from
 * 0, until `pagesCount`), stopping after `limit` jobs.
 */
export async function* listBatchJobs(
  client: SeldonDeployClient,
  target: BatchJobTarget,
  options: {
    pageSize?: number | undefined;
    limit?: number | undefined;
    signal?: AbortSignal | undefined;
  } = {},
): AsyncGenerator<BatchJobDescription, void, undefined> {
  const { kind, namespace, name } = targetPath(target);
  const { pageSize, limit } = options;
  checkPagingLimits(options);
  if (limit === 0) return;
  let count = 0;
  for (let page = 0; ; page += 1) {
    const query = { limit: pageSize === undefined ? undefined : String(pageSize), Page: String(page) };
    const init = { params: { path: { namespace, name }, query }, signal: options.signal };
    const answer = unwrap(
      kind === 'deployment'
        ? await client.GET('/namespaces/{namespace}/seldondeployments/{name}/batchjobs', init)
        : await client.GET('/namespaces/{namespace}/pipelines/{name}/batchjobs', init),
    );
    for (const job of answer?.batchJobs ?? []) {
      yield job;
      count += 1;
      if (limit !== undefined && count >= limit) return;
    }
    if (answer?.page !== undefined && answer.page !== page) {
      throw new SeldonError(
        SeldonErrorCode.pageRepeated,
        `Batch jobs page ${page} of ${namespace}/${name} was answered with page ${answer.page}; stopping instead of looping.`,
      );
    }
    const pagesCount = answer?.pagesCount ?? 0;
    if (page + 1 >= pagesCount || (answer?.batchJobs ?? []).length === 0) return;
  }
}

/** Argo Workflow phases that end a job (argoproj.io/v1alpha1 `WorkflowPhase`). */
const FINISHED = new Set(['Succeeded', 'Failed', 'Error']);

/** What `waitForBatchJob` resolves to once the job succeeded. */
export interface BatchJobResult {
  jobName: string;
  /** The workflow's final phase: `Succeeded`. */
  status: string;
  /** Where the answers were written (the definition's `outputData`). */
  outputData: string | undefined;
  inputData: string | undefined;
  startedAt: string | undefined;
  finishedAt: string | undefined;
  /** The job as last fetched. */
  job: BatchJob;
}

/** The options of `waitForBatchJob`: its deadline, cancellation, progress callback and poll timing. */
export interface WaitBatchJobOptions extends PollUntilOptions<BatchJob> {
  /** Give up after this many milliseconds with `SELDON_WAIT_TIMEOUT`. Default: no limit. */
  timeoutMs?: number | undefined;
  /** Cancels the wait (and the request in flight) with `SELDON_WAIT_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** Called with every job fetched, e.g. to log progress. */
  onPoll?: ((job: BatchJob) => void) | undefined;
}

const BATCH_TIMING = { pollIntervalMs: 5_000, maxPollIntervalMs: 60_000, backoffFactor: 1.5 };

/**
 * Polls a batch job, with growing delays, until its workflow finished.
 * Resolves with where the results are when it `Succeeded`; throws
 * `SELDON_BATCH_JOB_FAILED` when it ended `Failed` or `Error`, and
 * `SELDON_WAIT_TIMEOUT` / `SELDON_WAIT_ABORTED` when stopped first.
 */
export async function waitForBatchJob(
  client: SeldonDeployClient,
  target: BatchJobTarget,
  jobName: string,
  options: WaitBatchJobOptions = {},
): Promise<BatchJobResult> {
  const { namespace, name } = targetPath(target);
  const job = requireText('jobName', jobName, "'iris-batch-abc12'");
  const where = { kind: 'BatchJob' as const, namespace, name: job };
  const label = `Batch job ${job} of ${namespace}/${name}`;
  const statusOf = (last: BatchJob | undefined) =>
    last ? last.Description?.workflowStatus || 'Pending' : 'unknown (no poll succeeded)';
  const last = await pollUntil<BatchJob>(
    {
      poll: (signal) => getBatchJob(client, target, job, { signal }),
      isDone: (current) => FINISHED.has(statusOf(current)),
      defaults: BATCH_TIMING,
      stopped: (how, seen, cause) =>
        new SeldonResourceWaitError(
          how === 'timeout' ? SeldonErrorCode.waitTimeout : SeldonErrorCode.waitAborted,
          how === 'timeout'
            ? `${label} did not finish within timeoutMs (${options.timeoutMs} ms); it was ${statusOf(seen)}.`
            : `Waiting for ${label} was cancelled; it was ${statusOf(seen)}.`,
          { ...where, last: seen, lastState: statusOf(seen), cause },
        ),
    },
    options,
  );
  const status = statusOf(last);
  if (status !== 'Succeeded') {
    throw new SeldonResourceWaitError(
      SeldonErrorCode.batchJobFailed,
      `${label} ended ${status}. Its Argo Workflow's logs say why (kubectl -n ${namespace} logs -l workflows.argoproj.io/workflow=${job}).`,
      { ...where, last, lastState: status },
    );
  }
  return {
    jobName: job,
    status,
    outputData: last.Definition?.outputData,
    inputData: last.Definition?.inputData,
    startedAt: last.Description?.StartedAt,
    finishedAt: last.Description?.FinishedAt,
    job: last,
  };
}
