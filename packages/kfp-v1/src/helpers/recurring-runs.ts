import { optionalText, requireText, unwrap } from '@ml-platform/core';
import {
  callWithId,
  type KfpIdOption,
  type RecurringRunScheduling,
  recurringRunLimits,
} from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { Job } from '../schemas.js';
import { type PipelineToRun, runTarget } from './pipeline-spec.js';
import type { RunSettings } from './runs.js';
import { scheduleToTrigger } from './schedule.js';

const JOB_ID: KfpIdOption = { option: 'jobId', example: "'a7c2…'" };
const RECURRING_RUN_ID: KfpIdOption = { option: 'recurringRunId', example: "'a7c2…'" };

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
  await callWithId(client, 'POST', '/apis/v1beta1/jobs/{id}/enable', JOB_ID, jobId, options);
}

/** Pauses a recurring run: it starts no runs until enabled again. */
export async function disableRecurringRun(
  client: KfpV1Client,
  jobId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v1beta1/jobs/{id}/disable', JOB_ID, jobId, options);
}

/** Deletes a recurring run; the runs it already started stay. */
export async function deleteRecurringRun(
  client: KfpV1Client,
  jobId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'DELETE', '/apis/v1beta1/jobs/{id}', JOB_ID, jobId, options);
}

/** The recurring run (v1beta1 job) with this id (kfp.Client's `get_recurring_run`). */
export async function getRecurringRun(
  client: KfpV1Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Job> {
  return callWithId(client, 'GET', '/apis/v1beta1/jobs/{id}', RECURRING_RUN_ID, recurringRunId, options);
}
