import { invalidOption, optionalText, requireText, unwrap, unwrapFound } from '@ml-platform/core';
import {
  callWithId,
  checkByNameOptions,
  type KfpIdOption,
  namespaceFor,
  newPipelineUpload,
  type PipelineByNameOptions,
  type PipelineChoice,
  type PipelinePackageSource,
  pipelineVersionUpload,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Pipeline, PipelineVersion } from '../schemas.js';

const PIPELINE_ID: KfpIdOption = { option: 'pipelineId', example: "'9b2f…'" };

/** The options of `uploadPipeline`. */
export interface UploadPipelineOptions {
  /** The compiled pipeline: `{ path }`, `{ text }` or a Blob/File. */
  source: PipelinePackageSource;
  /**
   * Unique name in the namespace. Default: the package's `pipelineInfo.name`
   * (KFP's own default, the file name, collides on the second `pipeline.yaml`).
   */
  name?: string | undefined;
  /** Name shown in the UI; defaults to `name` server-side. */
  displayName?: string | undefined;
  description?: string | undefined;
  /**
   * Profile namespace of a namespaced pipeline; default: the client's namespace. Leave both out for a
   * shared pipeline or on single-user deployments.
   */
  namespace?: string | undefined;
  /** Key/value tags (63 characters at most each). */
  tags?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

/** Uploads a compiled pipeline as a new pipeline (with its first version), like kfp.Client's `upload_pipeline`. */
export async function uploadPipeline(client: KfpV2Client, options: UploadPipelineOptions): Promise<Pipeline> {
  const { uploadfile, name, namespace } = await newPipelineUpload(client, options);
  return unwrap(
    await client.POST('/apis/v2beta1/pipelines/upload', {
      params: {
        query: {
          name,
          display_name: optionalText('displayName', options.displayName, "'Fraud detection'"),
          description: options.description,
          namespace: optionalText('namespace', namespace, "'team-a'"),
          tags: tagsParam(options.tags),
        },
      },
      body: { uploadfile },
      signal: options.signal,
    }),
  );
}

/**
 * The options of `uploadPipelineVersion`: the package, the pipeline (by id or by name) and the
 * version's name and description.
 */
export type UploadPipelineVersionOptions = {
  source: PipelinePackageSource;
  /** Unique within the pipeline. KFP falls back to the file name when left out. */
  name?: string | undefined;
  displayName?: string | undefined;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
} & PipelineChoice;

/** Uploads a compiled pipeline as a new version of an existing pipeline, given its id or its name. */
export async function uploadPipelineVersion(
  client: KfpV2Client,
  options: UploadPipelineVersionOptions,
): Promise<PipelineVersion> {
  const { pipelineid, uploadfile } = await pipelineVersionUpload(
    options,
    async (lookup) => (await findPipelineByName(client, lookup))?.pipeline_id,
  );
  return unwrap(
    await client.POST('/apis/v2beta1/pipelines/upload_version', {
      params: {
        query: {
          pipelineid,
          name: optionalText('name', options.name, "'v2'"),
          display_name: optionalText('displayName', options.displayName, "'v2 (larger model)'"),
          description: options.description,
          tags: tagsParam(options.tags),
        },
      },
      body: { uploadfile },
      signal: options.signal,
    }),
  );
}

/** The pipeline with this name (in the namespace given, else the client's), or undefined. */
export async function findPipelineByName(
  client: KfpV2Client,
  options: PipelineByNameOptions,
): Promise<Pipeline | undefined> {
  const { name } = checkByNameOptions('findPipelineByName', options);
  const namespace = await namespaceFor(client, options.namespace);
  const result = await client.GET('/apis/v2beta1/pipelines/names/{name}', {
    params: {
      path: { name: requireText('name', name, "'fraud-detection'") },
      query: { namespace: optionalText('namespace', namespace, "'team-a'") },
    },
    signal: options.signal,
  });
  return unwrapFound(result);
}

/** The newest version of a pipeline, or undefined if it has none. */
export async function latestPipelineVersion(
  client: KfpV2Client,
  pipelineId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<PipelineVersion | undefined> {
  const { pipeline_versions = [] } = unwrap(
    await client.GET('/apis/v2beta1/pipelines/{pipeline_id}/versions', {
      params: {
        path: { pipeline_id: requireText('pipelineId', pipelineId, "'9b2f…'") },
        query: { sort_by: 'created_at desc', page_size: 1 },
      },
      signal: options.signal,
    }),
  );
  return pipeline_versions[0];
}

/** The pipeline with this id (kfp.Client's `get_pipeline`). */
export async function getPipeline(
  client: KfpV2Client,
  pipelineId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Pipeline> {
  return callWithId(client, 'GET', '/apis/v2beta1/pipelines/{pipeline_id}', PIPELINE_ID, pipelineId, options);
}

/**
 * Deletes a pipeline. The server refuses a pipeline that still has versions
 * unless `cascade` is true, which deletes its versions too.
 */
export async function deletePipeline(
  client: KfpV2Client,
  pipelineId: string,
  options: { cascade?: boolean | undefined; signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const pipeline_id = requireText('pipelineId', pipelineId, "'9b2f…'");
  if (options.cascade !== undefined && typeof options.cascade !== 'boolean')
    throw invalidOption('cascade must be true or false.');
  unwrap(
    await client.DELETE('/apis/v2beta1/pipelines/{pipeline_id}', {
      params: { path: { pipeline_id }, query: { cascade: options.cascade } },
      signal: options.signal,
    }),
  );
}

/** One version of a pipeline (kfp.Client's `get_pipeline_version`). */
export async function getPipelineVersion(
  client: KfpV2Client,
  pipelineId: string,
  pipelineVersionId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<PipelineVersion> {
  return unwrap(
    await client.GET('/apis/v2beta1/pipelines/{pipeline_id}/versions/{pipeline_version_id}', {
      params: { path: versionPath(pipelineId, pipelineVersionId) },
      signal: options.signal,
    }),
  );
}

/** Deletes one version of a pipeline (kfp.Client's `delete_pipeline_version`). */
export async function deletePipelineVersion(
  client: KfpV2Client,
  pipelineId: string,
  pipelineVersionId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  unwrap(
    await client.DELETE('/apis/v2beta1/pipelines/{pipeline_id}/versions/{pipeline_version_id}', {
      params: { path: versionPath(pipelineId, pipelineVersionId) },
      signal: options.signal,
    }),
  );
}

function versionPath(pipelineId: string, pipelineVersionId: string) {
  return {
    pipeline_id: requireText('pipelineId', pipelineId, "'9b2f…'"),
    pipeline_version_id: requireText('pipelineVersionId', pipelineVersionId, "'c81d…'"),
  };
}

function tagsParam(tags: Record<string, string> | undefined): string | undefined {
  if (tags === undefined) return undefined;
  const valid =
    typeof tags === 'object' &&
    tags !== null &&
    Object.values(tags).every((value) => typeof value === 'string');
  if (!valid)
    throw invalidOption('tags must be an object of string keys and string values, e.g. { team: "fraud" }.');
  // The upload endpoints take tags as a JSON object in a query parameter.
  return JSON.stringify(tags);
}
