import { invalidOption, isNotFound, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonExperiment } from '../schemas.js';
import { type ChangeOptions, changeQuery, namedPath } from './change-query.js';

// Seldon Deploy runs canaries and shadows of Seldon Core v2 pipelines as a
// Core v2 Experiment on the pipeline (`/pipelines/{name}/experiment/...`).
// For SeldonDeployments (Core v1) the API has no such endpoints: a canary
// there is a second predictor with a `traffic` share, written with
// updateSeldonDeployment.

/** The experiment (canary or shadow) running on a pipeline, or undefined when there is none (404). */
export async function findSeldonPipelineExperiment(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonExperiment | undefined> {
  try {
    return unwrap(
      await client.GET('/namespaces/{namespace}/pipelines/{name}/experiment', {
        params: { path: namedPath(namespace, pipeline) },
        signal: options.signal,
      }),
    );
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export interface CanaryOptions extends ChangeOptions {
  /** Share of the traffic the canary receives, an integer from 0 to 100. */
  weight: number;
}

/** Starts a canary of a pipeline, sending it `weight` percent of the traffic. */
export async function addSeldonPipelineCanary(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: CanaryOptions,
): Promise<void> {
  const weight = options?.weight;
  if (!(Number.isInteger(weight) && weight >= 0 && weight <= 100)) {
    throw invalidOption(
      `weight must be an integer from 0 to 100 (percent of traffic), got ${String(weight)}.`,
    );
  }
  unwrap(
    await client.POST('/namespaces/{namespace}/pipelines/{name}/experiment/canary', {
      params: { path: namedPath(namespace, pipeline), query: { ...changeQuery(options), weight } },
      signal: options.signal,
    }),
  );
}

/** Makes the canary the pipeline and ends the experiment. */
export async function promoteSeldonPipelineCanary(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.PUT('/namespaces/{namespace}/pipelines/{name}/experiment/canary', {
      params: { path: namedPath(namespace, pipeline), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}

/** Ends the canary, sending all traffic to the pipeline again. */
export async function removeSeldonPipelineCanary(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/pipelines/{name}/experiment/canary', {
      params: { path: namedPath(namespace, pipeline), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}

/** Starts a shadow of a pipeline: it receives a copy of the traffic, and its answers are discarded. */
export async function addSeldonPipelineShadow(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.POST('/namespaces/{namespace}/pipelines/{name}/experiment/shadow', {
      params: { path: namedPath(namespace, pipeline), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}

/** Makes the shadow the pipeline and ends the experiment. */
export async function promoteSeldonPipelineShadow(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.PUT('/namespaces/{namespace}/pipelines/{name}/experiment/shadow', {
      params: { path: namedPath(namespace, pipeline), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}

/** Ends the shadow. */
export async function removeSeldonPipelineShadow(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/pipelines/{name}/experiment/shadow', {
      params: { path: namedPath(namespace, pipeline), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}
