import { optionalText, requireText, unwrap } from '@ml-platform/core';
import { type RecurringRunScheduling, recurringRunLimits } from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { Job } from '../schemas.js';
import { type PipelineToRun, runTarget } from './pipeline-spec.js';
import type { RunSettings } from './runs.js';
import { scheduleToTrigger } from './schedule.js';

/** The options of `createRecurringRun`: the run settings, what it runs, and its schedule. */
export type CreateRecurringRunOptions = RunSettings & PipelineToRun & RecurringRunScheduling;

/** Creates a recurring run, a "job" in v1beta1 (kfp.Client's `create_recurring_run`). */
export async function createRecurringRun(
  client: KfpV1Client,
  options: CreateRecurringRunOptions,
): Promise<Job> {
  const { max_concurrency, enabled } = recurringRunLimits(options);
  const body = {
    name: requireText('name', options.name, "'nightly training'"),
    description: options.description,
    service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
    trigger: scheduleToTrigger(options.schedule),
    max_concurrency,
    no_catchup: options.noCatchup,
    enabled,
    ...(await runTarget(options)),
  };
  return unwrap(await client.POST('/apis/v1beta1/jobs', { body, signal: options.signal }));
}

/** Resumes a recurring run: it starts runs on its schedule again. */
export async function enableRecurringRun(
  client: KfpV1Client,
  jobId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v1beta1/jobs/{id}/enable', { params: { path: { id } }, signal: options.signal }),
  );
}

/** Pauses a recurring run: it starts no runs until enabled again. */
export async function disableRecurringRun(
  client: KfpV1Client,
  jobId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v1beta1/jobs/{id}/disable', {
      params: { path: { id } },
      signal: options.signal,
    }),
  );
}

/** Deletes a recurring run; the runs it already started stay. */
export async function deleteRecurringRun(
  client: KfpV1Client,
  jobId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(
    await client.DELETE('/apis/v1beta1/jobs/{id}', { params: { path: { id } }, signal: options.signal }),
  );
}

/** The recurring run (v1beta1 job) with this id (kfp.Client's `get_recurring_run`). */
export async function getRecurringRun(
  client: KfpV1Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Job> {
  const id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  return unwrap(
    await client.GET('/apis/v1beta1/jobs/{id}', { params: { path: { id } }, signal: options.signal }),
  );
}
