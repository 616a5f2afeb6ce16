import { unwrap } from '@ml-platform/core';
import {
  callWithId,
  type ExperimentByNameOptions,
  findExperimentNamed,
  findOrCreate,
  type GetOrCreateExperimentOptions,
  type KfpIdOption,
  namespaceFor,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Experiment } from '../schemas.js';
import { encodeFilter, kfpFilter } from './filter.js';

const EXPERIMENT_ID: KfpIdOption = { option: 'experimentId', example: "'3f1c…'" };

/**
 * The experiment with this name in the namespace (the client's when none is
 * given), or undefined. Throws `KFP_AMBIGUOUS_NAME` if the server reports more than one.
 */
export async function findExperimentByName(
  client: KfpV2Client,
  options: ExperimentByNameOptions,
): Promise<Experiment | undefined> {
  const namespace = await namespaceFor(client, options.namespace);
  return findExperimentNamed({ ...options, namespace }, 'experiment_id', async (name, namespace) => {
    const { experiments = [] } = unwrap(
      await client.GET('/apis/v2beta1/experiments', {
        params: {
          query: {
            namespace,
            filter: encodeFilter(kfpFilter('experiments').equals('display_name', name)),
            page_size: 2,
          },
        },
        signal: options.signal,
      }),
    );
    return experiments;
  });
}

/**
 * The experiment with this name, created if it does not exist yet (what
 * kfp.Client's `create_experiment` does). A concurrent creator winning the race
 * (HTTP 409) is handled by reading the experiment it created.
 */
export async function getOrCreateExperiment(
  client: KfpV2Client,
  options: GetOrCreateExperimentOptions,
): Promise<Experiment> {
  const namespace = await namespaceFor(client, options.namespace);
  return findOrCreate(
    () => findExperimentByName(client, { ...options, namespace }),
    () =>
      client.POST('/apis/v2beta1/experiments', {
        body: {
          display_name: options.name.trim(),
          description: options.description,
          namespace: namespace?.trim(),
        },
        signal: options.signal,
      }),
  );
}

/** The experiment with this id (kfp.Client's `get_experiment(experiment_id=...)`). */
export async function getExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Experiment> {
  return callWithId(
    client,
    'GET',
    '/apis/v2beta1/experiments/{experiment_id}',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}

/** Archives an experiment (and, server-side, its runs and recurring runs). */
export async function archiveExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'POST',
    '/apis/v2beta1/experiments/{experiment_id}:archive',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}

/** Restores an archived experiment (kfp.Client's `unarchive_experiment`). */
export async function unarchiveExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'POST',
    '/apis/v2beta1/experiments/{experiment_id}:unarchive',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}

/** Deletes an experiment (kfp.Client's `delete_experiment`). */
export async function deleteExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'DELETE',
    '/apis/v2beta1/experiments/{experiment_id}',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}
