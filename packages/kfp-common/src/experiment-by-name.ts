import { optionalText, requireText } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';

export interface ExperimentByNameOptions {
  /** The experiment's name (`display_name` in v2beta1), unique within its namespace. */
  name: string;
  /** The profile namespace; leave out on single-user deployments. */
  namespace?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface GetOrCreateExperimentOptions extends ExperimentByNameOptions {
  /** Used only when the experiment is created. */
  description?: string | undefined;
}

/**
 * The experiment named `options.name` in the namespace, or undefined;
 * `KFP_AMBIGUOUS_NAME` when there are several. `list` asks the API version for
 * the experiments with that name (two are enough to tell).
 */
export async function findExperimentNamed<Experiment>(
  options: ExperimentByNameOptions,
  /** What to pass instead of the name, as the API version calls it. */
  idName: string,
  list: (name: string, namespace: string | undefined) => Promise<Experiment[]>,
): Promise<Experiment | undefined> {
  const name = requireText('name', options.name, "'nightly-training'");
  const namespace = optionalText('namespace', options.namespace, "'team-a'");
  const experiments = await list(name, namespace);
  if (experiments.length > 1) {
    throw new KfpError(
      KfpErrorCode.ambiguousName,
      `More than one experiment is named '${name}'${namespace ? ` in namespace '${namespace}'` : ''}; ` +
        `pass the ${idName} instead, or give the namespace.`,
    );
  }
  return experiments[0];
}
