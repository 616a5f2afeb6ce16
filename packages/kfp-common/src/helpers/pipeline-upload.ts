import { optionalText } from '@ml-platform/core';
import type { PipelineByNameOptions } from '../by-name-options.js';
import { namespaceFor } from '../client-namespace.js';
import { packagePipelineName } from '../package-name.js';
import { type PipelineChoice, resolvePipelineId } from '../pipeline-id.js';
import { type PipelinePackageSource, toPipelineFile } from '../pipeline-package.js';

/** What both API versions' `uploadPipeline` read from their options before the request. */
export interface NewPipelineUpload {
  /** The package as the multipart file the upload endpoints take. */
  uploadfile: File;
  /** The name given, else the package's `pipelineInfo.name` (undefined for an Argo workflow: KFP's default). */
  name: string | undefined;
  /** The namespace given, else the client's; unchecked, as each version checks it in its own order. */
  namespace: string | undefined;
}

/** The file, name and namespace of a new pipeline's upload, the same in v1beta1 and v2beta1. */
export async function newPipelineUpload(
  client: object,
  options: { source: PipelinePackageSource; name?: string | undefined; namespace?: string | undefined },
): Promise<NewPipelineUpload> {
  const uploadfile = await toPipelineFile(options.source);
  // A KFP v2 package is named after pipelineInfo.name; an Argo workflow keeps KFP's default (the file name).
  const name =
    optionalText('name', options.name, "'fraud-detection'") ?? (await packagePipelineName(options.source));
  const namespace = await namespaceFor(client, options.namespace);
  return { uploadfile, name, namespace };
}

/**
 * The pipeline id and file of a new version's upload, the same in v1beta1 and v2beta1: the
 * pipeline by id, or by name through `idOfPipelineNamed`, checked before the package is read.
 */
export async function pipelineVersionUpload(
  options: PipelineChoice & { source: PipelinePackageSource; signal?: AbortSignal | undefined },
  idOfPipelineNamed: (options: PipelineByNameOptions) => Promise<string | undefined>,
): Promise<{ pipelineid: string; uploadfile: File }> {
  const pipelineid = await resolvePipelineId(options, idOfPipelineNamed);
  return { pipelineid, uploadfile: await toPipelineFile(options.source) };
}
