import { invalidOption, isNotFound, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import { addressed, type ChangeOptions, changeQuery, namedPath } from './change-query.js';

export type { ChangeOptions } from './change-query.js';

export interface WriteOptions extends ChangeOptions {
  /** Where to write; defaults to the deployment's `metadata.namespace`. */
  namespace?: string;
}

/** Every SeldonDeployment in a namespace. */
export async function listSeldonDeployments(
  client: SeldonDeployClient,
  namespace: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonDeployment[]> {
  const list = unwrap(
    await client.GET('/namespaces/{namespace}/seldondeployments', {
      params: { path: { namespace: requireText('namespace', namespace, "'seldon'") } },
      signal: options.signal,
    }),
  );
  return list?.items ?? [];
}

/** The SeldonDeployment with this name in the namespace. */
export async function getSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonDeployment> {
  return unwrap(
    await client.GET('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: namedPath(namespace, name) },
      signal: options.signal,
    }),
  );
}

/** The deployment, or undefined when the API answers 404. */
export async function findSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonDeployment | undefined> {
  try {
    return await getSeldonDeployment(client, namespace, name, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Creates a SeldonDeployment; its namespace comes from `options.namespace` or `metadata.namespace`. */
export async function createSeldonDeployment(
  client: SeldonDeployClient,
  deployment: SeldonDeployment,
  options: WriteOptions = {},
): Promise<SeldonDeployment> {
  const { namespace, body } = addressed('deployment', deployment, options.namespace);
  return unwrap(
    await client.POST('/namespaces/{namespace}/seldondeployments', {
      params: { path: { namespace }, query: changeQuery(options) },
      body,
      signal: options.signal,
    }),
  );
}

/** Replaces a SeldonDeployment with `deployment` (send back what `get` returned, changed, to keep its resourceVersion). */
export async function updateSeldonDeployment(
  client: SeldonDeployClient,
  deployment: SeldonDeployment,
  options: WriteOptions = {},
): Promise<SeldonDeployment> {
  const { namespace, name, body } = addressed('deployment', deployment, options.namespace);
  return unwrap(
    await client.PUT('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: { namespace, name }, query: changeQuery(options) },
      body,
      signal: options.signal,
    }),
  );
}

/** Deletes the SeldonDeployment with this name in the namespace. */
export async function deleteSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: namedPath(namespace, name), query: changeQuery(options) },
      signal: options.signal,
    }),
  );
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
  options: { signal?: AbortSignal } = {},
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
