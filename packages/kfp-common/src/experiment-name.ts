import { optionalText } from '@ml-platform/core';
import { processEnv } from './process-env.js';

/** The variable naming the experiment used when none is given, as in kfp.Client (kfp/client/client.py, 2.17.0). */
export const KF_PIPELINES_DEFAULT_EXPERIMENT_NAME = 'KF_PIPELINES_DEFAULT_EXPERIMENT_NAME';
/** The variable that replaces any experiment name given, as in kfp.Client (kfp/client/client.py, 2.17.0). */
export const KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME = 'KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME';

/** The experiment name kfp.Client falls back to. */
export const DEFAULT_EXPERIMENT_NAME = 'Default';

/**
 * The experiment a package run goes into, chosen as kfp.Client's
 * `create_run_from_pipeline_package` chooses it: `KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME`,
 * else `experimentName`, else `KF_PIPELINES_DEFAULT_EXPERIMENT_NAME`, else
 * `Default`. When the override changes the name the caller would have had,
 * `warn` is told so (kfp warns "Changing experiment name from ... to ...").
 */
export function packageRunExperimentName(
  experimentName: string | undefined,
  warn: (message: string) => void,
  env: Record<string, string | undefined> = processEnv(),
): string {
  const chosen =
    optionalText('experimentName', experimentName, "'nightly'") ??
    (env[KF_PIPELINES_DEFAULT_EXPERIMENT_NAME]?.trim() || undefined);
  const override = env[KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME]?.trim() || undefined;
  if (override !== undefined && override !== chosen) {
    warn(
      `Changing experiment name from "${chosen ?? DEFAULT_EXPERIMENT_NAME}" to "${override}" ` +
        `(${KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME} is set).`,
    );
  }
  return override ?? chosen ?? DEFAULT_EXPERIMENT_NAME;
}
