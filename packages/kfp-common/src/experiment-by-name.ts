import { optionalText, requireText } from '@ml-platform/core';
import { type ByNameOptions, checkByNameOptions } from './by-name-options.js';
import { KfpError, KfpErrorCode } from './errors.js';

/** The options of `findExperimentByName`; `name` is the experiment's name (`display_name` in v2beta1). */
export type ExperimentByNameOptions = ByNameOptions;

/** The options of `getOrCreateExperiment`. */
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
  const { name: givenName, namespace: givenNamespace } = checkByNameOptions('findExperimentByName', options);
  const name = requireText('name', givenName, "'nightly-training'");
  const namespace = optionalText('namespace', givenNamespace, "'team-a'");
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
