// One typed helper for every namespaced resource the Seldon Deploy API reads and writes the
// Kubernetes way (SeldonDeployments, Seldon Core v2 Models and Pipelines): get, find, create,
// update, delete and delete-and-wait, instead of a copy per kind. Shaped after kubernetes-client's
// KubernetesObjectApi (src/object.ts): one generic over the object type, addressed by a small
// table of paths per kind.
import { isNotFound, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import { addressed, type ChangeOptions, changeQuery, namedPath } from './change-query.js';
import { pollUntilGone, type WaitGoneOptions } from './wait-gone.js';

/** Options of the helpers that write a resource. */
export interface ResourceWriteOptions extends ChangeOptions {
  /** Where to write; defaults to the resource's `metadata.namespace`. */
  namespace?: string | undefined;
}

/** How one kind of resource is addressed, and what a delete that does not finish throws. */
export interface ResourceKind<T> {
  /** Its name in option errors: `deployment.metadata.name must be ...`. */
  noun: string;
  /** The collection's path template (`POST` creates here). */
  collection: string;
  /** The item's path template (`GET`, `PUT`, `DELETE`). */
  item: string;
  /** The error for a delete-and-wait that timed out or was cancelled. */
  goneError: (
    how: 'timeout' | 'aborted',
    where: { namespace: string; name: string },
    last: T | undefined,
    cause: unknown,
    options: WaitGoneOptions,
  ) => Error;
}

type Init = {
  params: { path: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal | undefined;
};
type Call = (path: string, init: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

// The spec's request bodies (`Model`, `Pipeline`) flatten Kubernetes' ObjectMeta into the top
// level, an artefact of its generator; the server reads the manifest a user applies with kubectl
// (metadata nested), which is what the responses show and what is sent here.
// The paths come from the kind's table, so the calls are not checked against the spec's `paths`
// at compile time; every kind's requests are checked against the spec by Prism in the tests.
const untyped = (client: SeldonDeployClient) =>
  client as unknown as { GET: Call; POST: Call; PUT: Call; DELETE: Call };

/** The six helpers of one resource kind. */
export function resourceHelpers<
  T extends { metadata?: { name?: string | undefined; namespace?: string | undefined } },
>(kind: ResourceKind<T>) {
  async function get(
    client: SeldonDeployClient,
    namespace: string,
    name: string,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    const init = { params: { path: namedPath(namespace, name) }, signal: options.signal };
    return unwrap(await untyped(client).GET(kind.item, init)) as T;
  }

  async function find(
    client: SeldonDeployClient,
    namespace: string,
    name: string,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<T | undefined> {
    try {
      return await get(client, namespace, name, options);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function create(
    client: SeldonDeployClient,
    resource: T,
    options: ResourceWriteOptions = {},
  ): Promise<T> {
    const { namespace, body } = addressed(kind.noun, resource, options.namespace);
    const init = {
      params: { path: { namespace }, query: changeQuery(options) },
      body,
      signal: options.signal,
    };
    return unwrap(await untyped(client).POST(kind.collection, init)) as T;
  }

  async function update(
    client: SeldonDeployClient,
    resource: T,
    options: ResourceWriteOptions = {},
  ): Promise<T> {
    const { namespace, name, body } = addressed(kind.noun, resource, options.namespace);
    const init = {
      params: { path: { namespace, name }, query: changeQuery(options) },
      body,
      signal: options.signal,
    };
    return unwrap(await untyped(client).PUT(kind.item, init)) as T;
  }

  async function remove(
    client: SeldonDeployClient,
    namespace: string,
    name: string,
    options: ChangeOptions = {},
  ): Promise<void> {
    const init = {
      params: { path: namedPath(namespace, name), query: changeQuery(options) },
      signal: options.signal,
    };
    unwrap(await untyped(client).DELETE(kind.item, init));
  }

  /** Deletes, then polls until the API no longer finds it. Already gone is not an error. */
  async function removeAndWait(
    client: SeldonDeployClient,
    namespace: string,
    name: string,
    options: WaitGoneOptions & ChangeOptions = {},
  ): Promise<void> {
    const where = namedPath(namespace, name);
    try {
      await remove(client, where.namespace, where.name, options);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    await pollUntilGone(
      (signal) => get(client, where.namespace, where.name, { signal }),
      options,
      (how, last, cause) => kind.goneError(how, where, last, cause, options),
    );
  }

  return { get, find, create, update, remove, removeAndWait };
}
