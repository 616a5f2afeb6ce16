import { requireText, unwrap } from '@ml-platform/core';
import {
  type ExperimentByNameOptions,
  findExperimentNamed,
  findOrCreate,
  type GetOrCreateExperimentOptions,
  namespaceFor,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Experiment } from '../schemas.js';
import { encodeFilter, kfpFilter } from './filter.js';

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
  const experiment_id = requireText('experimentId', experimentId, "'3f1c…'");
  return unwrap(
    await client.GET('/apis/v2beta1/experiments/{experiment_id}', {
      params: { path: { experiment_id } },
      signal: options.signal,
    }),
  );
}

/** Archives an experiment (and, server-side, its runs and recurring runs). */
export async function archiveExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const experiment_id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(
    await client.POST('/apis/v2beta1/experiments/{experiment_id}:archive', {
      params: { path: { experiment_id } },
      signal: options.signal,
    }),
  );
}

/** Restores an archived experiment (kfp.Client's `unarchive_experiment`). */
export async function unarchiveExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const experiment_id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(
    await client.POST('/apis/v2beta1/experiments/{experiment_id}:unarchive', {
      params: { path: { experiment_id } },
      signal: options.signal,
    }),
  );
}

/** Deletes an experiment (kfp.Client's `delete_experiment`). */
export async function deleteExperiment(
  client: KfpV2Client,
  experimentId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const experiment_id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(
    await client.DELETE('/apis/v2beta1/experiments/{experiment_id}', {
      params: { path: { experiment_id } },
      signal: options.signal,
    }),
  );
}
