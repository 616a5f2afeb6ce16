import { unwrap } from '@ml-platform/core';
import type { KfpV2Client } from '../client.js';
import type { RecurringRun } from '../schemas.js';
import { type PipelineToRun, pipelineFields, runtimeConfigOf } from './pipeline-reference.js';
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

/** Creates a recurring run (kfp.Client's `create_recurring_run`). */
export async function createRecurringRun(
  client: KfpV2Client,
  options: CreateRecurringRunOptions,
): Promise<RecurringRun> {
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
    display_name: requireText('displayName', options.displayName, "'nightly training'"),
    experiment_id: optionalText('experimentId', options.experimentId, "'3f1c…'"),
    description: options.description,
    service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
    trigger: scheduleToTrigger(options.schedule),
    // int64 travels as a string in protobuf's JSON; the server refuses 0, which is what leaving it out would send.
    max_concurrency: String(maxConcurrency),
    no_catchup: options.noCatchup,
    mode: options.enabled === false ? ('DISABLE' as const) : ('ENABLE' as const),
    runtime_config: runtimeConfigOf(options),
    ...pipelineFields(options),
  };
  return unwrap(await client.POST('/apis/v2beta1/recurringruns', { body, signal: options.signal }));
}

export async function enableRecurringRun(client: KfpV2Client, recurringRunId: string): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v2beta1/recurringruns/{recurring_run_id}:enable', {
      params: { path: { recurring_run_id } },
    }),
  );
}

export async function disableRecurringRun(client: KfpV2Client, recurringRunId: string): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v2beta1/recurringruns/{recurring_run_id}:disable', {
      params: { path: { recurring_run_id } },
    }),
  );
}

export async function deleteRecurringRun(client: KfpV2Client, recurringRunId: string): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.DELETE('/apis/v2beta1/recurringruns/{recurring_run_id}', {
      params: { path: { recurring_run_id } },
    }),
  );
}
