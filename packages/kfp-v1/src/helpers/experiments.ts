import { unwrap } from '@ml-platform/core';
import type { KfpV1Client } from '../client.js';
import type { Experiment } from '../schemas.js';
import { KfpError, KfpErrorCode } from './errors.js';
import { encodeFilter, kfpFilter } from './filter.js';
import { namespaceOwner, namespaceQuery } from './resource-references.js';
import { optionalText, requireText } from './validate.js';

export interface ExperimentByNameOptions {
  /** The experiment's name (unique within its namespace). */
  name: string;
  /** The profile namespace; leave out on single-user deployments. */
  namespace?: string;
  signal?: AbortSignal;
}

export interface GetOrCreateExperimentOptions extends ExperimentByNameOptions {
  /** Used only when the experiment is created. */
  description?: string;
}

/** The experiment with this name in the namespace, or undefined; `KFP_AMBIGUOUS_NAME` if there are several. */
export async function findExperimentByName(
  client: KfpV1Client,
  options: ExperimentByNameOptions,
): Promise<Experiment | undefined> {
  const name = requireText('name', options.name, "'nightly-training'");
  const namespace = optionalText('namespace', options.namespace, "'team-a'");
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
  if (experiments.length > 1) {
    throw new KfpError(
      KfpErrorCode.ambiguousName,
      `More than one experiment is named '${name}'${namespace ? ` in namespace '${namespace}'` : ''}; ` +
        'pass the experiment id instead, or give the namespace.',
    );
  }
  return experiments[0];
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
  const existing = await findExperimentByName(client, options);
  if (existing) return existing;
  const namespace = options.namespace?.trim();
  const { data, error, response } = await client.POST('/apis/v1beta1/experiments', {
    body: {
      name: options.name.trim(),
      description: options.description,
      resource_references: namespace ? [namespaceOwner(namespace)] : undefined,
    },
    signal: options.signal,
  });
  if (response.status === 409) {
    const winner = await findExperimentByName(client, options);
    if (winner) return winner;
  }
  return unwrap({ data, error, response });
}

export async function archiveExperiment(client: KfpV1Client, experimentId: string): Promise<void> {
  const id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(await client.POST('/apis/v1beta1/experiments/{id}:archive', { params: { path: { id } } }));
}

export async function unarchiveExperiment(client: KfpV1Client, experimentId: string): Promise<void> {
  const id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(await client.POST('/apis/v1beta1/experiments/{id}:unarchive', { params: { path: { id } } }));
}

export async function deleteExperiment(client: KfpV1Client, experimentId: string): Promise<void> {
  const id = requireText('experimentId', experimentId, "'3f1c…'");
  unwrap(await client.DELETE('/apis/v1beta1/experiments/{id}', { params: { path: { id } } }));
}
