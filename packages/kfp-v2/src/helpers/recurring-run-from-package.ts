import { optionalText } from '@ml-platform/core';
import {
  experimentIdOf,
  namespaceFor,
  type PackageRunInput,
  preparePackageRun,
  type RecurringRunScheduling,
  recurringRunLimits,
} from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import type { Experiment, RecurringRun } from '../schemas.js';
import { getOrCreateExperiment } from './experiments.js';
import { createRecurringRun } from './recurring-runs.js';
import { scheduleToTrigger } from './schedule.js';

/** `createRecurringRunFromPackage`'s options: the package, the schedule and the recurring run's settings. */
export type CreateRecurringRunFromPackageOptions = Omit<PackageRunInput, 'displayName'> &
  RecurringRunScheduling & {
    /** Name of the recurring run (kfp's `--job-name`). */
    displayName: string;
    /** The experiment its runs belong to, by id. Not together with `experimentName`. */
    experimentId?: string;
    /** The experiment by name, created when missing. */
    experimentName?: string;
    /** Namespace of the experiment found or created by name; default: the client's. */
    namespace?: string;
    description?: string;
    /** Root of the runs' output artifacts, e.g. `s3://bucket/runs`. */
    pipelineRoot?: string;
    /** Kubernetes ServiceAccount the runs' pods use. */
    serviceAccount?: string;
  };

/** What `createRecurringRunFromPackage` created. */
export interface RecurringRunFromPackage {
  recurringRun: RecurringRun;
  /** The experiment found or created by `experimentName`; undefined otherwise. */
  experiment: Experiment | undefined;
}

/**
 * Schedules a compiled pipeline in one call, as kfp's `recurring-run create
 * --pipeline-package-path` does, checked first: the package is loaded and
 * validated (`KFP_INVALID_PIPELINE_PACKAGE`), the parameters checked against
 * its inputs (`KFP_INVALID_PARAMETERS`) and the schedule against the API's
 * rules before any request; the experiment is found or created by name; the
 * spec goes inline (with its platform spec, when the package has one).
 */
export async function createRecurringRunFromPackage(
  client: KfpV2Client,
  options: CreateRecurringRunFromPackageOptions,
): Promise<RecurringRunFromPackage> {
  const experimentName = optionalText('experimentName', options.experimentName, "'nightly'");
  const experimentId = experimentIdOf({ experimentId: options.experimentId, experimentName });
  // Checked here too, so a bad schedule is refused before the experiment is looked up or created.
  scheduleToTrigger(options.schedule);
  recurringRunLimits(options);
  const { pipelinePackage, pipelineSpec } = await preparePackageRun({ ...options, displayName: undefined });
  const spec = pipelinePackage.platformSpec
    ? { pipeline_spec: pipelineSpec, platform_spec: pipelinePackage.platformSpec }
    : pipelineSpec;
  const { signal } = options;
  const experiment =
    experimentName === undefined
      ? undefined
      : await getOrCreateExperiment(client, {
          name: experimentName,
          namespace: await namespaceFor(client, options.namespace),
          signal,
        });
  const recurringRun = await createRecurringRun(client, {
    displayName: options.displayName,
    experimentId: experiment?.experiment_id ?? experimentId,
    description: options.description,
    parameters: options.parameters,
    pipelineRoot: options.pipelineRoot,
    serviceAccount: options.serviceAccount,
    schedule: options.schedule,
    maxConcurrency: options.maxConcurrency,
    noCatchup: options.noCatchup,
    enabled: options.enabled,
    pipelineSpec: spec,
    signal,
  });
  return { recurringRun, experiment };
}
