import { namespaceFor } from '../client-namespace.js';
import type { GetOrCreateExperimentOptions } from '../experiment-by-name.js';
import { packageRunExperimentName } from '../experiment-name.js';

/** What a run helper was told about its experiment, beside an id (`experimentIdOf` checks that). */
export interface RunExperimentOptions {
  /** The experiment, by name; found or created. */
  experimentName?: string | undefined;
  /** Where to find or create it by name; default: the client's namespace. */
  namespace?: string | undefined;
  /** Told when `KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME` replaces the name; default `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** The two experiment helpers of one KFP API version that a run's experiment is found with. */
export interface RunExperimentHelpers<Client, Experiment> {
  /** The version's `getExperiment`. */
  getExperiment(
    client: Client,
    experimentId: string,
    options: { signal?: AbortSignal | undefined },
  ): Promise<Experiment>;
  /** The version's `getOrCreateExperiment`. */
  getOrCreateExperiment(client: Client, options: GetOrCreateExperimentOptions): Promise<Experiment>;
}

/**
 * The experiment a run goes in, as kfp.Client's `run_pipeline` helpers choose it: the one with
 * `experimentId` when given, else the one named by `experimentName` (or the environment's
 * `KF_PIPELINES_*_EXPERIMENT_NAME`, or `Default`), created when missing.
 */
export async function runExperiment<Client extends object, Experiment>(
  client: Client,
  experimentId: string | undefined,
  options: RunExperimentOptions,
  helpers: RunExperimentHelpers<Client, Experiment>,
): Promise<Experiment> {
  const { signal } = options;
  if (experimentId !== undefined) return helpers.getExperiment(client, experimentId, { signal });
  return helpers.getOrCreateExperiment(client, {
    name: packageRunExperimentName(options.experimentName, options.onWarning ?? console.warn),
    namespace: await namespaceFor(client, options.namespace),
    signal,
  });
}
