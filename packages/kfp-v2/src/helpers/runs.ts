import { optionalText, requireText, unwrap } from '@ml-platform/core';
import {
  callWithId,
  type KfpIdOption,
  type PackageFilingOptions,
  type PackageUploadHelpers,
  runUploadedPackage,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Pipeline, PipelineVersion, Run } from '../schemas.js';
import { type PipelineToRun, pipelineFields, runtimeConfigOf } from './pipeline-reference.js';
import {
  findPipelineByName,
  latestPipelineVersion,
  uploadPipeline,
  uploadPipelineVersion,
} from './pipelines.js';

/** What every way of starting a run takes: its name, experiment, parameters and service account. */
export interface RunSettings {
  /** Name shown in the UI. */
  displayName: string;
  /** The experiment the run belongs to. Required by a multi-user server; a single-user one uses its default experiment when left out. */
  experimentId?: string | undefined;
  description?: string | undefined;
  /** Runtime parameters of the pipeline, by name. */
  parameters?: Record<string, unknown> | undefined;
  /** Root of the run's output artifacts, e.g. `s3://bucket/runs`. */
  pipelineRoot?: string | undefined;
  /** Kubernetes ServiceAccount the run's pods use. */
  serviceAccount?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** The options of `createRun`: the run settings and the pipeline it runs. */
export type CreateRunOptions = RunSettings & PipelineToRun;

/** Starts a run of an uploaded pipeline version or of an inline pipeline spec (kfp.Client's `run_pipeline`). */
export async function createRun(client: KfpV2Client, options: CreateRunOptions): Promise<Run> {
  return unwrap(
    await client.POST('/apis/v2beta1/runs', {
      body: {
        display_name: requireText('displayName', options.displayName, "'nightly 2025-06-01'"),
        experiment_id: optionalText('experimentId', options.experimentId, "'3f1c…'"),
        description: options.description,
        service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
        runtime_config: runtimeConfigOf(options),
        ...pipelineFields(options),
      },
      signal: options.signal,
    }),
  );
}

/**
 * The options of `createRunFromPackage`: the run settings, the compiled package, and the pipeline
 * it is filed under.
 */
export interface CreateRunFromPackageOptions extends RunSettings, PackageFilingOptions {}

/** What `createRunFromPackage` returns: the run, and the pipeline and version it created or reused. */
export interface RunFromPackage {
  run: Run;
  pipeline: Pipeline | undefined;
  pipelineVersion: PipelineVersion;
}

/**
 * Uploads a package and runs exactly the version just uploaded: as a new
 * pipeline the first time, as a new version of the pipeline named
 * `pipelineName` after that. The run then links to the stored pipeline in the UI.
 */
export async function createRunFromPackage(
  client: KfpV2Client,
  options: CreateRunFromPackageOptions,
): Promise<RunFromPackage> {
  return runUploadedPackage(client, options, PIPELINE_HELPERS, {
    target: (version, pipeline) => {
      const pipelineId = version.pipeline_id ?? pipeline?.pipeline_id;
      return version.pipeline_version_id && pipelineId
        ? { pipelineId, pipelineVersionId: version.pipeline_version_id }
        : undefined;
    },
    create: (pipelineVersion) =>
      createRun(client, {
        displayName: options.displayName,
        experimentId: options.experimentId,
        description: options.description,
        parameters: options.parameters,
        serviceAccount: options.serviceAccount,
        pipelineRoot: options.pipelineRoot,
        signal: options.signal,
        pipelineVersion,
      }),
  });
}

const PIPELINE_HELPERS: PackageUploadHelpers<KfpV2Client, Pipeline, PipelineVersion> = {
  findPipelineByName,
  uploadPipeline,
  uploadPipelineVersion,
  pipelineIdOf: (pipeline) => pipeline.pipeline_id,
  // v2beta1 answers an upload with the pipeline alone; its first version is its newest.
  versionOfNewPipeline: async (client, pipeline, signal) =>
    pipeline.pipeline_id ? latestPipelineVersion(client, pipeline.pipeline_id, { signal }) : undefined,
};

const RUN_ID: KfpIdOption = { option: 'runId', example: "'5e0b…'" };

/** The run with this id (kfp.Client's `get_run`). */
export async function getRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<Run> {
  return callWithId(client, 'GET', '/apis/v2beta1/runs/{run_id}', RUN_ID, runId, options);
}

/** Asks KFP to stop a run; it moves through CANCELING to CANCELED. */
export async function terminateRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v2beta1/runs/{run_id}:terminate', RUN_ID, runId, options);
}

/** Re-runs the failed steps of a failed or terminated run. */
export async function retryRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v2beta1/runs/{run_id}:retry', RUN_ID, runId, options);
}

/** Archives a run (kfp.Client's `archive_run`); it leaves the default run list. */
export async function archiveRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v2beta1/runs/{run_id}:archive', RUN_ID, runId, options);
}

/** Restores an archived run. */
export async function unarchiveRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v2beta1/runs/{run_id}:unarchive', RUN_ID, runId, options);
}

/** Deletes a run (kfp.Client's `delete_run`). */
export async function deleteRun(
  client: KfpV2Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'DELETE', '/apis/v2beta1/runs/{run_id}', RUN_ID, runId, options);
}
