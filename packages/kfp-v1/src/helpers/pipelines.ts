import { optionalText, requireText, unwrap, unwrapFound } from '@ml-platform/core';
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
import type { KfpV1Client } from '../client.js';
import type { Pipeline, PipelineVersion } from '../schemas.js';

const PIPELINE_ID: KfpIdOption = { option: 'pipelineId', example: "'9b2f…'" };
const PIPELINE_VERSION_ID: KfpIdOption = { option: 'pipelineVersionId', example: "'c81d…'" };

/** The options of `uploadPipeline`. */
export interface UploadPipelineOptions {
  /** The compiled pipeline: `{ path }`, `{ text }` or a Blob/File. */
  source: PipelinePackageSource;
  /** Unique name. Default: a KFP v2 package's `pipelineInfo.name`; for an Argo workflow, KFP's (the file name). */
  name?: string | undefined;
  description?: string | undefined;
  /** Namespace of a namespaced pipeline; leave out for a shared one. */
  namespace?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Uploads a compiled pipeline as a new pipeline (kfp.Client's `upload_pipeline`); its `default_version` is the upload. */
export async function uploadPipeline(client: KfpV1Client, options: UploadPipelineOptions): Promise<Pipeline> {
  const { uploadfile, name, namespace } = await newPipelineUpload(client, options);
  return unwrap(
    await client.POST('/apis/v1beta1/pipelines/upload', {
      params: {
        query: {
          name,
          description: options.description,
          namespace: optionalText('namespace', namespace, "'team-a'"),
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
  /** Unique within the pipeline; KFP falls back to the file name when left out. */
  name?: string | undefined;
  description?: string | undefined;
  signal?: AbortSignal | undefined;
} & PipelineChoice;

/** Uploads a compiled pipeline as a new version of an existing pipeline, given its id or its name. */
export async function uploadPipelineVersion(
  client: KfpV1Client,
  options: UploadPipelineVersionOptions,
): Promise<PipelineVersion> {
  const { pipelineid, uploadfile } = await pipelineVersionUpload(
    options,
    async (lookup) => (await findPipelineByName(client, lookup))?.id,
  );
  return unwrap(
    await client.POST('/apis/v1beta1/pipelines/upload_version', {
      params: {
        query: {
          pipelineid,
          name: optionalText('name', options.name, "'v2'"),
          description: options.description,
        },
      },
      body: { uploadfile },
      signal: options.signal,
    }),
  );
}

/**
 * The pipeline with this name, or undefined. Without a namespace it looks up a
 * shared pipeline (or any, on a standalone install), which v1beta1 spells `-`.
 */
export async function findPipelineByName(
  client: KfpV1Client,
  options: PipelineByNameOptions,
): Promise<Pipeline | undefined> {
  const { name } = checkByNameOptions('findPipelineByName', options);
  const namespace = await namespaceFor(client, options.namespace);
  const result = await client.GET('/apis/v1beta1/namespaces/{namespace}/pipelines/{name}', {
    params: {
      path: {
        name: requireText('name', name, "'fraud-detection'"),
        namespace: optionalText('namespace', namespace, "'team-a'") ?? '-',
      },
    },
    signal: options.signal,
  });
  return unwrapFound(result);
}

/** The pipeline with this id (kfp.Client's `get_pipeline`). */
export async function getPipeline(
  client: KfpV1Client,
  pipelineId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Pipeline> {
  return callWithId(client, 'GET', '/apis/v1beta1/pipelines/{id}', PIPELINE_ID, pipelineId, options);
}

/** Deletes a pipeline; v1beta1 deletes its versions with it (it has no `cascade` switch). */
export async function deletePipeline(
  client: KfpV1Client,
  pipelineId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'DELETE', '/apis/v1beta1/pipelines/{id}', PIPELINE_ID, pipelineId, options);
}

/** One pipeline version by id (v1beta1 addresses versions without their pipeline). */
export async function getPipelineVersion(
  client: KfpV1Client,
  pipelineVersionId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<PipelineVersion> {
  return callWithId(
    client,
    'GET',
    '/apis/v1beta1/pipeline_versions/{version_id}',
    PIPELINE_VERSION_ID,
    pipelineVersionId,
    options,
  );
}

/** Deletes one version of a pipeline (kfp.Client's `delete_pipeline_version`). */
export async function deletePipelineVersion(
  client: KfpV1Client,
  pipelineVersionId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(
    client,
    'DELETE',
    '/apis/v1beta1/pipeline_versions/{version_id}',
    PIPELINE_VERSION_ID,
    pipelineVersionId,
    options,
  );
}
