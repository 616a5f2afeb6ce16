import { requireText } from '@ml-platform/core';
import type { PipelineByNameOptions } from '../by-name-options.js';
import type { PipelinePackageSource } from '../pipeline-package.js';
import { runFromPackage } from '../run-from-package.js';

/** Where `createRunFromPackage` files the package it uploads, in both API versions. */
export interface PackageFilingOptions {
  /** The compiled pipeline to upload. */
  source: PipelinePackageSource;
  /** The pipeline it is filed under: created on first use, given a new version after that. */
  pipelineName: string;
  /** Namespace of the pipeline; leave out for a shared pipeline or on single-user deployments. */
  namespace?: string | undefined;
  /** Name of the new version; a timestamped one when left out. */
  versionName?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** One API version's pipeline helpers, as `createRunFromPackage` calls them, and how it reads their answers. */
export interface PackageUploadHelpers<Client, Pipeline, Version> {
  /** The version's `findPipelineByName`. */
  findPipelineByName(client: Client, options: PipelineByNameOptions): Promise<Pipeline | undefined>;
  /** The version's `uploadPipeline`. */
  uploadPipeline(
    client: Client,
    options: {
      source: PipelinePackageSource;
      name: string;
      namespace?: string | undefined;
      signal?: AbortSignal | undefined;
    },
  ): Promise<Pipeline>;
  /** The version's `uploadPipelineVersion`. */
  uploadPipelineVersion(
    client: Client,
    options: {
      source: PipelinePackageSource;
      pipelineId: string;
      name: string;
      signal?: AbortSignal | undefined;
    },
  ): Promise<Version>;
  /** The id of a pipeline, as the API version names it. */
  pipelineIdOf(pipeline: Pipeline): string | undefined;
  /** The version a new pipeline's upload created. */
  versionOfNewPipeline(
    client: Client,
    pipeline: Pipeline,
    signal: AbortSignal | undefined,
  ): Promise<Version | undefined>;
}

/** How the run of the uploaded version is made: what it targets, and the API version's `createRun`. */
export interface UploadedVersionRun<Pipeline, Version, Target, Run> {
  /** What the run executes, or undefined when the upload answered without the ids a run needs. */
  target(version: Version, pipeline: Pipeline | undefined): Target | undefined;
  /** Creates the run of that target with the version's `createRun`. */
  create(target: Target): Promise<Run>;
}

/**
 * `createRunFromPackage` of either API version: uploads the package as a new pipeline named
 * `pipelineName` the first time and as a new version of it after that, then runs exactly the
 * version just uploaded.
 */
export async function runUploadedPackage<Client, Pipeline, Version, Target, Run>(
  client: Client,
  options: PackageFilingOptions,
  helpers: PackageUploadHelpers<Client, Pipeline, Version>,
  run: UploadedVersionRun<Pipeline, Version, Target, Run>,
): Promise<{ run: Run; pipeline: Pipeline | undefined; pipelineVersion: Version }> {
  const pipelineName = requireText('pipelineName', options.pipelineName, "'fraud-detection'");
  const { source, namespace, signal } = options;
  return runFromPackage({
    pipelineName,
    versionName: options.versionName,
    findPipeline: () => helpers.findPipelineByName(client, { name: pipelineName, namespace, signal }),
    pipelineIdOf: helpers.pipelineIdOf,
    uploadVersion: (pipelineId, name) =>
      helpers.uploadPipelineVersion(client, { source, pipelineId, name, signal }),
    uploadPipeline: async () => {
      const pipeline = await helpers.uploadPipeline(client, {
        source,
        name: pipelineName,
        namespace,
        signal,
      });
      return { pipeline, version: await helpers.versionOfNewPipeline(client, pipeline, signal) };
    },
    runTarget: run.target,
    createRun: run.create,
  });
}
