import { optionalText, requireText, unwrap } from '@ml-platform/core';
import {
  callWithId,
  type KfpIdOption,
  type PackageFilingOptions,
  type PackageUploadHelpers,
  runUploadedPackage,
} from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { Pipeline, PipelineVersion, RunDetail } from '../schemas.js';
import { type PipelineToRun, runTarget } from './pipeline-spec.js';
import { findPipelineByName, uploadPipeline, uploadPipelineVersion } from './pipelines.js';

const RUN_ID: KfpIdOption = { option: 'runId', example: "'5e0b…'" };

/** What every way of starting a run takes: its name, experiment, parameters and service account. */
export interface RunSettings {
  /** Name shown in the UI. */
  name: string;
  /** The experiment that owns the run. Required by a multi-user server; a single-user one uses its default experiment when left out. */
  experimentId?: string | undefined;
  description?: string | undefined;
  /** Pipeline parameters by name; non-string values are sent as JSON text. */
  parameters?: Record<string, unknown> | undefined;
  /** Kubernetes ServiceAccount the run's pods use. */
  serviceAccount?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** The options of `createRun`: the run settings and the pipeline it runs. */
export type CreateRunOptions = RunSettings & PipelineToRun;

/** Starts a run (kfp.Client's `run_pipeline`); resolves to the run with its pipeline runtime. */
export async function createRun(client: KfpV1Client, options: CreateRunOptions): Promise<RunDetail> {
  return unwrap(
    await client.POST('/apis/v1beta1/runs', {
      body: {
        name: requireText('name', options.name, "'nightly 2025-06-01'"),
        description: options.description,
        service_account: optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'"),
        ...(await runTarget(options)),
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
  run: RunDetail;
  pipeline: Pipeline | undefined;
  pipelineVersion: PipelineVersion;
}

/** Uploads a package (as a new pipeline, or a new version of `pipelineName`) and runs exactly that version. */
export async function createRunFromPackage(
  client: KfpV1Client,
  options: CreateRunFromPackageOptions,
): Promise<RunFromPackage> {
  return runUploadedPackage(client, options, PIPELINE_HELPERS, {
    target: (version) => (version.id ? { pipelineVersionId: version.id } : undefined),
    create: (pipelineVersion) =>
      createRun(client, {
        name: options.name,
        experimentId: options.experimentId,
        description: options.description,
        parameters: options.parameters,
        serviceAccount: options.serviceAccount,
        signal: options.signal,
        pipelineVersion,
      }),
  });
}

const PIPELINE_HELPERS: PackageUploadHelpers<KfpV1Client, Pipeline, PipelineVersion> = {
  findPipelineByName,
  uploadPipeline,
  uploadPipelineVersion,
  pipelineIdOf: (pipeline) => pipeline.id,
  // v1beta1 answers an upload with the pipeline and the version it created as its default.
  versionOfNewPipeline: async (_client, pipeline) => pipeline.default_version,
};

/** The run with this id (kfp.Client's `get_run`). */
export async function getRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<RunDetail> {
  return callWithId(client, 'GET', '/apis/v1beta1/runs/{run_id}', RUN_ID, runId, options);
}

/** Asks KFP to stop a run. */
export async function terminateRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v1beta1/runs/{run_id}/terminate', RUN_ID, runId, options);
}

/** Re-runs the failed steps of a failed or terminated run. */
export async function retryRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v1beta1/runs/{run_id}/retry', RUN_ID, runId, options);
}

/** Archives a run (kfp.Client's `archive_run`); it leaves the default run list. */
export async function archiveRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v1beta1/runs/{id}:archive', RUN_ID, runId, options);
}

/** Restores an archived run. */
export async function unarchiveRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'POST', '/apis/v1beta1/runs/{id}:unarchive', RUN_ID, runId, options);
}

/** Deletes a run (kfp.Client's `delete_run`). */
export async function deleteRun(
  client: KfpV1Client,
  runId: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  await callWithId(client, 'DELETE', '/apis/v1beta1/runs/{id}', RUN_ID, runId, options);
}
