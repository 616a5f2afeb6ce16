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
import type { KfpV1Client } from '../client.js';
import type { Experiment } from '../schemas.js';
import { encodeFilter, kfpFilter } from './filter.js';
import { namespaceOwner, namespaceQuery } from './resource-references.js';

const EXPERIMENT_ID: KfpIdOption = { option: 'experimentId', example: "'3f1c…'" };

/**
 * The experiment with this name in the namespace (the client's when none is given), or undefined;
 * `KFP_AMBIGUOUS_NAME` if there are several.
 */
export async function findExperimentByName(
  client: KfpV1Client,
  options: ExperimentByNameOptions,
): Promise<Experiment | undefined> {
  const namespace = await namespaceFor(client, options.namespace);
  return findExperimentNamed({ ...options, namespace }, 'experiment id', async (name, namespace) => {
    const { experiments = [] } = unwrap(
      await client.GET('/apis/v1beta1/experiments', {
        params: {
          query: {
            ...namespaceQuery(namespace),
            filter: encodeFilter(kfpFilter('experiments').equals('name', name)),
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
 * The experiment with this name, created if it does not exist yet (kfp.Client's
 * `create_experiment`). A concurrent creator winning the race (HTTP 409) is
 * handled by reading the experiment it created.
 */
export async function getOrCreateExperiment(
  client: KfpV1Client,
  options: GetOrCreateExperimentOptions,
): Promise<Experiment> {
  const given = await namespaceFor(client, options.namespace);
  return findOrCreate(
    () => findExperimentByName(client, { ...options, namespace: given }),
    () => {
      const namespace = given?.trim();
      return client.POST('/apis/v1beta1/experiments', {
        body: {
          name: options.name.trim(),
          description: options.description,
          resource_references: namespace ? [namespaceOwner(namespace)] : undefined,
        },
        signal: options.signal,
      });
    },
  );
}

/** Archives an experiment (and, server-side, its runs and jobs). */
export async function archiveExperiment(
  client: KfpV1Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'POST',
    '/apis/v1beta1/experiments/{id}:archive',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}

/** Restores an archived experiment (kfp.Client's `unarchive_experiment`). */
export async function unarchiveExperiment(
  client: KfpV1Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'POST',
    '/apis/v1beta1/experiments/{id}:unarchive',
    EXPERIMENT_ID,
    experimentId,
    options,
  );
}

/**
 * Deletes an experiment (kfp.Client's `delete_experiment`); the server refuses while it still owns
 * runs or recurring runs.
 */
export async function deleteExperiment(
  client: KfpV1Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'DELETE', '/apis/v1beta1/experiments/{id}', EXPERIMENT_ID, experimentId, options);
}

/** The experiment with this id (kfp.Client's `get_experiment(experiment_id=...)`). */
export async function getExperiment(
  client: KfpV1Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Experiment> {
  return callWithId(client, 'GET', '/apis/v1beta1/experiments/{id}', EXPERIMENT_ID, experimentId, options);
}
