import { requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components, operations } from '../generated/schema.js';
import { followPageTokens, type TokenPagingOptions } from './page-tokens.js';

type Schemas = components['schemas'];
/** An entry of Seldon Deploy's model catalog (the Metadata service's `v1Model`). */
export type ModelMetadata = Schemas['v1Model'];
/**
 * A catalog entry to register or update. `version` is optional: the service
 * defaults it to `v0.0.1` (the generated type marks fields with a default
 * as always present, which holds for answers, not for what is sent).
 */
export type ModelMetadataInput = Omit<ModelMetadata, 'version'> & { version?: string | undefined };
/** Where a model runs: one deployment (or Core v2 model) serving it, with the catalog entry. */
export type RuntimeMetadata = Schemas['v1RuntimeMetadata'];

/** Filters of the catalog list: every field given must match. */
export type ModelMetadataFilter = Omit<
  NonNullable<operations['ModelMetadataService_ListModelMetadata']['parameters']['query']>,
  'pageSize' | 'pageToken'
>;

/** Filters of the runtime list (which deployments serve which model). */
export type RuntimeMetadataFilter = Omit<
  NonNullable<operations['ModelMetadataService_ListRuntimeMetadataForModel']['parameters']['query']>,
  'pageSize' | 'pageToken'
>;

/**
 * Every catalog entry matching `filter` (name, version, URI, artifactType,
 * tags through `query`, ...), following `nextPageToken` page by page.
 */
export function listModelMetadata(
  client: SeldonDeployClient,
  filter: ModelMetadataFilter = {},
  options: TokenPagingOptions = {},
): AsyncGenerator<ModelMetadata, void, undefined> {
  return followPageTokens('GET /model/metadata', options, async (pageToken, pageSize) => {
    // The spec also lists a 204 with no schema, which widens the answer's type: a 204 has no body.
    const page = unwrap(
      await client.GET('/model/metadata', {
        params: { query: { ...filter, pageToken, pageSize } },
        signal: options.signal,
      }),
    ) as Schemas['v1ModelMetadataListResponse'] | undefined;
    return { items: page?.models, nextPageToken: page?.nextPageToken };
  });
}

/** The catalog entry of the model stored at `uri` (in `project`, when given), or undefined. */
export async function findModelMetadata(
  client: SeldonDeployClient,
  uri: string,
  options: { project?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<ModelMetadata | undefined> {
  const URI = requireText('uri', uri, "'gs://seldon-models/sklearn/iris'");
  for await (const model of listModelMetadata(
    client,
    { URI, project: options.project },
    { signal: options.signal },
  )) {
    if (model.URI === URI) return model;
  }
  return undefined;
}

/**
 * Registers a model in the catalog: its storage `URI` (required, the key),
 * name, version, artifact type, tags and metrics. A URI already registered
 * is refused by the API (use updateModelMetadata).
 */
export async function registerModelMetadata(
  client: SeldonDeployClient,
  model: ModelMetadataInput,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  requireText('model.URI', model?.URI, "'gs://seldon-models/sklearn/iris'");
  unwrap(await client.POST('/model/metadata', { body: model as ModelMetadata, signal: options.signal }));
}

/** Replaces the catalog entry whose `URI` is `model.URI`. */
export async function updateModelMetadata(
  client: SeldonDeployClient,
  model: ModelMetadataInput,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  requireText('model.URI', model?.URI, "'gs://seldon-models/sklearn/iris'");
  unwrap(await client.PUT('/model/metadata', { body: model as ModelMetadata, signal: options.signal }));
}

/** Removes the catalog entry of the model stored at `uri`. */
export async function deleteModelMetadata(
  client: SeldonDeployClient,
  uri: string,
  options: { project?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const URI = requireText('uri', uri, "'gs://seldon-models/sklearn/iris'");
  unwrap(
    await client.DELETE('/model/metadata', {
      params: { query: { URI, project: options.project } },
      signal: options.signal,
    }),
  );
}

/** Where models run, matching `filter` (ModelURI, DeploymentName, DeploymentNamespace, ...), page by page. */
export function listRuntimeMetadata(
  client: SeldonDeployClient,
  filter: RuntimeMetadataFilter = {},
  options: TokenPagingOptions = {},
): AsyncGenerator<RuntimeMetadata, void, undefined> {
  return followPageTokens('GET /model/metadata/runtime', options, async (pageToken, pageSize) => {
    const page = unwrap(
      await client.GET('/model/metadata/runtime', {
        params: { query: { ...filter, pageToken, pageSize } },
        signal: options.signal,
      }),
    ) as Schemas['v1RuntimeMetadataListResponse'] | undefined;
    return { items: page?.runtimeMetadata, nextPageToken: page?.nextPageToken };
  });
}

/**
 * The models a deployment serves, with their catalog metadata: one entry
 * per predictor node (`predictorName`, `nodeName`, `traffic`, `shadow`,
 * `explainer`), each with its `model`.
 */
export async function deployedModelMetadata(
  client: SeldonDeployClient,
  namespace: string,
  deploymentName: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<RuntimeMetadata[]> {
  const filter = {
    DeploymentNamespace: requireText('namespace', namespace, "'seldon'"),
    DeploymentName: requireText('deploymentName', deploymentName, "'iris'"),
  };
  const found: RuntimeMetadata[] = [];
  for await (const entry of listRuntimeMetadata(client, filter, options)) found.push(entry);
  return found;
}
