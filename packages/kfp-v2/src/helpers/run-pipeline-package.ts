import { optionalText, unwrap } from '@ml-platform/core';
import {
  experimentIdOf,
  type PackageRunInput,
  preparePackageRun,
  runExperiment,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Experiment, Run } from '../schemas.js';
import { getExperiment, getOrCreateExperiment } from './experiments.js';
import { runtimeConfigOf } from './pipeline-reference.js';

/**
 * The options of `runPipelinePackage`: the package and its parameters, the experiment (by id or
 * name), and the run's settings.
 */
export interface RunPipelinePackageOptions extends PackageRunInput {
  /** The experiment to run in, by id. Not together with `experimentName`. */
  experimentId?: string | undefined;
  /**
   * The experiment to run in, by name, created when missing. Default:
   * `KF_PIPELINES_DEFAULT_EXPERIMENT_NAME`, else `Default`;
   * `KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME` wins over both (with a warning), as in kfp.Client.
   */
  experimentName?: string | undefined;
  description?: string | undefined;
  /** Namespace of the experiment found or created by name; default: the client's. */
  namespace?: string | undefined;
  /** Root of the run's output artifacts, e.g. `s3://bucket/runs`. */
  pipelineRoot?: string | undefined;
  /** Kubernetes ServiceAccount the run's pods use. */
  serviceAccount?: string | undefined;
  /** Told about the experiment-name override. Default: `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
}

/** What `runPipelinePackage` returns: the run it started and the experiment it ran in. */
export interface PipelinePackageRun {
  run: Run;
  experiment: Experiment;
}

/**
 * Runs a compiled pipeline in one call, as kfp.Client's
 * `create_run_from_pipeline_package` does, but checked first: the package is
 * loaded and validated as the server would (`KFP_INVALID_PIPELINE_PACKAGE`),
 * and the parameters against its declared inputs (`KFP_INVALID_PARAMETERS`),
 * before any request. The spec goes inline in `POST /apis/v2beta1/runs`
 * (with its platform spec as `{ pipeline_spec, platform_spec }` when the
 * package has one); nothing is uploaded and no pipeline version is created.
 */
export async function runPipelinePackage(
  client: KfpV2Client,
  options: RunPipelinePackageOptions,
): Promise<PipelinePackageRun> {
  const experimentId = experimentIdOf(options);
  const prepared = await preparePackageRun(options);
  const { pipelinePackage } = prepared;
  const runtimeConfig = runtimeConfigOf({
    parameters: options.parameters,
    pipelineRoot: options.pipelineRoot,
  });
  const serviceAccount = optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'");
  const { signal } = options;

  const experiment = await runExperiment(client, experimentId, options, {
    getExperiment,
    getOrCreateExperiment,
  });

  const pipelineSpec = pipelinePackage.platformSpec
    ? { pipeline_spec: prepared.pipelineSpec, platform_spec: pipelinePackage.platformSpec }
    : prepared.pipelineSpec;
  const run = unwrap(
    await client.POST('/apis/v2beta1/runs', {
      body: {
        display_name: prepared.displayName,
        experiment_id: experiment.experiment_id,
        description: options.description,
        service_account: serviceAccount,
        runtime_config: runtimeConfig,
        // The generated type says "empty object": upstream declares pipeline_spec as an untyped Struct.
        pipeline_spec: pipelineSpec as Record<string, never>,
      },
      signal,
    }),
  );
  return { run, experiment };
}
