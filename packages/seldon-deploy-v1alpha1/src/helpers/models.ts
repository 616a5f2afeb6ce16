import { isNotFound, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { SeldonModel } from '../schemas.js';
import { addressed, type ChangeOptions, changeQuery, namedPath } from './change-query.js';
import { type WaitReadyOptions, waitForCoreV2Ready } from './core-v2-ready.js';
import { SeldonErrorCode, SeldonResourceWaitError } from './errors.js';
import { pollUntilGone, type WaitGoneOptions } from './wait-gone.js';

export interface ModelWriteOptions extends ChangeOptions {
  /** Where to write; defaults to the model's `metadata.namespace`. */
  namespace?: string;
}

// The spec's request body (`Model`) flattens Kubernetes' ObjectMeta into the
// top level, an artefact of its generator; the server reads the manifest a
// user applies with kubectl (metadata nested), which is what the responses
// (`SeldonModel`) show and what is sent here. The body schema allows it.
type ModelBody = components['schemas']['Model'];

/** A Seldon Core v2 Model, or undefined when the API answers 404. */
export async function findSeldonModel(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonModel | undefined> {
  try {
    return await getSeldonModel(client, namespace, name, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The Seldon Core v2 Model with this name in the namespace. */
export async function getSeldonModel(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonModel> {
  return unwrap(
    await client.GET('/namespaces/{namespace}/models/{name}', {
      params: { path: namedPath(namespace, name) },
      signal: options.signal,
    }),
  );
}

/**
 * The models of a Seldon Core v2 pipeline (the API lists models per
 * pipeline only; there is no namespace-wide list).
 */
export async function listSeldonPipelineModels(
  client: SeldonDeployClient,
  namespace: string,
  pipeline: string,
  options: { signal?: AbortSignal } = {},
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

/** Creates a Seldon Core v2 Model from its manifest (`apiVersion: mlops.seldon.io/v1alpha1`, `kind: Model`). */
export async function createSeldonModel(
  client: SeldonDeployClient,
  model: SeldonModel,
  options: ModelWriteOptions = {},
): Promise<SeldonModel> {
  const { namespace, body } = addressed('model', model, options.namespace);
  return unwrap(
    await client.POST('/namespaces/{namespace}/models', {
      params: { path: { namespace }, query: changeQuery(options) },
      body: body as ModelBody,
      signal: options.signal,
    }),
  );
}

/** Replaces a Seldon Core v2 Model (send back what `get` returned, changed, to keep its resourceVersion). */
export async function updateSeldonModel(
  client: SeldonDeployClient,
  model: SeldonModel,
  options: ModelWriteOptions = {},
): Promise<SeldonModel> {
  const { namespace, name, body } = addressed('model', model, options.namespace);
  return unwrap(
    await client.PUT('/namespaces/{namespace}/models/{name}', {
      params: { path: { namespace, name }, query: changeQuery(options) },
      body: body as ModelBody,
      signal: options.signal,
    }),
  );
}

/** Deletes the Seldon Core v2 Model with this name in the namespace. */
export async function deleteSeldonModel(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/models/{name}', {
      params: { path: namedPath(namespace, name), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
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

/** Deletes a Seldon Core v2 Model and waits until the API no longer finds it. Already gone is not an error. */
export async function deleteSeldonModelAndWait(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: WaitGoneOptions & ChangeOptions = {},
): Promise<void> {
  const where = namedPath(namespace, name);
  try {
    await deleteSeldonModel(client, where.namespace, where.name, options);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await pollUntilGone(
    (signal) => getSeldonModel(client, where.namespace, where.name, { signal }),
    options,
    (how, last, cause) =>
      new SeldonResourceWaitError(
        how === 'timeout' ? SeldonErrorCode.waitTimeout : SeldonErrorCode.waitAborted,
        how === 'timeout'
          ? `Model ${where.namespace}/${where.name} was still there after timeoutMs (${options.timeoutMs} ms).`
          : `Waiting for Model ${where.namespace}/${where.name} to be deleted was cancelled.`,
        { kind: 'Model', ...where, last, cause },
      ),
  );
}
