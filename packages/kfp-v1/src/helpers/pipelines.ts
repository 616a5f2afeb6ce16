import { optionalText, requireText, unwrap, unwrapFound } from '@ml-platform/core';
import {
  type PipelineChoice,
  type PipelinePackageSource,
  resolvePipelineId,
  toPipelineFile,
} from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { Pipeline, PipelineVersion } from '../schemas.js';

export interface UploadPipelineOptions {
  /** The compiled pipeline: `{ path }`, `{ text }` or a Blob/File. */
  source: PipelinePackageSource;
  /** Unique name; KFP falls back to the file name when left out. */
  name?: string;
  description?: string;
  /** Namespace of a namespaced pipeline; leave out for a shared one. */
  namespace?: string;
  signal?: AbortSignal;
}

/** Uploads a compiled pipeline as a new pipeline (kfp.Client's `upload_pipeline`); its `default_version` is the upload. */
export async function uploadPipeline(client: KfpV1Client, options: UploadPipelineOptions): Promise<Pipeline> {
  const uploadfile = await toPipelineFile(options.source);
  return unwrap(
    await client.POST('/apis/v1beta1/pipelines/upload', {
      params: {
        query: {
          name: optionalText('name', options.name, "'fraud-detection'"),
          description: options.description,
          namespace: optionalText('namespace', options.namespace, "'team-a'"),
        },
      },
      body: { uploadfile },
      signal: options.signal,
    }),
  );
}

export type UploadPipelineVersionOptions = {
  source: PipelinePackageSource;
  /** Unique within the pipeline; KFP falls back to the file name when left out. */
  name?: string;
  description?: string;
  signal?: AbortSignal;
} & PipelineChoice;

/** Uploads a compiled pipeline as a new version of an existing pipeline, given its id or its name. */
export async function uploadPipelineVersion(
  client: KfpV1Client,
  options: UploadPipelineVersionOptions,
): Promise<PipelineVersion> {
  const pipelineid = await resolvePipelineId(
    options,
    async (name, lookup) => (await findPipelineByName(client, name, lookup))?.id,
  );
  const uploadfile = await toPipelineFile(options.source);
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
  name: string,
  options: { namespace?: string; signal?: AbortSignal } = {},
): Promise<Pipeline | undefined> {
  const result = await client.GET('/apis/v1beta1/namespaces/{namespace}/pipelines/{name}', {
    params: {
      path: {
        name: requireText('name', name, "'fraud-detection'"),
        namespace: optionalText('namespace', options.namespace, "'team-a'") ?? '-',
      },
    },
    signal: options.signal,
  });
  return unwrapFound(result);
}
