import { unwrap } from '@ml-platform/core';
import type { KfpV1Client } from '../client.js';
import type { Pipeline, PipelineVersion } from '../schemas.js';
import { KfpError, KfpErrorCode } from './errors.js';
import { isNotFound } from './not-found.js';
import { type PipelinePackageSource, toPipelineFile } from './pipeline-package.js';
import { invalidOption, optionalText, requireText } from './validate.js';

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
} & (
  | { pipelineId: string; pipelineName?: never; namespace?: never }
  | {
      pipelineName: string;
      pipelineId?: never /** Where to look the pipeline up by name. */;
      namespace?: string;
    }
);

/** Uploads a compiled pipeline as a new version of an existing pipeline, given its id or its name. */
export async function uploadPipelineVersion(
  client: KfpV1Client,
  options: UploadPipelineVersionOptions,
): Promise<PipelineVersion> {
  const pipelineid = await pipelineIdOf(client, options);
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
  try {
    return unwrap(result);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function pipelineIdOf(client: KfpV1Client, options: UploadPipelineVersionOptions): Promise<string> {
  const hasId = options.pipelineId !== undefined;
  const hasName = options.pipelineName !== undefined;
  if (hasId === hasName) {
    throw invalidOption(
      'Pass exactly one of pipelineId and pipelineName to say which pipeline gets the new version.',
    );
  }
  if (hasId) return requireText('pipelineId', options.pipelineId, "'9b2f…'");
  const name = requireText('pipelineName', options.pipelineName, "'fraud-detection'");
  const pipeline = await findPipelineByName(client, name, {
    namespace: options.namespace,
    signal: options.signal,
  });
  if (!pipeline?.id) {
    throw new KfpError(
      KfpErrorCode.notFound,
      `No pipeline is named '${name}'${options.namespace ? ` in namespace '${options.namespace}'` : ''}. ` +
        'Upload it first with uploadPipeline, or check the name and namespace.',
    );
  }
  return pipeline.id;
}
