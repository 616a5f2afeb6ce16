import { invalidOption, isNotFound, optionalText, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';

/**
 * Seldon Deploy records every change in the namespace's GitOps repository
 * when one is configured; `action` and `message` become that commit's
 * description. Ignored otherwise.
 */
export interface ChangeOptions {
  action?: string;
  message?: string;
  signal?: AbortSignal;
}

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

export async function getSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SeldonDeployment> {
  return unwrap(
    await client.GET('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: pathOf(namespace, name) },
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
  const { namespace, body } = addressed(deployment, options.namespace);
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
  const { namespace, name, body } = addressed(deployment, options.namespace);
  return unwrap(
    await client.PUT('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: { namespace, name }, query: changeQuery(options) },
      body,
      signal: options.signal,
    }),
  );
}

export async function deleteSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: ChangeOptions = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/namespaces/{namespace}/seldondeployments/{name}', {
      params: { path: pathOf(namespace, name), query: changeQuery(options) },
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
      params: { path: pathOf(namespace, name) },
      body: payload,
      signal: options.signal,
    }),
  );
}

function pathOf(namespace: string, name: string): { namespace: string; name: string } {
  return {
    namespace: requireText('namespace', namespace, "'seldon'"),
    name: requireText('name', name, "'iris-model'"),
  };
}

function changeQuery(options: ChangeOptions): { action?: string; message?: string } | undefined {
  if (options.action === undefined && options.message === undefined) return undefined;
  return {
    action: optionalText('action', options.action, "'create'"),
    message: optionalText('message', options.message, "'roll out iris v2'"),
  };
}

/** The namespace and name a deployment is written to, and the body with `metadata.namespace` filled in. */
function addressed(
  deployment: SeldonDeployment,
  namespaceOption: string | undefined,
): { namespace: string; name: string; body: SeldonDeployment } {
  if (!deployment || typeof deployment !== 'object') {
    throw invalidOption('deployment must be a SeldonDeployment object with metadata.name and a spec.');
  }
  const name = requireText('deployment.metadata.name', deployment.metadata?.name, "'iris-model'");
  const fromBody = deployment.metadata?.namespace;
  const namespace = requireText(
    'namespace (option or deployment.metadata.namespace)',
    namespaceOption ?? fromBody,
    "'seldon'",
  );
  if (fromBody !== undefined && fromBody !== namespace) {
    throw invalidOption(
      `namespace '${namespace}' differs from deployment.metadata.namespace '${fromBody}'; give one, or make them agree.`,
    );
  }
  return { namespace, name, body: { ...deployment, metadata: { ...deployment.metadata, namespace } } };
}
