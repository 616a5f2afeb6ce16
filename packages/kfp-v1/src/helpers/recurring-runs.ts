import { unwrap } from '@ml-platform/core';
import type { KfpV1Client } from '../client.js';
import type { Job } from '../schemas.js';
import { type PipelineToRun, runTarget } from './pipeline-spec.js';
import type { RunSettings } from './runs.js';
import { type RecurringSchedule, scheduleToTrigger } from './schedule.js';
import { invalidOption, optionalText, requireText } from './validate.js';

export type CreateRecurringRunOptions = RunSettings &
  PipelineToRun & {
    /** A cron expression or an interval, exactly one. */
    schedule: RecurringSchedule;
    /** Runs allowed at the same time, 1 to 10. Default 1. */
    maxConcurrency?: number;
    /** When behind schedule, start only the latest missed run instead of every one. */
    noCatchup?: boolean;
    /** Start scheduling right away. Default true. */
    enabled?: boolean;
  };

/** Creates a recurring run, a "job" in v1beta1 (kfp.Client's `create_recurring_run`). */
export async function createRecurringRun(
  client: KfpV1Client,
  options: CreateRecurringRunOptions,
): Promise<Job> {
  const maxConcurrency = options.maxConcurrency ?? 1;
  if (!(Number.isSafeInteger(maxConcurrency) && maxConcurrency >= 1 && maxConcurrency <= 10)) {
    throw invalidOption(
      `maxConcurrency must be a whole number from 1 to 10 (KFP's range), got ${String(maxConcurrency)}.`,
    );
  }
  if (options.enabled !== undefined && typeof options.enabled !== 'boolean') {
    throw invalidOption('enabled must be true or false.');
  }
  const body = {
    name: requireText('name', options.name, "'nightly training'"),
    description: options.description,
    service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
    trigger: scheduleToTrigger(options.schedule),
    // int64 travels as a string in protobuf's JSON; the server refuses 0, which is what leaving it out would send.
    max_concurrency: String(maxConcurrency),
    no_catchup: options.noCatchup,
    enabled: options.enabled ?? true,
    ...runTarget(options),
  };
  return unwrap(await client.POST('/apis/v1beta1/jobs', { body, signal: options.signal }));
}

export async function enableRecurringRun(client: KfpV1Client, jobId: string): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(await client.POST('/apis/v1beta1/jobs/{id}/enable', { params: { path: { id } } }));
}

export async function disableRecurringRun(client: KfpV1Client, jobId: string): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(await client.POST('/apis/v1beta1/jobs/{id}/disable', { params: { path: { id } } }));
}

export async function deleteRecurringRun(client: KfpV1Client, jobId: string): Promise<void> {
  const id = requireText('jobId', jobId, "'a7c2…'");
  unwrap(await client.DELETE('/apis/v1beta1/jobs/{id}', { params: { path: { id } } }));
}
