import { unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonModel } from '../schemas.js';
import { namedPath } from './change-query.js';
import { type WaitReadyOptions, waitForCoreV2Ready } from './core-v2-ready.js';
import { SeldonErrorCode, SeldonResourceWaitError } from './errors.js';
import { type ResourceWriteOptions, resourceHelpers } from './resource.js';

/** Options of the helpers that write a model. */
export type ModelWriteOptions = ResourceWriteOptions;

const models = resourceHelpers<SeldonModel>({
  noun: 'model',
  collection: '/namespaces/{namespace}/models',
  item: '/namespaces/{namespace}/models/{name}',
  goneError: (how, where, last, cause, options) =>
    new SeldonResourceWaitError(
      how === 'timeout' ? SeldonErrorCode.waitTimeout : SeldonErrorCode.waitAborted,
      how === 'timeout'
        ? `Model ${where.namespace}/${where.name} was still there after timeoutMs (${options.timeoutMs} ms).`
        : `Waiting for Model ${where.namespace}/${where.name} to be deleted was cancelled.`,
      { kind: 'Model', ...where, last, cause },
    ),
});

/** The Seldon Core v2 Model (`GET .../models/{name}`). */
export const getSeldonModel = models.get;
/** The model, or undefined when the API answers 404. */
export const findSeldonModel = models.find;
/** Creates a Seldon Core v2 Model from its manifest (`apiVersion: mlops.seldon.io/v1alpha1`, `kind: Model`). */
export const createSeldonModel = models.create;
/** Replaces a Seldon Core v2 Model (send back what `get` returned, changed, to keep its resourceVersion). */
export const updateSeldonModel = models.update;
/** Deletes a Seldon Core v2 Model. */
export const deleteSeldonModel = models.remove;
/** Deletes a Seldon Core v2 Model and waits until the API no longer finds it. Already gone is not an error. */
export const deleteSeldonModelAndWait = models.removeAndWait;

/**
 * The models of a Seldon Core v2 pipeline (the API lists models per
 * pipeline only; there is no namespace-wide list).
 */
export async function listSeldonPipelineModels(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SeldonModel[]> {
  const list = unwrap(
    await client.GET('/namespaces/{namespace}/pipelines/{name}/models', {
      params: { path: namedPath(namespace, pipeline) },
      signal: options.signal,
    }),
  );
  // The list's items carry the model's metadata nested, as every read does.
  return (list?.items ?? []) as SeldonModel[];
}

/**
 * Polls a Seldon Core v2 Model until its `Ready` condition is `True` for its
 * latest generation (loaded on a server). A `ModelFailed` or
 * `ScheduleFailed` condition ends the wait with `SELDON_RESOURCE_FAILED`.
 */
export async function waitForSeldonModelReady(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: WaitReadyOptions<SeldonModel> = {},
): Promise<SeldonModel> {
  return waitForCoreV2Ready(
    'Model',
    namespace,
    name,
    (ns, n, signal) => getSeldonModel(client, ns, n, { signal }),
    options,
  );
}
