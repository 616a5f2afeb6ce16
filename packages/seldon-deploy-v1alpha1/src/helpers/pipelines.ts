import { requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonPipeline } from '../schemas.js';
import { type WaitReadyOptions, waitForCoreV2Ready } from './core-v2-ready.js';
import { SeldonErrorCode, SeldonResourceWaitError } from './errors.js';
import { type ResourceWriteOptions, resourceHelpers } from './resource.js';

/** Options of the helpers that write a pipeline. */
export type PipelineWriteOptions = ResourceWriteOptions;

const pipelines = resourceHelpers<SeldonPipeline>({
  noun: 'pipeline',
  collection: '/namespaces/{namespace}/pipelines',
  item: '/namespaces/{namespace}/pipelines/{name}',
  goneError: (how, where, last, cause, options) =>
    new SeldonResourceWaitError(
      how === 'timeout' ? SeldonErrorCode.waitTimeout : SeldonErrorCode.waitAborted,
      how === 'timeout'
        ? `Pipeline ${where.namespace}/${where.name} was still there after timeoutMs (${options.timeoutMs} ms).`
        : `Waiting for Pipeline ${where.namespace}/${where.name} to be deleted was cancelled.`,
      { kind: 'Pipeline', ...where, last, cause },
    ),
});

/** The Seldon Core v2 Pipeline (`GET .../pipelines/{name}`). */
export const getSeldonPipeline = pipelines.get;
/** The pipeline, or undefined when the API answers 404. */
export const findSeldonPipeline = pipelines.find;
/** Creates a Seldon Core v2 Pipeline from its manifest (`apiVersion: mlops.seldon.io/v1alpha1`, `kind: Pipeline`). */
export const createSeldonPipeline = pipelines.create;
/** Replaces a Seldon Core v2 Pipeline (send back what `get` returned, changed, to keep its resourceVersion). */
export const updateSeldonPipeline = pipelines.update;
/** Deletes a Seldon Core v2 Pipeline. */
export const deleteSeldonPipeline = pipelines.remove;
/** Deletes a Seldon Core v2 Pipeline and waits until the API no longer finds it. Already gone is not an error. */
export const deleteSeldonPipelineAndWait = pipelines.removeAndWait;

/** Every Seldon Core v2 Pipeline in a namespace. */
export async function listSeldonPipelines(
  client: SeldonDeployClient,
  namespace: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SeldonPipeline[]> {
  const list = unwrap(
    await client.GET('/namespaces/{namespace}/pipelines', {
      params: { path: { namespace: requireText('namespace', namespace, "'seldon'") } },
      signal: options.signal,
    }),
  );
  return (list?.items ?? []) as SeldonPipeline[];
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
