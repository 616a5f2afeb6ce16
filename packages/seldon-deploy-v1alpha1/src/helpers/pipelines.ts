import { isNotFound, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { SeldonPipeline } from '../schemas.js';
import { addressed, type ChangeOptions, changeQuery, namedPath } from './change-query.js';
import { type WaitReadyOptions, waitForCoreV2Ready } from './core-v2-ready.js';
import { SeldonErrorCode, SeldonResourceWaitError } from './errors.js';
import { pollUntilGone, type WaitGoneOptions } from './wait-gone.js';

export interface PipelineWriteOptions extends ChangeOptions {
  /** Where to write; defaults to the pipeline's `metadata.namespace`. */
  namespace?: string;
}

// As for models (see models.ts): the spec flattens ObjectMeta into the body
// schema; the manifest with nested metadata is what is sent.
type PipelineBody = components['schemas']['Pipeline'];

/** Every Seldon Core v2 Pipeline in a namespace. */
export async function listSeldonPipelines(
  client: SeldonDeployClient,
  namespace: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonPipeline[]> {
  const list = unwrap(
    await client.GET('/namespaces/{namespace}/pipelines', {
      params: { path: { namespace: requireText('namespace', namespace, "'seldon'") } },
      signal: options.signal,
    }),
  );
  return (list?.items ?? []) as SeldonPipeline[];
}

/** The Seldon Core v2 Pipeline with this name in the namespace. */
export async function getSeldonPipeline(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonPipeline> {
  return unwrap(
    await client.GET('/namespaces/{namespace}/pipelines/{name}', {
      params: { path: namedPath(namespace, name) },
      signal: options.signal,
    }),
  );
}

/** The pipeline, or undefined when the API answers 404. */
export async function findSeldonPipeline(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonPipeline | undefined> {
  try {
    return await getSeldonPipeline(client, namespace, name, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Creates a Seldon Core v2 Pipeline from its manifest (`apiVersion: mlops.seldon.io/v1alpha1`, `kind: Pipeline`). */
export async function createSeldonPipeline(
  client: SeldonDeployClient,
  pipeline: SeldonPipeline,
  options: PipelineWriteOptions = {},
): Promise<SeldonPipeline> {
  const { namespace, body } = addressed('pipeline', pipeline, options.namespace);
  return unwrap(
    await client.POST('/namespaces/{namespace}/pipelines', {
      params: { path: { namespace }, query: changeQuery(options) },
      body: body as PipelineBody,
      signal: options.signal,
    }),
  );
}

/** Replaces a Seldon Core v2 Pipeline (send back what `get` returned, changed). */
export async function updateSeldonPipeline(
  client: SeldonDeployClient,
  pipeline: SeldonPipeline,
  options: PipelineWriteOptions = {},
): Promise<SeldonPipeline> {
  const { namespace, name, body } = addressed('pipeline', pipeline, options.namespace);
  return unwrap(
    await client.PUT('/namespaces/{namespace}/pipelines/{name}', {
      params: { path: { namespace, name }, query: changeQuery(options) },
      body: body as PipelineBody,
      signal: options.signal,
    }),
  );
}

/** Deletes the Seldon Core v2 Pipeline with this name in the namespace. */
export async function deleteSeldonPipeline(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/pipelines/{name}', {
      params: { path: namedPath(namespace, name), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
}

/**
 * Polls a Seldon Core v2 Pipeline until its `Ready` condition is `True` for
 * its latest generation (its steps' models ready and the pipeline running);
 * a `PipelineFailed` condition ends the wait with `SELDON_RESOURCE_FAILED`.
 */
export async function waitForSeldonPipelineReady(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: WaitReadyOptions<SeldonPipeline> = {},
): Promise<SeldonPipeline> {
  return waitForCoreV2Ready(
    'Pipeline',
    namespace,
    name,
    (ns, n, signal) => getSeldonPipeline(client, ns, n, { signal }),
    options,
  );
}

/** Deletes a Seldon Core v2 Pipeline and waits until the API no longer finds it. Already gone is not an error. */
export async function deleteSeldonPipelineAndWait(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: WaitGoneOptions & ChangeOptions = {},
): Promise<void> {
  const where = namedPath(namespace, name);
  try {
    await deleteSeldonPipeline(client, where.namespace, where.name, options);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await pollUntilGone(
    (signal) => getSeldonPipeline(client, where.namespace, where.name, { signal }),
    options,
    (how, last, cause) =>
      new SeldonResourceWaitError(
        how === 'timeout' ? SeldonErrorCode.waitTimeout : SeldonErrorCode.waitAborted,
        how === 'timeout'
          ? `Pipeline ${where.namespace}/${where.name} was still there after timeoutMs (${options.timeoutMs} ms).`
          : `Waiting for Pipeline ${where.namespace}/${where.name} to be deleted was cancelled.`,
        { kind: 'Pipeline', ...where, last, cause },
      ),
  );
}
