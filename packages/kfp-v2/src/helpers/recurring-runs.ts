import { optionalText, requireText, unwrap } from '@ml-platform/core';
import { type RecurringRunScheduling, recurringRunLimits } from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { RecurringRun } from '../schemas.js';
import { type PipelineToRun, pipelineFields, runtimeConfigOf } from './pipeline-reference.js';
import type { RunSettings } from './runs.js';
import { scheduleToTrigger } from './schedule.js';

/** The options of `createRecurringRun`: the run settings, what it runs, and its schedule. */
export type CreateRecurringRunOptions = RunSettings & PipelineToRun & RecurringRunScheduling;

/** Creates a recurring run (kfp.Client's `create_recurring_run`). */
export async function createRecurringRun(
  client: KfpV2Client,
  options: CreateRecurringRunOptions,
): Promise<RecurringRun> {
  const { max_concurrency, enabled } = recurringRunLimits(options);
  const body = {
    display_name: requireText('displayName', options.displayName, "'nightly training'"),
    experiment_id: optionalText('experimentId', options.experimentId, "'3f1c…'"),
    description: options.description,
    service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
    trigger: scheduleToTrigger(options.schedule),
    max_concurrency,
    no_catchup: options.noCatchup,
    mode: enabled ? ('ENABLE' as const) : ('DISABLE' as const),
    runtime_config: runtimeConfigOf(options),
    ...pipelineFields(options),
  };
  return unwrap(await client.POST('/apis/v2beta1/recurringruns', { body, signal: options.signal }));
}

/** Resumes a recurring run: it starts runs on its schedule again. */
export async function enableRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v2beta1/recurringruns/{recurring_run_id}:enable', {
      params: { path: { recurring_run_id } },
      signal: options.signal,
    }),
  );
}

/** Pauses a recurring run: it starts no runs until enabled again. */
export async function disableRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.POST('/apis/v2beta1/recurringruns/{recurring_run_id}:disable', {
      params: { path: { recurring_run_id } },
      signal: options.signal,
    }),
  );
}

/** Deletes a recurring run; the runs it already started stay. */
export async function deleteRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  unwrap(
    await client.DELETE('/apis/v2beta1/recurringruns/{recurring_run_id}', {
      params: { path: { recurring_run_id } },
      signal: options.signal,
    }),
  );
}

/** The recurring run with this id (kfp.Client's `get_recurring_run`). */
export async function getRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<RecurringRun> {
  const recurring_run_id = requireText('recurringRunId', recurringRunId, "'a7c2…'");
  return unwrap(
    await client.GET('/apis/v2beta1/recurringruns/{recurring_run_id}', {
      params: { path: { recurring_run_id } },
      signal: options.signal,
    }),
  );
}
