import { invalidOption, optionalText, requireText, unwrap, unwrapFound } from '@ml-platform/core';
import {
  type PipelineChoice,
  type PipelinePackageSource,
  resolvePipelineId,
  toPipelineFile,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Pipeline, PipelineVersion } from '../schemas.js';

export interface UploadPipelineOptions {
  /** The compiled pipeline: `{ path }`, `{ text }` or a Blob/File. */
  source: PipelinePackageSource;
  /** Unique name in the namespace. KFP falls back to the file name when left out. */
  name?: string;
  /** Name shown in the UI; defaults to `name` server-side. */
  displayName?: string;
  description?: string;
  /** Profile namespace of a namespaced pipeline; leave out for a shared one or on single-user deployments. */
  namespace?: string;
  /** Key/value tags (63 characters at most each). */
  tags?: Record<string, string>;
  signal?: AbortSignal;
}

/** Uploads a compiled pipeline as a new pipeline (with its first version), like kfp.Client's `upload_pipeline`. */
export async function uploadPipeline(client: KfpV2Client, options: UploadPipelineOptions): Promise<Pipeline> {
  const uploadfile = await toPipelineFile(options.source);
  return unwrap(
    await client.POST('/apis/v2beta1/pipelines/upload', {
      params: {
        query: {
          name: optionalText('name', options.name, "'fraud-detection'"),
          display_name: optionalText('displayName', options.displayName, "'Fraud detection'"),
          description: options.description,
          namespace: optionalText('namespace', options.namespace, "'team-a'"),
          tags: tagsParam(options.tags),
        },
      },
      body: { uploadfile },
      signal: options.signal,
    }),
  );
}

export type UploadPipelineVersionOptions = {
  source: PipelinePackageSource;
  /** Unique within the pipeline. KFP falls back to the file name when left out. */
  name?: string;
  displayName?: string;
  description?: string;
  tags?: Record<string, string>;
  signal?: AbortSignal;
} & PipelineChoice;

/** Uploads a compiled pipeline as a new version of an existing pipeline, given its id or its name. */
export async function uploadPipelineVersion(
  client: KfpV2Client,
  options: UploadPipelineVersionOptions,
): Promise<PipelineVersion> {
  const pipelineid = await resolvePipelineId(
    options,
    async (name, lookup) => (await findPipelineByName(client, name, lookup))?.pipeline_id,
  );
  const uploadfile = await toPipelineFile(options.source);
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

/** The pipeline with this name (in the namespace, when given), or undefined. */
export async function findPipelineByName(
  client: KfpV2Client,
  name: string,
  options: { namespace?: string; signal?: AbortSignal } = {},
): Promise<Pipeline | undefined> {
  const result = await client.GET('/apis/v2beta1/pipelines/names/{name}', {
    params: {
      path: { name: requireText('name', name, "'fraud-detection'") },
      query: { namespace: optionalText('namespace', options.namespace, "'team-a'") },
    },
    signal: options.signal,
  });
  return unwrapFound(result);
}

/** The newest version of a pipeline, or undefined if it has none. */
export async function latestPipelineVersion(
  client: KfpV2Client,
  pipelineId: string,
  options: { signal?: AbortSignal } = {},
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
