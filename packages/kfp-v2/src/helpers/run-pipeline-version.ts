import { invalidOption, optionalText } from '@ml-platform/core';
import {
  defaultRunDisplayName,
  experimentIdOf,
  KfpError,
  KfpErrorCode,
  type PipelineChoice,
  resolvePipelineId,
  runExperiment,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Experiment, PipelineVersion, Run } from '../schemas.js';
import { getExperiment, getOrCreateExperiment } from './experiments.js';
import { findPipelineByName, getPipelineVersion, latestPipelineVersion } from './pipelines.js';
import { createRun, type RunSettings } from './runs.js';

/** Which pipeline: its id, or its name (looked up in `namespace`). */
export type PipelineToRunChoice =
  | { pipelineId: string; pipelineName?: never }
  | { pipelineName: string; pipelineId?: never };

/** `runPipelineVersion`'s options: which pipeline and version, the run's settings and its parameters. */
export type RunPipelineVersionOptions = Omit<RunSettings, 'displayName' | 'parameters'> &
  PipelineToRunChoice & {
    /** Where the pipeline is looked up by name and the experiment found or created; default: the client's. */
    namespace?: string;
    /** The version to run; default: the pipeline's newest version. */
    pipelineVersionId?: string;
    /** Name shown in the UI. Default: `<pipeline name> <YYYY-MM-DD HH-mm-ss>`. */
    displayName?: string;
    /** The experiment by name, created when missing; default as `runPipelinePackage`'s. Not with `experimentId`. */
    experimentName?: string;
    /** Run-time parameters as JSON values; checked against the version's declared inputs. */
    parameters?: Record<string, unknown>;
    /**
     * Run-time parameters as text (a command line's `KEY=VALUE`), typed as the
     * version's spec declares them (`parametersFromText`) and then checked. Not with `parameters`.
     */
    parameterText?: Record<string, string>;
    /** Told about the experiment-name override. Default: `console.warn`. */
    onWarning?: (message: string) => void;
  };

/** What `runPipelineVersion` created and ran. */
export interface PipelineVersionRun {
  run: Run;
  experiment: Experiment;
  pipelineVersion: PipelineVersion;
}

/**
 * Runs an uploaded pipeline, by id or name, at a given version or its newest,
 * as kfp's `run create -p/-n [-v]` does, but checked first: the parameters
 * against the version's stored spec (`KFP_INVALID_PARAMETERS`) before the
 * run is created. The experiment is found or created by name.
 */
export async function runPipelineVersion(
  client: KfpV2Client,
  options: RunPipelineVersionOptions,
): Promise<PipelineVersionRun> {
  const experimentId = experimentIdOf(options);
  const { signal } = options;
  const choice: PipelineChoice =
    options.pipelineId !== undefined
      ? { pipelineId: options.pipelineId }
      : { pipelineName: options.pipelineName, namespace: options.namespace };
  const pipelineId = await resolvePipelineId(
    { ...choice, signal },
    async (lookup) => (await findPipelineByName(client, lookup))?.pipeline_id,
  );
  const versionId = optionalText('pipelineVersionId', options.pipelineVersionId, "'c81d…'");
  const pipelineVersion = versionId
    ? await getPipelineVersion(client, pipelineId, versionId, { signal })
    : await latestPipelineVersion(client, pipelineId, { signal });
  if (!pipelineVersion?.pipeline_version_id) {
    throw new KfpError(
      KfpErrorCode.notFound,
      `Pipeline ${pipelineId} has no version to run: upload one first.`,
    );
  }
  const { parameters, pipelineName } = await checkedParameters(pipelineVersion, options);
  const experiment = await runExperiment(client, experimentId, options, {
    getExperiment,
    getOrCreateExperiment,
  });
  const run = await createRun(client, {
    displayName:
      options.displayName ?? defaultRunDisplayName(pipelineName ?? pipelineVersion.display_name ?? 'run'),
    experimentId: experiment.experiment_id,
    description: options.description,
    parameters,
    pipelineRoot: options.pipelineRoot,
    serviceAccount: options.serviceAccount,
    pipelineVersion: { pipelineId, pipelineVersionId: pipelineVersion.pipeline_version_id },
    signal,
  });
  return { run, experiment, pipelineVersion };
}

async function checkedParameters(
  version: PipelineVersion,
  options: Pick<RunPipelineVersionOptions, 'parameters' | 'parameterText' | 'signal'>,
): Promise<{ parameters: Record<string, unknown> | undefined; pipelineName: string | undefined }> {
  if (options.parameters !== undefined && options.parameterText !== undefined) {
    throw invalidOption('Pass parameters or parameterText, not both.');
  }
  const spec = version.pipeline_spec as Record<string, unknown> | undefined;
  // A version stored without its spec (very old servers) cannot be checked; the server then decides.
  if (!spec) return { parameters: options.parameters ?? options.parameterText, pipelineName: undefined };
  const { checkPipelineParameters, loadPipelinePackage, parametersFromText } = await import(
    '@ml-platform/kfp-pipeline-spec'
  );
  const loaded = await loadPipelinePackage(spec, { signal: options.signal });
  const parameters =
    options.parameterText !== undefined
      ? parametersFromText(loaded, options.parameterText)
      : options.parameters;
  checkPipelineParameters(loaded, parameters ?? {});
  return { parameters, pipelineName: loaded.pipelineName };
}
