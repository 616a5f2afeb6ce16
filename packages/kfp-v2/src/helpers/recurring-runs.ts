import { optionalText, requireText, unwrap } from '@ml-platform/core';
import {
  callWithId,
  type KfpIdOption,
  type RecurringRunScheduling,
  recurringRunLimits,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { RecurringRun } from '../schemas.js';
import { type PipelineToRun, pipelineFields, runtimeConfigOf } from './pipeline-reference.js';
import type { RunSettings } from './runs.js';
import { scheduleToTrigger } from './schedule.js';

const RECURRING_RUN_ID: KfpIdOption = { option: 'recurringRunId', example: "'a7c2…'" };

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
  await callWithId(
    client,
    'POST',
    '/apis/v2beta1/recurringruns/{recurring_run_id}:enable',
    RECURRING_RUN_ID,
    recurringRunId,
    options,
  );
}

/** Pauses a recurring run: it starts no runs until enabled again. */
export async function disableRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'POST',
    '/apis/v2beta1/recurringruns/{recurring_run_id}:disable',
    RECURRING_RUN_ID,
    recurringRunId,
    options,
  );
}

/** Deletes a recurring run; the runs it already started stay. */
export async function deleteRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'DELETE',
    '/apis/v2beta1/recurringruns/{recurring_run_id}',
    RECURRING_RUN_ID,
    recurringRunId,
    options,
  );
}

/** The recurring run with this id (kfp.Client's `get_recurring_run`). */
export async function getRecurringRun(
  client: KfpV2Client,
  recurringRunId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<RecurringRun> {
  return callWithId(
    client,
    'GET',
    '/apis/v2beta1/recurringruns/{recurring_run_id}',
    RECURRING_RUN_ID,
    recurringRunId,
    options,
  );
}
