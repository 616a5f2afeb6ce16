import { invalidOption, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import { namedPath } from './change-query.js';
import { SeldonErrorCode, SeldonWaitError } from './errors.js';
import { type ResourceWriteOptions, resourceHelpers } from './resource.js';

export type { ChangeOptions } from './change-query.js';

/** Options of the helpers that write a SeldonDeployment. */
export type WriteOptions = ResourceWriteOptions;

const deployments = resourceHelpers<SeldonDeployment>({
  noun: 'deployment',
  collection: '/namespaces/{namespace}/seldondeployments',
  item: '/namespaces/{namespace}/seldondeployments/{name}',
  goneError: (how, where, lastDeployment, cause, options) => {
    const label = `SeldonDeployment ${where.namespace}/${where.name}`;
    return how === 'timeout'
      ? new SeldonWaitError(
          SeldonErrorCode.waitTimeout,
          `${label} was still there after timeoutMs (${options.timeoutMs} ms); a finalizer may be stuck.`,
          { ...where, lastDeployment, cause },
        )
      : new SeldonWaitError(
          SeldonErrorCode.waitAborted,
          `Waiting for ${label} to be deleted was cancelled.`,
          {
            ...where,
            lastDeployment,
            cause,
          },
        );
  },
});

/** The SeldonDeployment (`GET .../seldondeployments/{name}`). */
export const getSeldonDeployment = deployments.get;
/** The deployment, or undefined when the API answers 404. */
export const findSeldonDeployment = deployments.find;
/** Creates a SeldonDeployment; its namespace comes from `options.namespace` or `metadata.namespace`. */
export const createSeldonDeployment = deployments.create;
/** Replaces a SeldonDeployment (send back what `get` returned, changed, to keep its resourceVersion). */
export const updateSeldonDeployment = deployments.update;
/** Deletes a SeldonDeployment. */
export const deleteSeldonDeployment = deployments.remove;
/**
 * Deletes a SeldonDeployment and waits until the API no longer finds it (its pods and services are
 * gone with it). Already gone is not an error.
 */
export const deleteSeldonDeploymentAndWait = deployments.removeAndWait;

/** Every SeldonDeployment in a namespace. */
export async function listSeldonDeployments(
  client: SeldonDeployClient,
  namespace: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SeldonDeployment[]> {
  const list = unwrap(
    await client.GET('/namespaces/{namespace}/seldondeployments', {
      params: { path: { namespace: requireText('namespace', namespace, "'seldon'") } },
      signal: options.signal,
    }),
  );
  return list?.items ?? [];
}

/**
 * Sends a prediction request through Seldon Deploy to the deployment and
 * returns its answer as parsed JSON. The payload is the model's protocol:
 * Seldon's `{ data: { ndarray: [...] } }` or the V2/KServe inference request.
 */
export async function predictSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  payload: unknown,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<unknown> {
  if (payload === undefined)
    throw invalidOption('payload is required, e.g. { data: { ndarray: [[5.1, 3.5, 1.4, 0.2]] } }.');
  return unwrap(
    await client.POST('/namespaces/{namespace}/seldondeployments/{name}/predict', {
      params: { path: namedPath(namespace, name) },
      body: payload,
      signal: options.signal,
    }),
  );
}
